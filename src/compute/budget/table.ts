// Assembly: the printed budget table. Headings, rows with their varav rows, group headings (with the
// column headings repeated above a group when it asks) and delsummor, the opening capital where the
// plan places it, and the total rows the plan shows, with its labels.
import type { BudgetTable, Cells, TableRow } from '../../model.js';
import { display } from './display.js';
import { BASE, pathKey, sumCells, type BudgetNode, type ValuesState } from './state.js';
import { totalRows } from './totals.js';
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
  const { input, columns } = state;
  const { shown, unitSuffix, unitCaption } = display(input);
  const subtotals = groupSums(state);
  const labelHeader = input.labelHeader ?? '';
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
        const repeat = node.input.columnHeadings;
        if (repeat) rows.push({ kind: 'columnHeadings', label: typeof repeat === 'string' ? repeat : labelHeader, cells: blank(), path: [...node.path, 'columnHeadings'] });
        if (node.input.heading) rows.push({ kind: 'groupHeading', label: node.input.heading, cells: blank(), path: node.path });
        emit(node.items);
        if (node.input.subtotal) rows.push({ kind: 'subtotal', label: node.input.subtotal, cells: shown(node.side, subtotals.get(pathKey(node.path))!), path: node.path });
      }
    }
  };
  const totals = totalRows(state);
  const incomeHeading = input.income.heading === undefined ? 'Intäkter' : input.income.heading;
  if (incomeHeading) rows.push({ kind: 'heading', label: incomeHeading, cells: blank(), path: [...BASE, 'income'] });
  rows.push(...totals.beforeIncome);
  emit(state.income);
  rows.push(...totals.afterIncome);
  const costHeading = input.costs.heading === undefined ? 'Kostnader' : input.costs.heading;
  if (costHeading) rows.push({ kind: 'heading', label: costHeading, cells: blank(), path: [...BASE, 'costs'] });
  emit(state.costs);
  rows.push(...totals.afterCosts);
  return {
    caption: input.caption,
    labelHeader,
    columnLabels: columns.map((c) => `${c.label}${unitSuffix}`),
    span: columns.length + 1,
    unitCaption,
    unitSuffix,
    rows,
  };
}
