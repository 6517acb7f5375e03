// vplan next, the status: next year's plan is an utkast, with no decision yet. It keeps who decides, and
// the plan's own decision lines only where they can stand in a draft.
import type { PlanIssue } from '../errors.js';
import { ADOPTED } from './text.js';
import { isObject, shiftYears, type Json } from './shared.js';

const PLACEHOLDER = /\{\s*(datum|paragraf)\s*\}/;
const FIELDS = ['decisionText', 'closingText'] as const;

/** What a decided plan states for its decision line: its state, and the date and paragraph the line quotes. */
const needs = (text: string) => {
  const fields = ['state: fastställd (eller beslutad)', /\{\s*datum\s*\}/.test(text) && 'decisionDate', /\{\s*paragraf\s*\}/.test(text) && 'paragraph'].filter(Boolean);
  return fields.length === 1 ? fields[0] : `${fields.slice(0, -1).join(', ')} och ${fields[fields.length - 1]}`;
};

/**
 * The new status: utkast, the deciding body kept. A decision line (decisionText, closingText) that says
 * the plan is decided ("Fastställd av {organ} {datum}") would print so on the draft, and one that quotes
 * the date or paragraph has nothing to quote until the plan is decided: such a line is left out, and a
 * warning gives it back, its years a year on, to write when the plan is decided.
 */
export function nextStatus(status: unknown): { status: Json; warnings: PlanIssue[] } {
  const old = isObject(status) ? status : {};
  const next: Json = { state: 'utkast' };
  if (old.decisionBody !== undefined) next.decisionBody = old.decisionBody;
  const warnings: PlanIssue[] = [];
  for (const field of FIELDS) {
    const text = old[field];
    if (typeof text !== 'string') continue;
    const adopted = ADOPTED.exec(text);
    if (!adopted && !PLACEHOLDER.test(text)) {
      next[field] = text;
      continue;
    }
    const why = adopted
      ? `säger att planen är beslutad ("${adopted[0]}"), och nästa års plan är ett utkast`
      : `fylls i med beslutets datum eller paragraf, som nästa års plan inte har än`;
    warnings.push({
      path: ['document', 'status'],
      message: `${field} "${text}" ${why}; raden togs bort. När planen är fastställd: skriv tillbaka den (här med årtalen ett år fram) som ${field}: "${shiftYears(text)}" och ange ${needs(text)}`,
    });
  }
  return { status: next, warnings };
}
