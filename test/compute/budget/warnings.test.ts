import { describe, expect, it } from 'vitest';
import { capitalAndDeficit, emptyColumn } from '../../../src/compute/budget/warnings.js';
import { budget } from '../../helpers/plans.js';
import { computedState, filledState, messages } from '../../helpers/budgetState.js';

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

  it('says of an empty outcome column that its outcome is to be filled in, and that the next column carries its capital on as if the year broke even', () => {
    const input = budget({
      columns: [{ kind: 'utfall', year: 2024 }, { kind: 'budget', year: 2025 }],
      income: { rows: [{ label: 'Medlemsbidrag', values: { budget2025: 1000 } }] },
      costs: { rows: [{ label: 'Kansli', values: { budget2025: 800 } }] },
      capital: { opening: { utfall2024: 500 }, carryForward: { budget2025: 'utfall2024' } },
    });
    const state = emptyColumn(computedState(input, { contributionTotals: new Map(), budgetYear: 2025 }), 0);
    expect(state.warnings.map((w) => [w.code, w.message])).toContainEqual([
      'emptyColumn:utfall2024',
      'kolumnen Utfall 2024 har inget belopp i någon rad och skrivs ut tom; Budget 2025 för över kapitalet från den som om året gick jämnt ut; fyll i utfallet för 2024 eller ta bort kolumnen',
    ]);
  });
});
