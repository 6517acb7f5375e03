// A hint in a message shows what to write as the plan is written. Compute's messages give their hints in
// JSON ("type": "budget", { "kind": "utfall", "year": … }); for a YAML plan or a plan folder the same
// hint is shown in YAML (type: budget, { kind: utfall, year: … }), which is what the user types there.
import type { PlanForm } from '../load/loadPlan.js';
import type { PlanIssue } from '../errors.js';

/** A key and a one-word text or a date in JSON ("kind": "utfall", "decisionDate": "2026-11-26"). */
const KEY_AND_WORD = /"([A-Za-z]\w*)": "([A-Za-zåäöÅÄÖ]\w*|\d{4}-\d{2}-\d{2})"/g;
/** A key before another value ("remainder": true, "year": …), or any key inside an object ({ "name": "Orsa kommun" }). */
const KEY = /"([A-Za-z]\w*)": (?=true\b|false\b|null\b|-?\d|\{|\[|…)|(?<=[{,] )"([A-Za-z]\w*)": /g;

/** A part of the plan a key is written in: i delen "budget" (JSON), under budget: (YAML). */
const PART = /i delen "([A-Za-z]\w*)"/g;

export function yamlHint(message: string): string {
  return message
    .replace(PART, 'under $1:').replace(KEY_AND_WORD, '$1: $2').replace(KEY, (_m, a: string | undefined, b: string | undefined) => `${a ?? b}: `);
}

/** The issues with their hints in the plan's own form. */
export function inPlanForm(issues: PlanIssue[], form: PlanForm): PlanIssue[] {
  return form === 'json' ? issues : issues.map((issue) => ({ ...issue, message: yamlHint(issue.message) }));
}
