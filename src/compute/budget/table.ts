// Assembly: the printed budget table. Headings, rows with their varav rows, group headings and
// delsummor, the opening capital, and the total rows.
import type { BudgetTable, Cells, TableRow } from '../../model.js';
import { display } from './display.js';
import { BASE, pathKey, sumCells, type BudgetNode, type ValuesState } from './state.js';
import { rowsOf } from './tree.js';

/** Each group's delsumma, by path key (also what {{ group.ID }} quotes). */
export function groupSums(state: ValuesState): Map<string, Cells> {
  const out = new Map<string, Cells>();
  for (const g of state.groups) {
    out.set(pathKey(g.path), state.columns.map((_, ci) => sumCells(rowsOf(g.items).map((r) => state.rowCells.get(pathKey(r.path))![ci]!))));
  }
  return out;
}

export function budgetTable(state: ValuesState): BudgetTable {
  const { input, columns, totals } = state;
  const { shown, unitSuffix, unitCaption } = display(input);
  const subtotals = groupSums(state);
  const blank = () => columns.map(() => null);
  const rows: TableRow[] = [];
  const emit = (nodes: readonly BudgetNode[]) => {
    for (const node of nodes) {
      if (node.kind === 'row') {
        rows.push({ kind: 'row', label: node.input.label, cells: shown(node.side, state.rowCells.get(pathKey(node.path))!), path: node.path, id: node.input.id });
        for (const v of node.varav) {
          rows.push({ kind: 'varav', label: v.input.label, cells: shown(node.side, state.varavCells.get(pathKey(v.path))!), path: v.path, id: v.input.id });
        }
      } else {
        if (node.input.heading) rows.push({ kind: 'groupHeading', label: node.input.heading, cells: blank(), path: node.path });
        emit(node.items);
        if (node.input.subtotal) rows.push({ kind: 'subtotal', label: node.input.subtotal, cells: shown(node.side, subtotals.get(pathKey(node.path))!), path: node.path });
      }
    }
  };
  const balance = input.convention === 'balance';
  const incomeHeading = input.income.heading === undefined ? 'Intäkter' : input.income.heading;
  if (incomeHeading) rows.push({ kind: 'heading', label: incomeHeading, cells: blank(), path: [...BASE, 'income'] });
  emit(state.income);
  if (balance) {
    rows.push({ kind: 'capital', label: input.capital?.label ?? 'Balanserat resultat', cells: [...totals.openingCapital], path: [...BASE, 'capital'] });
  }
  rows.push({
    kind: 'sum',
    label: input.income.sumLabel ?? (balance ? 'Summa intäkter/tillgångar' : 'Summa intäkter'),
    cells: balance ? [...totals.assets] : [...totals.income],
    path: [...BASE, 'income'],
  });
  const costHeading = input.costs.heading === undefined ? 'Kostnader' : input.costs.heading;
  if (costHeading) rows.push({ kind: 'heading', label: costHeading, cells: blank(), path: [...BASE, 'costs'] });
  emit(state.costs);
  rows.push({ kind: 'sum', label: input.costs.sumLabel ?? 'Summa kostnader', cells: shown('costs', totals.costs), path: [...BASE, 'costs'] });
  if (input.result?.show !== false) {
    rows.push({
      kind: 'result',
      label: input.result?.label ?? (balance ? 'Prel balanserat resultat' : 'Resultat'),
      cells: balance ? [...totals.closingCapital] : [...totals.result],
      path: [...BASE, 'result'],
    });
  }
  return {
    caption: input.caption,
    labelHeader: input.labelHeader ?? '',
    columnLabels: columns.map((c) => `${c.label}${unitSuffix}`),
    span: columns.length + 1,
    unitCaption,
    rows,
  };
}
