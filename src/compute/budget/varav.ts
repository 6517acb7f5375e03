// Step: varav rows, of budget rows and of specification rows. A varav row is never added into a sum;
// its parts may not add up to more than its row, and one of them may take what remains.
import { formatInteger } from '../../format.js';
import type { PlanIssue } from '../../errors.js';
import type { Cells } from '../../model.js';
import { BASE, blankCells, pathKey, report, sumCells, type ValuesState, type VaravNode } from './state.js';

interface VaravCheck {
  varav: readonly VaravNode[];
  parent: Cells;
  parentLabel: string;
}

/** Every row with varav rows: budget rows, then specification rows. */
function parents(state: ValuesState): VaravCheck[] {
  const out: VaravCheck[] = state.rows.map((row) => ({ varav: row.varav, parent: state.rowCells.get(pathKey(row.path))!, parentLabel: row.input.label }));
  (state.input.details ?? []).forEach((d, i) =>
    d.rows.forEach((r, j) => {
      const path = [...BASE, 'details', i, 'rows', j];
      out.push({
        varav: (r.varav ?? []).map((v, k) => ({ path: [...path, 'varav', k], input: v })),
        parent: state.detailRowCells[i]![j]!,
        parentLabel: r.label,
      });
    }),
  );
  return out;
}

export function varav(state: ValuesState): ValuesState {
  const issues: PlanIssue[] = [];
  const n = state.columns.length;
  const varavCells = new Map(state.varavCells);
  for (const { varav, parent: parentCells, parentLabel } of parents(state)) {
    if (varav.length === 0) continue;
    for (const ci of state.order) {
      const column = state.columns[ci]!;
      const parent = parentCells[ci]!;
      const given = varav.map((v) => (v.input.remainder ? null : v.input.values?.[column.id] ?? null));
      const givenSum = sumCells(given);
      varav.forEach((v, j) => {
        const cells = [...(varavCells.get(pathKey(v.path)) ?? blankCells(n))];
        cells[ci] = v.input.remainder ? (parent === null ? null : parent - (givenSum ?? 0)) : given[j]!;
        varavCells.set(pathKey(v.path), cells);
      });
      if (parent === null) {
        const stray = varav.find((_, j) => given[j] !== null);
        if (stray) {
          issues.push({ path: [...stray.path, 'values', column.id], message: `varav-raden har ett värde i ${column.label} men "${parentLabel}" är tom där` });
        }
        continue;
      }
      // A varav row is a part of its row: it has the row's sign, so that parts cannot cancel out and
      // hide that they add up to more than the whole.
      const sign = parent < 0 ? -1 : 1;
      const opposite = varav.findIndex((_, j) => given[j] !== null && given[j]! * sign < 0);
      if (opposite >= 0) {
        issues.push({
          path: [...varav[opposite]!.path, 'values', column.id],
          message: `varav-raden är ${formatInteger(given[opposite]!)} i ${column.label}, men "${parentLabel}" är ${formatInteger(parent)}; en varav-rad är en del av raden och ska ha samma tecken`,
        });
        continue;
      }
      if (givenSum !== null && givenSum * sign > parent * sign) {
        issues.push({
          path: varav[0]!.path,
          message: `varav-raderna under "${parentLabel}" summerar till ${formatInteger(givenSum)} i ${column.label}, mer än raden själv (${formatInteger(parent)})`,
        });
      }
    }
  }
  return report({ ...state, varavCells }, issues);
}
