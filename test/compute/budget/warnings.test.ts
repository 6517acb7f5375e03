import { describe, expect, it } from 'vitest';
import { capitalAndDeficit } from '../../../src/compute/budget/warnings.js';
import { budget } from '../../helpers/plans.js';
import { filledState, messages } from '../../helpers/budgetState.js';

const withTotals = (closing: number | null, result: number | null, input = budget()) => {
  const s = filledState(input, { contributionTotals: new Map(), budgetYear: 2025 });
  return { ...s, totals: { ...s.totals, closingCapital: [closing], result: [result] } };
};

describe('capital and deficit', () => {
  it('refuses capital below zero', () => {
    expect(messages(capitalAndDeficit(withTotals(-5, 0), 0))).toEqual(['eget kapital blir −5 kr vid slutet av Budget 2025; kapitalet får aldrig bli negativt']);
  });

  it('warns about capital above the ceiling and about a planned deficit', () => {
    const s = capitalAndDeficit(withTotals(900, -10, budget({ capital: { ceiling: 500 } })), 0);
    expect(s.issues).toEqual([]);
    expect(s.warnings.map((w) => w.message.replace(/\u00a0/g, ' '))).toEqual([
      'eget kapital 900 kr vid slutet av Budget 2025 är över taket 500 kr',
      'planerat underskott i Budget 2025: kostnaderna överstiger årets intäkter med 10 kr; planen bör säga varför (t.ex. att sparat kapital används)',
    ]);
  });

  it('does not warn about a deficit in a past column', () => {
    const s = capitalAndDeficit(withTotals(null, -10, budget({ columns: [{ kind: 'budget', year: 2024 }] })), 0);
    expect(s.warnings).toEqual([]);
  });
});
