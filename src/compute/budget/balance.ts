// Column step: the balancing row takes what is left, so that the result comes out as planned.
import { formatInteger } from '../../format.js';
import { pathKey, report, setCell, type ColumnStep, type ValuesState } from './state.js';
import { sideSum } from './values.js';

export const balance: ColumnStep<ValuesState> = (state, ci) => {
  const row = state.balancing[ci];
  if (!row) return state;
  const opening = state.totals.openingCapital[ci]!;
  const incomeSum = sideSum(state, 'income', ci);
  const costSum = sideSum(state, 'costs', ci);
  // A column with nothing in it (no amounts, no opening capital) stays blank, the balancing row too.
  if (incomeSum === null && costSum === null && opening === null) return state;
  const target = typeof row.input.balance === 'object' ? row.input.balance.target ?? 0 : 0;
  const others = (row.side === 'costs' ? costSum : incomeSum) ?? 0;
  // Convention "balance" balances the closing capital (opening capital counts); convention "result"
  // balances the year's result, which opening capital is no part of.
  const start = state.input.convention === 'balance' ? opening ?? 0 : 0;
  const value = row.side === 'costs' ? start + (incomeSum ?? 0) - others - target : target + (costSum ?? 0) - start - others;
  const column = state.columns[ci]!;
  const issues =
    value < 0
      ? [
          {
            path: [...row.path, 'balance'],
            message: `"${row.input.label}" blir ${formatInteger(value)} i ${column.label}: ${
              row.side === 'costs' ? 'kostnaderna är redan större än det som finns att använda' : 'intäkterna är redan större än det som behövs'
            }`,
          },
        ]
      : [];
  return report({ ...state, rowCells: setCell(state.rowCells, pathKey(row.path), ci, value, state.columns.length) }, issues);
};
