// What the section builders read besides their section: figures to fill into prose, the computed
// budget and contributions, and the list the problems they find are added to.
import type { ComputedBudget, ComputedContributions } from '../../model.js';
import type { JsonPath, PlanIssue } from '../../errors.js';
import type { ReferenceResolver } from '../references.js';
import type { ChartSources } from '../../charts/data.js';

export interface SectionContext {
  resolver: Pick<ReferenceResolver, 'resolve'>;
  issues: PlanIssue[];
  /** document.vision's statement, for a vision section. */
  visionStatement: string | undefined;
  /** The plan has a budget (it may have been refused; then figures are checked by name only). */
  hasBudget: boolean;
  /** The computed budget, when it was not refused. */
  budget: ComputedBudget | undefined;
  contributions: ComputedContributions | undefined;
  /** What the plan's charts are computed from. */
  charts: ChartSources;
}

/** A prose field with its figures filled in; a missing optional field stays missing. */
export interface Fill {
  (value: string, at: JsonPath): string;
  (value: string | undefined, at: JsonPath): string | undefined;
}

export function filler(ctx: Pick<SectionContext, 'resolver' | 'issues'>): Fill {
  function fill(value: string, at: JsonPath): string;
  function fill(value: string | undefined, at: JsonPath): string | undefined;
  function fill(value: string | undefined, at: JsonPath): string | undefined {
    return value === undefined ? undefined : ctx.resolver.resolve(value, at, ctx.issues);
  }
  return fill;
}
