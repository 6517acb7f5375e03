// The opening capital's placement (item 1), the total rows shown, hidden and relabelled (item 2), and
// the column headings repeated above a group (item 9), in the assembled table.
import { describe, expect, it } from 'vitest';
import { budgetTable } from '../../../src/compute/budget/table.js';
import type { BudgetInput } from '../../../src/load/schema.js';
import { budget } from '../../helpers/plans.js';
import { computedState } from '../../helpers/budgetState.js';

const balance = (overrides: Partial<BudgetInput> = {}) =>
  budget({
    convention: 'balance',
    capital: { opening: { budget2025: 500 } },
    income: { rows: [{ label: 'Staten', values: { budget2025: 600 } }, { label: 'Regionen', values: { budget2025: 400 } }] },
    ...overrides,
  });
const layout = (input: BudgetInput) => budgetTable(computedState(input)).rows.map((r) => `${r.kind}: ${r.label} ${r.cells[0] ?? ''}`.trim());

describe('opening capital placement', () => {
  it('last (the default): after the income rows, then Summa intäkter/tillgångar', () => {
    expect(layout(balance()).slice(0, 6)).toEqual([
      'heading: Intäkter',
      'row: Staten 600',
      'row: Regionen 400',
      'capital: Balanserat resultat 500',
      'sum: Summa intäkter/tillgångar 1500',
      'heading: Kostnader',
    ]);
  });

  it('first: the first of the income rows', () => {
    expect(layout(balance({ capital: { opening: { budget2025: 500 }, placement: 'first', label: 'Ingående balans' } })).slice(0, 5)).toEqual([
      'heading: Intäkter',
      'capital: Ingående balans 500',
      'row: Staten 600',
      'row: Regionen 400',
      'sum: Summa intäkter/tillgångar 1500',
    ]);
  });

  it('group: Summa intäkter, then the capital in a group of its own and Summa tillgångar', () => {
    expect(layout(balance({ capital: { opening: { budget2025: 500 }, placement: 'group', heading: 'Eget kapital' } })).slice(0, 8)).toEqual([
      'heading: Intäkter',
      'row: Staten 600',
      'row: Regionen 400',
      'sum: Summa intäkter 1000',
      'groupHeading: Eget kapital',
      'capital: Balanserat resultat 500',
      'sum: Summa tillgångar 1500',
      'heading: Kostnader',
    ]);
  });

  it('a placement shows the capital row in the result convention too, without changing the result', () => {
    const rows = layout(budget({ capital: { opening: { budget2025: 50 }, placement: 'last' } }));
    expect(rows).toEqual([
      'heading: Intäkter',
      'row: Medlemsbidrag 1000',
      'sum: Summa intäkter 1000',
      'capital: Balanserat resultat 50',
      'sum: Summa tillgångar 1050',
      'heading: Kostnader',
      'row: Kansli 800',
      'sum: Summa kostnader 800',
      'result: Resultat 200',
    ]);
  });
});

describe('total rows', () => {
  it('each can be hidden or relabelled: a second Summa kostnader dropped, Summa tillgångar shown', () => {
    const rows = layout(
      balance({
        costs: { rows: [{ subtotal: 'Summa kostnader', rows: [{ label: 'Kansli', values: { budget2025: 800 } }] }] },
        totals: { income: { show: true }, assets: { label: 'Summa tillgångar' }, costs: { show: false }, result: { label: 'Utgående balans' } },
      }),
    );
    expect(rows).toEqual([
      'heading: Intäkter',
      'row: Staten 600',
      'row: Regionen 400',
      'sum: Summa intäkter 1000',
      'capital: Balanserat resultat 500',
      'sum: Summa tillgångar 1500',
      'heading: Kostnader',
      'row: Kansli 800',
      'subtotal: Summa kostnader 800',
      'result: Utgående balans 700',
    ]);
  });

  it('hides Summa intäkter and the result; the older sumLabel and result.show still work', () => {
    expect(layout(budget({ totals: { income: { show: false }, result: { show: false } } }))).toEqual([
      'heading: Intäkter',
      'row: Medlemsbidrag 1000',
      'heading: Kostnader',
      'row: Kansli 800',
      'sum: Summa kostnader 800',
    ]);
    const legacy = layout(budget({ income: { rows: [{ label: 'Bidrag', values: { budget2025: 5 } }], sumLabel: 'Totalt' }, result: { show: false } }));
    expect(legacy).toContain('sum: Totalt 5');
    expect(legacy.some((r) => r.startsWith('result'))).toBe(false);
  });
});

describe('column headings inside the table', () => {
  it('a group can repeat the column headings above it, with its own text in the label column', () => {
    const table = budgetTable(
      computedState(
        budget({
          labelHeader: 'Post',
          costs: {
            rows: [
              { label: 'Kansli', values: { budget2025: 100 } },
              { heading: 'Insatser', columnHeadings: true, rows: [{ label: 'A', values: { budget2025: 1 } }] },
              { columnHeadings: 'Projekt', rows: [{ label: 'B', values: { budget2025: 2 } }] },
            ],
          },
        }),
      ),
    );
    const rows = table.rows.map((r) => `${r.kind}: ${r.label}`);
    expect(rows.slice(5)).toEqual(['columnHeadings: Post', 'groupHeading: Insatser', 'row: A', 'columnHeadings: Projekt', 'row: B', 'sum: Summa kostnader', 'result: Resultat']);
    expect(table.rows.find((r) => r.kind === 'columnHeadings')!.cells).toEqual([null]);
  });
});
