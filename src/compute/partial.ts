// All errors of a plan in one run: when the schema refuses parts of a plan, the parts it accepts are
// still computed (the budget, the figures quoted in the sections that are valid), so their errors are
// reported in the same run instead of the next one.
import { planSchema } from '../load/schema.js';
import type { PlanIssue } from '../errors.js';
import { computePlan } from './computePlan.js';
import { chartsStandIn, repairCharts } from '../charts/repair.js';

const PLACEHOLDER_DOCUMENT = { association: { name: '-' }, title: '-', budgetYear: 2000, status: { state: 'förslag' } };
const PLACEHOLDER_SECTION = { type: 'text', title: '-' };

/** The budget, contribution, chart and reference errors of the parts of `value` the schema accepted. */
export function issuesBeyondSchema(value: unknown, allIssues: PlanIssue[], file: string): PlanIssue[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [];
  // A refused chart does not take its section out: what of it the schema accepts is checked.
  const charts = repairCharts(value as Record<string, unknown>, allIssues);
  return [...charts.issues, ...computedIssues(value as Record<string, unknown>, charts, file)];
}

function computedIssues(value: Record<string, unknown>, charts: ReturnType<typeof repairCharts>, file: string): PlanIssue[] {
  const plan: Record<string, unknown> = { ...value, sections: charts.sections };
  const schemaIssues = charts.remaining;
  const bad = new Set(schemaIssues.map((i) => i.path[0]));
  const badSections = new Set(schemaIssues.filter((i) => i.path[0] === 'sections' && typeof i.path[1] === 'number').map((i) => i.path[1] as number));
  if (bad.has('sections') && schemaIssues.some((i) => i.path[0] === 'sections' && typeof i.path[1] !== 'number')) return [];

  const repaired: Record<string, unknown> = {};
  const documentOk = !bad.has('document');
  const budgetOk = !bad.has('budget');
  const contributionsOk = !bad.has('contributions');
  repaired.document = documentOk ? plan.document : PLACEHOLDER_DOCUMENT;
  if (plan.budget !== undefined && budgetOk && contributionsOk) repaired.budget = plan.budget;
  // Contributions are checked against the budget: with the budget refused, against nothing (they would
  // be reported as pointing at a budget the plan has not got).
  if (plan.contributions !== undefined && contributionsOk && (budgetOk || plan.budget === undefined)) repaired.contributions = plan.contributions;
  // Figures in the text need the whole document, budget and contributions to be checked truly.
  const sectionsChecked = documentOk && budgetOk && contributionsOk && Array.isArray(plan.sections);
  // A refused section's charts are still checked, in a chart section of their own in its place.
  const kept = sectionsChecked
    ? (plan.sections as unknown[]).flatMap((section, index) => {
        if (!badSections.has(index)) return [{ index, section, whole: true }];
        const standIn = chartsStandIn(section, ['sections', index], schemaIssues);
        return standIn ? [{ index, section: standIn, whole: false }] : [];
      })
    : [];
  repaired.sections = kept.length > 0 ? kept.map((k) => k.section) : [PLACEHOLDER_SECTION];

  const parsed = planSchema.safeParse(repaired);
  if (!parsed.success) return [];
  const outcome = computePlan(parsed.data, file);
  return outcome.issues.flatMap((issue) => {
    if (issue.path[0] === 'document' && !documentOk) return [];
    if (issue.path[0] === 'sections') {
      if (typeof issue.path[1] !== 'number' || kept.length === 0) return [];
      const { index, whole } = kept[issue.path[1]]!;
      const path = ['sections', index, ...issue.path.slice(2)];
      return charts.hides(path) || (!whole && path[2] !== 'charts') ? [] : [{ ...issue, path }];
    }
    return [issue];
  });
}
