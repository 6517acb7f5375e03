// All errors of a plan in one run: when the schema refuses parts of a plan, the parts it accepts are
// still computed (the budget, the figures quoted in the sections that are valid, the texts of a refused
// section), so their errors are reported in the same run instead of the next one.
import { planSchema, type PlanInput } from '../load/schema.js';
import type { PlanForm } from '../load/loadPlan.js';
import type { JsonPath, PlanIssue } from '../errors.js';
import { computePlan } from './computePlan.js';
import { chartsStandIn, repairCharts, type RepairedCharts } from '../charts/repair.js';
import { at, replaceAt, startsWith } from '../jsonPath.js';
import { meantInteger } from '../load/messages.js';

const PLACEHOLDER_DOCUMENT = { association: { name: '-' }, title: '-', budgetYear: 2000, status: { state: 'förslag' } };
const PLACEHOLDER_SECTION = { type: 'text', title: '-' };

/** What of a plan the schema refused can still be checked. */
export interface BeyondSchema {
  /** The budget, contribution, chart and reference errors of the parts the schema accepted. */
  issues: PlanIssue[];
  /**
   * Those parts as a plan (refused ones replaced by stand-ins), for checking the files it names: its
   * logo only when `logoAccepted`. Undefined when too little was accepted to make one.
   */
  accepted?: PlanInput | undefined;
  logoAccepted: boolean;
}

/** What can be checked of the parts of `value` the schema accepted (see BeyondSchema). */
export function issuesBeyondSchema(value: unknown, allIssues: PlanIssue[], file: string, form: PlanForm = 'json'): BeyondSchema {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { issues: [], logoAccepted: false };
  // A refused chart does not take its section out: what of it the schema accepts is checked.
  const charts = repairCharts(value as Record<string, unknown>, allIssues);
  const computed = computedIssues(value as Record<string, unknown>, charts, file, form);
  return { ...computed, issues: [...charts.issues, ...computed.issues] };
}

/** A refused section's own texts that the schema has nothing against: checked in its stand-in. */
const TEXT_KEYS = ['text', 'textAfter'] as const;
function keptTexts(section: unknown, path: JsonPath, issues: readonly PlanIssue[]): Record<string, string> {
  if (section === null || typeof section !== 'object') return {};
  const kept: Record<string, string> = {};
  for (const key of TEXT_KEYS) {
    const text = (section as Record<string, unknown>)[key];
    if (typeof text === 'string' && !issues.some((i) => startsWith(i.path, [...path, key]))) kept[key] = text;
  }
  return kept;
}

/** A refused section's sub-sections (each accepted or itself replaced), unless its list itself was refused. */
function keptChildren(section: unknown, path: JsonPath, issues: readonly PlanIssue[]): { sections?: unknown[] } {
  const children = section !== null && typeof section === 'object' ? (section as Record<string, unknown>).sections : undefined;
  if (!Array.isArray(children) || children.length === 0) return {};
  const list = [...path, 'sections'];
  const listRefused = issues.some((i) => startsWith(i.path, list) && typeof i.path[list.length] !== 'number');
  return listRefused ? {} : { sections: children };
}

