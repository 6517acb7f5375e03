import { describe, expect, it } from 'vitest';
import { resultChain } from '../../../src/compute/budget/result.js';
import { withCell } from '../../../src/compute/budget/state.js';
import { budget } from '../../helpers/plans.js';
import { filledState } from '../../helpers/budgetState.js';

describe('result chain', () => {
  it('sums income and costs, adds opening capital to assets and to the closing capital', () => {
    let s = filledState(budget({ columns: [{ kind: 'budget', year: 2025 }, { kind: 'plan', year: 2026 }] }));
    s = { ...s, totals: { ...s.totals, openingCapital: withCell(s.totals.openingCapital, 0, 100) } };
    const t = resultChain(resultChain(s, 0), 1).totals;
    expect(t.income).toEqual([1000, null]);
    expect(t.costs).toEqual([800, null]);
    expect(t.assets).toEqual([1100, null]);
    expect(t.result).toEqual([200, null]);
    expect(t.closingCapital).toEqual([300, null]);
  });
});
