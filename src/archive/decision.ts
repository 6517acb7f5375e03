// vplan archive's OBS: a plan filed as adopted (fastställd, beslutad) whose budget or text changed
// since an earlier version filed with the same decision, the same check as vplan diff's: its PDF
// prints "Fastställd av styrelsen 2024-11-28" over figures or words the board never saw.
import path from 'node:path';
import { checkPlan } from '../build.js';
import { isDecided } from '../compute/status.js';
import { diffPlans } from '../diff/diff.js';
import type { ComputedPlan } from '../model.js';
import { PLAN_FILE, type FiledVersion } from './manifest.js';

/**
 * The warning for version `filed` of `plan`, against the latest earlier version filed with the same
 * status and decision date; undefined when there is none, or nothing changed since it.
 */
export async function staleDecision(plan: ComputedPlan, filed: FiledVersion, earlier: FiledVersion[]): Promise<string | undefined> {
  const { state, decisionDate } = plan.document.status;
  if (!isDecided(state) || !decisionDate) return undefined;
  const adopted = earlier.filter((v) => v.manifest.version < filed.manifest.version && v.manifest.status === state && v.manifest.decisionDate === decisionDate).at(-1);
  if (!adopted) return undefined;
  // A version filed by an older vplan that this one cannot read is not compared (verify --rebuild says so).
  const before = await checkPlan(path.join(adopted.dir, adopted.manifest.plan ?? PLAN_FILE)).catch(() => undefined);
  if (!before) return undefined;
  const note = diffPlans(before.plan, plan, `version ${adopted.manifest.version}`).decisionNote;
  if (!note) return undefined;
  const { dnr, version } = filed.manifest;
  return (
    `OBS: ${dnr} version ${version} jämförd med version ${adopted.manifest.version}, som också är ${state} ${decisionDate}: ${note}. ` +
    `Versionen är arkiverad; arkivera den rättade planen som nästa version (vplan diff "${dnr}@${adopted.manifest.version}" "${dnr}@${version}" visar ändringarna).\n`
  );
}
