// vplan next, checked: each new column starts from the amounts of an old one, row by row. A row that
// does not (a member's contribution now allotted by the table's shares) is said, not passed over.
import type { PlanIssue } from '../errors.js';
import { formatInteger } from '../format.js';
import type { ComputedBudget } from '../model.js';
import type { ColumnMove } from './columns.js';

const SHOWN = 3;

export function changedRows(moves: ColumnMove[], old: ComputedBudget | undefined, now: ComputedBudget | undefined): PlanIssue[] {
  if (!old || !now) return [];
  const oldRows = new Map(old.table.rows.filter((r) => r.kind === 'row').map((r) => [JSON.stringify(r.path), r]));
  return moves.flatMap((m, i) => {
    const from = old.columns.findIndex((c) => c.id === m.sourceId);
    if (from < 0) return [];
    const changed = now.table.rows.flatMap((row) => {
      const before = row.kind === 'row' ? oldRows.get(JSON.stringify(row.path))?.cells[from] : undefined;
      const after = row.cells[i] ?? null;
      return before === undefined || before === after ? [] : [`${row.label} ${after === null ? 'tom' : formatInteger(after)} (förut ${before === null ? 'tom' : formatInteger(before)})`];
    });
    if (changed.length === 0) return [];
    const more = changed.length > SHOWN ? ` och ${changed.length - SHOWN} till` : '';
    return [
      {
        path: ['budget', 'columns', i],
        message: `${now.columns[i]!.label} började från ${old.columns[from]!.label} men har andra belopp (${now.unit}): ${changed.slice(0, SHOWN).join(', ')}${more}; medlemsbidragen räknas nu ur medlemsbidragstabellen – kontrollera raderna`,
      },
    ];
  });
}
