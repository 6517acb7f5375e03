// Assembly: the values a figure in the text can quote by name ({{ row.ID }}, {{ group.ID }}, a
// specification's id), with stand-in zeros when the budget itself was refused.
import type { BudgetNames, Cells, ComputedBudget } from '../../model.js';
import { BASE, pathKey, type TreeState, type ValuesState } from './state.js';
import { groupSums } from './table.js';

type Named = ComputedBudget['named'];

/** Every name, in the order rows, groups, specifications; `cells` gives each its values. */
function names(state: TreeState, cells: (kind: 'row' | 'group' | 'detail', key: string) => Cells): Named {
  const named: Named = new Map();
  for (const row of state.rows) {
    if (row.input.id) named.set(row.input.id, { kind: 'row', cells: cells('row', pathKey(row.path)) });
    for (const v of row.varav) if (v.input.id) named.set(v.input.id, { kind: 'row', cells: cells('row', pathKey(v.path)) });
  }
  for (const g of state.groups) if (g.input.id) named.set(g.input.id, { kind: 'group', cells: cells('group', pathKey(g.path)) });
  (state.input.details ?? []).forEach((d, i) => {
    named.set(d.id, { kind: 'detail', cells: cells('detail', d.id) });
    d.rows.forEach((r, j) => {
      const path = [...BASE, 'details', i, 'rows', j];
      if (r.id) named.set(r.id, { kind: 'row', cells: cells('row', pathKey(path)) });
      (r.varav ?? []).forEach((v, k) => {
        if (v.id) named.set(v.id, { kind: 'row', cells: cells('row', pathKey([...path, 'varav', k])) });
      });
    });
  });
  return named;
}

export function namedValues(state: ValuesState): Named {
  const groups = groupSums(state);
  const detailRows = new Map<string, Cells>();
  state.detailRowCells.forEach((rows, i) => rows.forEach((cells, j) => detailRows.set(pathKey([...BASE, 'details', i, 'rows', j]), cells)));
  return names(state, (kind, key) => {
    if (kind === 'group') return groups.get(key)!;
    if (kind === 'detail') return state.detailSums.get(key)!;
    return state.rowCells.get(key) ?? state.varavCells.get(key) ?? detailRows.get(key)!;
  });
}

/** Every name a figure in the text can quote, with zeros for values: the budget itself was refused. */
export function standInNames(state: TreeState): BudgetNames {
  const zeros = () => new Array<number | null>(state.columns.length).fill(0);
  const standIn = { income: zeros(), assets: zeros(), costs: zeros(), result: zeros(), openingCapital: zeros(), closingCapital: zeros() };
  return { unit: state.input.unit, columns: [...state.columns], totals: standIn, named: names(state, zeros) };
}
