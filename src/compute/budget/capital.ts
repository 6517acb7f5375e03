// Opening capital and carry-forward: the checks, the order columns are computed in (a column whose
// capital is carried forward comes after the column it comes from), and each column's opening capital.
import type { PlanIssue } from '../../errors.js';
import { unknownColumn } from './columns.js';
import { BASE, report, withCell, type ColumnStep, type OrderedState, type TreeState, type ValuesState } from './state.js';

/** capital.opening and capital.carryForward name known columns, not both for one column; "balance" needs them. */
export function checkCapital(state: TreeState): TreeState {
  const issues: PlanIssue[] = [];
  const capital = state.input.capital ?? {};
  for (const id of Object.keys(capital.opening ?? {})) issues.push(...unknownColumn(state, id, [...BASE, 'capital', 'opening', id]));
  for (const [to, from] of Object.entries(capital.carryForward ?? {})) {
    const badTo = unknownColumn(state, to, [...BASE, 'capital', 'carryForward', to]);
    const badFrom = unknownColumn(state, from, [...BASE, 'capital', 'carryForward', to]);
    issues.push(...badTo, ...badFrom);
    if (badTo.length === 0 && badFrom.length === 0 && capital.opening?.[to] !== undefined) {
      issues.push({
        path: [...BASE, 'capital', 'carryForward', to],
        message: `kolumnen "${to}" har både ett angivet ingående kapital (capital.opening) och ett överfört; välj ett`,
      });
    }
  }
  if (state.input.convention === 'balance') {
    for (const c of state.columns) {
      if (capital.opening?.[c.id] === undefined && capital.carryForward?.[c.id] === undefined) {
        issues.push({
          path: [...BASE, 'capital'],
          message: `${c.label} saknar ingående balanserat resultat: ange capital.opening.${c.id} eller capital.carryForward.${c.id}`,
        });
      }
    }
  }
  return report(state, issues, unshownLabel(state));
}

/**
 * A label for the capital row that is never printed: in the result convention the row is in the table
 * only when the plan places it (capital.placement), so the label the plan gives would be dropped unsaid.
 */
function unshownLabel(state: TreeState): PlanIssue[] {
  const capital = state.input.capital;
  if (capital?.label === undefined || state.input.convention === 'balance' || capital.placement !== undefined) return [];
  return [
    {
      path: [...BASE, 'capital', 'label'],
      code: 'capitalLabelNotShown',
      message: `raden "${capital.label}" visas inte i budgettabellen: med resultatuppställningen står det ingående kapitalet i tabellen bara där planen placerar det; lägg till "placement": "group" under capital (en egen grupp efter intäkterna; first eller last ställer raden först eller sist bland intäkterna), eller ta bort label`,
    },
  ];
}

/** The order columns are computed in; a carry-forward in a circle is refused (and leaves `order` empty). */
export function columnOrder(state: TreeState): OrderedState {
  const carryForward = state.input.capital?.carryForward ?? {};
  const order: number[] = [];
  const marks = new Map<number, 'visiting' | 'done'>();
  let circle: PlanIssue | undefined;
  const visit = (i: number, chain: string[]): boolean => {
    if (marks.get(i) === 'done') return true;
    const id = state.columns[i]!.id;
    if (marks.get(i) === 'visiting') {
      circle = { path: [...BASE, 'capital', 'carryForward', id], message: `kapitalet förs över i en cirkel: ${[...chain, id].join(' → ')}` };
      return false;
    }
    marks.set(i, 'visiting');
    const from = carryForward[id];
    if (from !== undefined && !visit(state.columnIndex.get(from)!, [...chain, id])) return false;
    marks.set(i, 'done');
    order.push(i);
    return true;
  };
  for (let i = 0; i < state.columns.length; i++) {
    if (!visit(i, [])) return report({ ...state, order: [] }, [circle!]);
  }
  return { ...state, order };
}

/** A column's opening capital: as given, or what the column it is carried forward from closed with. */
export const openingCapital: ColumnStep<ValuesState> = (state, ci) => {
  const capital = state.input.capital ?? {};
  const column = state.columns[ci]!;
  const from = capital.carryForward?.[column.id];
  const opening = capital.opening?.[column.id] ?? (from !== undefined ? state.totals.closingCapital[state.columnIndex.get(from)!]! : null);
  return { ...state, totals: { ...state.totals, openingCapital: withCell(state.totals.openingCapital, ci, opening) } };
};
