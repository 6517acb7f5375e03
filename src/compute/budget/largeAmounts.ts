// Step: an amount in a tkr budget that is only likely in kronor. A samordningsförbund's whole budget is a
// few tens of millions of kronor; a row of 100 000 tkr or more (100 miljoner kronor) is an amount typed
// in kronor into a plan in tkr (1020000 for 1 020 tkr), which would print a thousand times too large.
// A warning at the value, which the plan can acknowledge.
import { formatInteger } from '../../format.js';
import type { PlanIssue } from '../../errors.js';
import { writtenValue } from './columns.js';
import { leafRows } from './leafRows.js';
import { report, type StartState } from './state.js';

/** 100 miljoner kronor, in tkr. */
const LIKELY_KRONOR = 100_000;

export function largeAmounts(state: StartState): StartState {
  const { columns, unit } = state.input;
  if (unit !== 'tkr') return state;
  const warnings: PlanIssue[] = [];
  const rows = [...leafRows(state.input, 'income'), ...leafRows(state.input, 'costs')];
  const count = new Map<string, number>();
  for (const { row } of rows) count.set(row.label, (count.get(row.label) ?? 0) + 1);
  for (const { row, path } of rows) {
    const large = Object.entries(row.values ?? {}).filter(([, v]) => v !== null && Math.abs(v) >= LIKELY_KRONOR);
    if (large.length === 0) continue;
    const [key, value] = large[0]!;
    const { at, column } = writtenValue(columns, key);
    warnings.push({
      path: [...path, 'values', at],
      ...(count.get(row.label) === 1 ? { code: `largeAmount:${row.label}` } : {}),
      message: `raden "${row.label}" har ${formatInteger(value!)} tkr i ${column}, alltså ${formatInteger(Math.round(value! / 1000))} miljoner kronor: är beloppet skrivet i kronor? Budgeten är i tkr ("unit": "tkr"), så skriv ${formatInteger(Math.round(value! / 1000))} för ${formatInteger(value!)} kr`,
    });
  }
  return report(state, [], warnings);
}
