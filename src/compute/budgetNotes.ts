// The notes under the budget table: the reasons of acknowledged warnings with "note": true.
import type { JsonPath } from '../errors.js';
import type { BudgetColumn } from '../model.js';

export interface AcknowledgedNote {
  reason: string;
  path: JsonPath;
}

const list = new Intl.ListFormat('sv', { type: 'conjunction' });

/**
 * Each reason once, where it is first given, after the columns its warnings are about ("Plan 2028 och
 * Plan 2029: …") when the plan has several columns and the reason does not name a column's year itself.
 * Two warnings acknowledged with the same reason (a deficit in two plan years) make one note.
 */
export function budgetNoteTexts(notes: readonly AcknowledgedNote[], columns: readonly BudgetColumn[]): string[] {
  const byReason = new Map<string, BudgetColumn[]>();
  for (const { reason, path } of notes) {
    const key = reason.trim();
    const named = byReason.get(key) ?? [];
    byReason.set(key, named);
    const column = path[0] === 'budget' && path[1] === 'columns' && typeof path[2] === 'number' ? columns[path[2]] : undefined;
    if (column && columns.length >= 2 && !key.includes(String(column.year)) && !named.includes(column)) named.push(column);
  }
  return [...byReason].map(([reason, named]) => (named.length === 0 ? reason : `${list.format(named.map((c) => c.label))}: ${reason}`));
}