function computedIssues(value: Record<string, unknown>, charts: RepairedCharts, file: string, form: PlanForm): BeyondSchema {
  const plan: Record<string, unknown> = { ...value, sections: charts.sections };
  const schemaIssues = charts.remaining;
  const bad = new Set(schemaIssues.map((i) => i.path[0]));
  const sectionsListRefused = schemaIssues.some((i) => i.path[0] === 'sections' && typeof i.path[1] !== 'number');

  const repaired: Record<string, unknown> = {};
  const documentOk = !bad.has('document');
  // A budget refused only for amounts written as text ("2 000 000") is computed with the amounts meant.
  const cells = bad.has('budget') ? amountsMeant(plan.budget, schemaIssues) : undefined;
  if (cells) plan.budget = cells.budget;
  const budgetOk = !bad.has('budget') || cells !== undefined;
  const contributionsOk = !bad.has('contributions');
  repaired.document = documentOk ? plan.document : PLACEHOLDER_DOCUMENT;
  if (plan.budget !== undefined && budgetOk && contributionsOk) repaired.budget = plan.budget;
  // Contributions are checked against the budget: with the budget refused, against nothing (they would
  // be reported as pointing at a budget the plan has not got).
  if (plan.contributions !== undefined && contributionsOk && (budgetOk || plan.budget === undefined)) repaired.contributions = plan.contributions;
  const sectionsAccepted = !sectionsListRefused && Array.isArray(plan.sections) && plan.sections.length > 0;
  // Figures in the text need the whole document, budget and contributions to be checked truly.
  const sectionsChecked = documentOk && budgetOk && contributionsOk && sectionsAccepted;
  // A refused section, at any depth, is replaced where it stands: by a chart section of its charts alone
  // (checked in the same run), or by an empty one, either with the section's texts (their figures and
  // images are checked) and its sub-sections (the deepest refused are replaced first). Its siblings,
  // parents and their paths stay as they are.
  const refused = sectionsAccepted ? refusedSections(schemaIssues) : [];
  let sections = plan.sections;
  for (const path of refused) {
    const section = at({ sections }, path);
    const standIn = chartsStandIn(section, path, schemaIssues) ?? PLACEHOLDER_SECTION;
    sections = replaceAt(sections, path.slice(1), { ...standIn, ...keptTexts(section, path, schemaIssues), ...keptChildren(section, path, schemaIssues) });
  }
  repaired.sections = sectionsChecked ? sections : [PLACEHOLDER_SECTION];
  const accepted = filesOf(plan, schemaIssues, documentOk, sectionsAccepted ? sections : undefined);

  const parsed = planSchema.safeParse(repaired);
  if (sectionsListRefused || !parsed.success) return { issues: [], ...accepted };
  const outcome = computePlan(parsed.data, file, form);
  const issues = outcome.issues.filter((issue) => {
    if (issue.path[0] === 'document' && !documentOk) return false;
    // A row whose amount was read as meant: its own errors are the schema's (its amount's) alone.
    if (cells?.rows.some((row) => startsWith(issue.path, row))) return false;
    if (issue.path[0] === 'sections') {
      if (!sectionsChecked || typeof issue.path[1] !== 'number') return false;
      // Within a refused section (the innermost), only what its stand-in kept was checked truly.
      const inRefused = refused.filter((path) => startsWith(issue.path, path)).sort((a, b) => b.length - a.length)[0];
      const kept = ['charts', 'sections', ...TEXT_KEYS] as const;
      return !charts.hides(issue.path) && (!inRefused || kept.some((key) => issue.path[inRefused.length] === key));
    }
    return true;
  });
  return { issues, ...accepted };
}

/**
 * The budget with each amount the schema refused as the number it plainly means ("2 000 000", "−750"
 * → 2000000, -750), when every issue of the budget is such an amount; with the rows they stand in.
 */
function amountsMeant(budget: unknown, issues: readonly PlanIssue[]): { budget: unknown; rows: JsonPath[] } | undefined {
  const own = issues.filter((i) => i.path[0] === 'budget');
  let repaired = budget;
  const rows: JsonPath[] = [];
  for (const issue of own) {
    const cell = issue.path.lastIndexOf('values');
    if (cell < 1 || cell !== issue.path.length - 2) return undefined;
    const written = at({ budget }, issue.path);
    const meant = typeof written === 'string' ? meantInteger(written) : undefined;
    if (meant === undefined) return undefined;
    repaired = replaceAt(repaired, issue.path.slice(1), meant);
    rows.push(issue.path.slice(0, cell));
  }
  return { budget: repaired, rows };
}

/**
 * The accepted parts as a plan for checking the files it names: the sections with their stand-ins (or
 * none), and the document, or a stand-in for it with its logo where the schema has nothing against that.
 */
function filesOf(plan: Record<string, unknown>, issues: readonly PlanIssue[], documentOk: boolean, sections: unknown): Omit<BeyondSchema, 'issues'> {
  const logo = plan.document !== null && typeof plan.document === 'object' ? (plan.document as Record<string, unknown>).logo : undefined;
  const logoOk = logo !== undefined && !issues.some((i) => startsWith(i.path, ['document', 'logo']));
  const document = documentOk ? plan.document : logoOk ? { ...PLACEHOLDER_DOCUMENT, logo } : PLACEHOLDER_DOCUMENT;
  const named = planSchema.safeParse({ document, sections: sections ?? [PLACEHOLDER_SECTION] });
  return { accepted: named.success ? named.data : undefined, logoAccepted: logoOk || documentOk };
}

/** The sections (sections[i](.sections[j])*) the schema refused for an issue of their own, the deepest first. */
function refusedSections(issues: readonly PlanIssue[]): JsonPath[] {
  const paths = issues.filter((i) => i.path[0] === 'sections').map((i) => sectionOf(i.path));
  return [...new Map(paths.map((p) => [JSON.stringify(p), p])).values()].sort((a, b) => b.length - a.length);
}

/** The deepest section a path is in: sections[i](.sections[j])*. */
function sectionOf(path: JsonPath): JsonPath {
  let i = 0;
  while (path[i] === 'sections' && typeof path[i + 1] === 'number') i += 2;
  return path.slice(0, i);
}
