// Assembly: the specifications (detail tables), each printed with the sign of the row it feeds.
import type { BudgetTable, TableRow } from '../../model.js';
import { display } from './display.js';
import { BASE, pathKey, type ValuesState } from './state.js';

export function detailTables(state: ValuesState): (BudgetTable & { id: string })[] {
  const { shown, unitSuffix, unitCaption } = display(state.input);
  return (state.input.details ?? []).map((d, i) => {
    const user = state.detailUsers.get(d.id);
    const side = user && user[1] === 'costs' ? 'costs' : 'income';
    const rows: TableRow[] = [];
    d.rows.forEach((r, j) => {
      const path = [...BASE, 'details', i, 'rows', j];
      rows.push({ kind: 'row', label: r.label, cells: shown(side, state.detailRowCells[i]![j]!), path, id: r.id });
      (r.varav ?? []).forEach((v, k) => {
        const vp = [...path, 'varav', k];
        rows.push({ kind: 'varav', label: v.label, cells: shown(side, state.varavCells.get(pathKey(vp))!), path: vp, id: v.id });
      });
    });
    rows.push({ kind: 'sum', label: d.sumLabel ?? 'SUMMA', cells: shown(side, state.detailSums.get(d.id)!), path: [...BASE, 'details', i] });
    return {
      id: d.id,
      caption: d.title,
      labelHeader: d.labelHeader ?? '',
      columnLabels: state.columns.map((c) => `${d.columnLabels?.[c.id] ?? c.label}${unitSuffix}`),
      span: state.columns.length + 1,
      unitCaption,
      unitSuffix,
      rows,
    };
  });
}
