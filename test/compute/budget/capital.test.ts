import { describe, expect, it } from 'vitest';
import { checkCapital, columnOrder, openingCapital } from '../../../src/compute/budget/capital.js';
import { budget } from '../../helpers/plans.js';
import { filledState, messages, treeState } from '../../helpers/budgetState.js';

const three = [
  { kind: 'budget' as const, year: 2025 },
  { kind: 'plan' as const, year: 2026 },
  { kind: 'prognos' as const, year: 2024 },
];

describe('opening capital and carry-forward', () => {
  it('checkCapital: known columns, not both opening and carried forward, balance convention needs one', () => {
    const s = checkCapital(
      treeState(budget({ convention: 'balance', columns: three, capital: { opening: { budget2025: 5, plan2026: 1 }, carryForward: { plan2026: 'budget2025', x: 'budget2025' } } })),
    );
    expect(messages(s)).toEqual([
      'kolumnen "plan2026" har både ett angivet ingående kapital (capital.opening) och ett överfört; välj ett',
      'okänd kolumn "x"; kolumnerna är budget2025, plan2026, prognos2024',
      'Prognos 2024 saknar ingående balanserat resultat: ange capital.opening.prognos2024 eller capital.carryForward.prognos2024',
    ]);
  });

  it('columnOrder: a column comes after the column its capital is carried forward from', () => {
    const s = columnOrder(treeState(budget({ columns: three, capital: { opening: { prognos2024: 9 }, carryForward: { budget2025: 'prognos2024', plan2026: 'budget2025' } } })));
    expect(s.order).toEqual([2, 0, 1]);
  });

  it('columnOrder: refuses a circle', () => {
    const s = columnOrder(treeState(budget({ columns: three, capital: { carryForward: { budget2025: 'plan2026', plan2026: 'budget2025' } } })));
    expect(messages(s)).toEqual(['kapitalet förs över i en cirkel: budget2025 → plan2026 → budget2025']);
  });

  it('openingCapital: as given, or the closing capital of the column it comes from', () => {
    let s = filledState(budget({ columns: three, capital: { opening: { prognos2024: 9 }, carryForward: { budget2025: 'prognos2024' } } }));
    s = { ...s, totals: { ...s.totals, closingCapital: [null, null, 40] } };
    s = openingCapital(openingCapital(s, 2), 0);
    expect(s.totals.openingCapital).toEqual([40, null, 9]);
  });
});
