// Acknowledged warnings: a plan can say why a warning is in order (a planned deficit covered by saved
// capital, by the board's decision). An acknowledged warning is not repeated; its reason can be printed
// as a note under the budget table. Every other warning says how to acknowledge it.
import { stringify } from 'yaml';
import type { AcknowledgedWarningInput } from '../load/schema.js';
import type { PlanForm } from '../load/loadPlan.js';
import { formatPath, type JsonPath, type PlanIssue } from '../errors.js';

/** The code a warning is acknowledged by: its own ("deficit:budget2025"), else where it points. */
export function warningCode(warning: PlanIssue): string {
  return warning.code ?? formatPath(warning.path);
}

export interface Acknowledged {
  /** The warnings still to show, each telling how to acknowledge it. */
  warnings: PlanIssue[];
  /** Reasons to print under the budget table, in the plan's order, with where their warnings point. */
  notes: { reason: string; path: JsonPath }[];
  issues: PlanIssue[];
}

/**
 * Applies the plan's acknowledgements to its warnings. `complete` is false when the plan was refused:
 * then some warnings were never reached, and an acknowledgement without its warning is not reported.
 */
export function acknowledge(warnings: PlanIssue[], acknowledgements: AcknowledgedWarningInput[] = [], complete = true, form: PlanForm = 'json'): Acknowledged {
  const issues: PlanIssue[] = [];
  const byCode = new Map<string, number>();
  acknowledgements.forEach((a, i) => {
    const code = a.warning.trim();
    if (byCode.has(code)) issues.push({ path: ['acknowledgedWarnings', i, 'warning'], message: `varningen "${code}" är redan kvitterad ovan; ta bort den ena` });
    else byCode.set(code, i);
  });
  const used = new Set<number>();
  const shown: PlanIssue[] = [];
  const notes: Acknowledged['notes'] = [];
  for (const warning of warnings) {
    const code = warningCode(warning);
    const index = byCode.get(code);
    if (index === undefined) {
      shown.push({ ...warning, message: `${warning.message} [${code}; ${howToAcknowledge(code, form)}]` });
      continue;
    }
    used.add(index);
    const a = acknowledgements[index]!;
    if (!a.note) continue;
    if (warning.path[0] === 'budget') notes.push({ reason: a.reason, path: warning.path });
    else issues.push({ path: ['acknowledgedWarnings', index, 'note'], message: `skälet kan bara skrivas under budgettabellen, och "${code}" gäller inte budgeten; ta bort "note"` });
  }
  if (complete) {
    acknowledgements.forEach((a, i) => {
      if (!used.has(i) && byCode.get(a.warning.trim()) === i) {
        // A warning once acknowledged by where it points ("budget.columns[0]") that now has a code of its own.
        const coded = warnings.find((w) => w.code !== undefined && formatPath(w.path) === a.warning.trim());
        const message = coded
          ? `varningen på ${a.warning.trim()} kvitteras nu med sin kod "${coded.code}", inte med platsen (som efter vplan next är en annan kolumn); skriv warning: ${coded.code} om skälet gäller den`
          : `planen ger ingen varning "${a.warning.trim()}" att kvittera; ta bort kvitteringen (eller rätta koden efter varningen)`;
        shown.push({ path: ['acknowledgedWarnings', i, 'warning'], message });
      }
    });
  }
  return { warnings: shown, notes, issues };
}

/** The acknowledgement to write, as the plan is written: JSON for a JSON plan, YAML's lines for the others. */
function howToAcknowledge(code: string, form: PlanForm): string {
  if (form === 'json') return `kvitteras med { "warning": ${JSON.stringify(code)}, "reason": "…" } i acknowledgedWarnings`;
  const yamlCode = stringify(code, { lineWidth: 0 }).trimEnd();
  return `kvitteras med raderna "- warning: ${yamlCode}" och "  reason: …" under acknowledgedWarnings:`;
}
