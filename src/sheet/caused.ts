// The plan's warnings that the sheet's amounts bring (an amount in kronor in a tkr budget, a negative
// cost, a deficit), each at the sheet's cell where the amount came from, so that import-budget says
// them at once rather than the next build at a line of the plan the user did not write.
import type { PlanIssue } from '../errors.js';
import type { Assignment } from './match.js';

const sameIssue = (a: PlanIssue, b: PlanIssue) => a.message === b.message && (a.code ?? '') === (b.code ?? '');

/** `after`'s warnings that `before` has not, with the cell the amount they are about came from. */
export function causedWarnings(before: PlanIssue[], after: PlanIssue[], assignments: Assignment[], columnIds: string[]): string[] {
  return after
    .filter((w) => !before.some((b) => sameIssue(b, w)))
    .map((w) => {
      const cell = cellOf(w.path, assignments, columnIds);
      return cell ? `${cell}: ${w.message}` : `med bladets belopp: ${w.message}`;
    });
}

/** The sheet cell a warning's path (a row's values, a column of them) names, if the sheet gave that amount. */
function cellOf(path: PlanIssue['path'], assignments: Assignment[], columnIds: string[]): string | undefined {
  let row: Assignment | undefined;
  for (const a of assignments) {
    if (a.target.kind !== 'values') continue;
    const target = a.target.row;
    if (path.length < target.length + 1 || path[target.length] !== 'values' || !target.every((p, i) => p === path[i])) continue;
    const at = path[target.length + 1];
    const column = typeof at === 'number' ? columnIds[at] : at;
    if (column === a.target.column) return a.where;
    row ??= a;
  }
  return row?.where;
}
