// Column step: the result chain. Summa intäkter, Summa kostnader, tillgångar (income and opening
// capital), the year's result and the closing capital.
import { withCell, type ColumnStep, type ValuesState } from './state.js';
import { sideSum } from './values.js';

export const resultChain: ColumnStep<ValuesState> = (state, ci) => {
  const t = state.totals;
  const opening = t.openingCapital[ci]!;
  const income = sideSum(state, 'income', ci);
  const costs = sideSum(state, 'costs', ci);
  const result = income === null && costs === null ? null : (income ?? 0) - (costs ?? 0);
  return {
    ...state,
    totals: {
      ...t,
      income: withCell(t.income, ci, income),
      costs: withCell(t.costs, ci, costs),
      assets: withCell(t.assets, ci, opening === null ? income : (income ?? 0) + opening),
      result: withCell(t.result, ci, result),
      closingCapital: withCell(t.closingCapital, ci, opening === null ? null : opening + (result ?? 0)),
    },
  };
};
