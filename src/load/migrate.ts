// Format versions: every plan may say which version of the plan format it is written for
// (`version: 1`). A plan for an older version is brought up to date on load, with a notice, so an
// archived plan always rebuilds; one for a newer version than this vplan knows is refused.
import type { PlanIssue } from '../errors.js';

/** The plan format this vplan writes and reads. A plan without `version` is version 1. */
export const FORMAT_VERSION = 1;

/** Steps from version n to n + 1, each a pure function of the plan's value. None yet: 1 is the first. */
export type Migration = { from: number; describe: string; apply(value: Record<string, unknown>): Record<string, unknown> };
export const MIGRATIONS: Migration[] = [];

export type Migrated = { value: unknown; notices: PlanIssue[] } | { issues: PlanIssue[] };

export function migrate(value: unknown, migrations: Migration[] = MIGRATIONS, current = FORMAT_VERSION): Migrated {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { value, notices: [] };
  let plan = value as Record<string, unknown>;
  const declared = plan.version ?? 1;
  if (typeof declared !== 'number' || !Number.isInteger(declared) || declared < 1) {
    return { issues: [{ path: ['version'], message: `formatversionen ska vara ett heltal, t.ex. version: ${current}` }] };
  }
  if (declared > current) {
    return {
      issues: [{ path: ['version'], message: `planen är skriven för formatversion ${declared}, men den här vplan läser högst version ${current}; uppdatera vplan (npm install vplan@latest)` }],
    };
  }
  const notices: PlanIssue[] = [];
  for (let v = declared; v < current; v++) {
    const step = migrations.find((m) => m.from === v);
    if (!step) return { issues: [{ path: ['version'], message: `vplan kan inte läsa formatversion ${v}` }] };
    plan = { ...step.apply(plan), version: v + 1 };
    notices.push({ path: ['version'], message: `planen var skriven för formatversion ${v} och lästes som version ${v + 1}: ${step.describe}` });
  }
  return { value: plan, notices };
}
