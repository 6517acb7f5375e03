import { describe, expect, it } from 'vitest';
import { balance } from '../../../src/compute/budget/balance.js';
import { withCell } from '../../../src/compute/budget/state.js';
import { budget } from '../../helpers/plans.js';
import { filledState, messages } from '../../helpers/budgetState.js';

const balancing = { label: 'Utrymme', balance: true as const };
const valueOf = (s: ReturnType<typeof filledState>, label: string) => s.rowCells.get(s.rows.find((r) => r.input.label === label)!.path.join('/'))![0];

describe('balancing row', () => {
  it('takes what is left on the cost side (result convention: opening capital does not count)', () => {
    const s = filledState(budget({ costs: { rows: [{ label: 'Kansli', values: { budget2025: 300 } }, balancing] } }));
    expect(valueOf(balance(s, 0), 'Utrymme')).toBe(700);
  });

  it('balances to a target, and counts opening capital in the balance convention', () => {
    let s = filledState(
      budget({ convention: 'balance', capital: { opening: { budget2025: 50 } }, costs: { rows: [{ ...balancing, balance: { target: 20 } }] } }),
    );
    s = { ...s, totals: { ...s.totals, openingCapital: withCell(s.totals.openingCapital, 0, 50) } };
    expect(valueOf(balance(s, 0), 'Utrymme')).toBe(50 + 1000 - 20);
  });

  it('on the income side, covers the costs', () => {
    const s = filledState(budget({ income: { rows: [{ label: 'Bidrag', values: { budget2025: 100 } }, balancing] } }));
    expect(valueOf(balance(s, 0), 'Utrymme')).toBe(700);
  });

  it('refuses a negative value, and leaves an empty column blank', () => {
    const s = filledState(budget({ costs: { rows: [{ label: 'Kansli', values: { budget2025: 1200 } }, balancing] } }));
    expect(messages(balance(s, 0))).toEqual(['"Utrymme" blir −200 i Budget 2025: kostnaderna är redan större än det som finns att använda']);
    const empty = filledState(budget({ income: { rows: [{ label: 'Bidrag' }] }, costs: { rows: [balancing] } }));
    expect(valueOf(balance(empty, 0), 'Utrymme')).toBeNull();
  });
});
