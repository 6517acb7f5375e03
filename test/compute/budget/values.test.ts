import { describe, expect, it } from 'vitest';
import { balancingRows, contributionValues, detailValues, givenValues, initValues, sideSum } from '../../../src/compute/budget/values.js';
import { budget } from '../../helpers/plans.js';
import { messages, orderedState } from '../../helpers/budgetState.js';

const two = [{ kind: 'budget' as const, year: 2025 }, { kind: 'plan' as const, year: 2026 }];
const cells = (s: ReturnType<typeof initValues>, i: number) => s.rowCells.get(s.rows[i]!.path.join('/'));

describe('row value steps', () => {
  it('initValues: every cell blank, each specification summed (blank only when every part is)', () => {
    const s = initValues(
      orderedState(budget({ columns: two, costs: { rows: [{ label: 'Adm', detail: 'adm' }] }, details: [{ id: 'adm', rows: [{ label: 'a', values: { budget2025: 2 } }, { label: 'b', values: { budget2025: 3 } }] }] })),
    );
    expect(s.detailSums.get('adm')).toEqual([5, null]);
    expect(cells(s, 1)).toEqual([null, null]);
  });

  it('givenValues and detailValues: a blank stays blank, a zero a zero, a detail row is its SUMMA', () => {
    const input = budget({
      columns: two,
      costs: { rows: [{ label: 'A', values: { budget2025: 0 } }, { label: 'Adm', detail: 'adm' }] },
      details: [{ id: 'adm', rows: [{ label: 'a', values: { plan2026: 4 } }] }],
    });
    const s = detailValues(givenValues(initValues(orderedState(input))));
    expect(cells(s, 1)).toEqual([0, null]);
    expect(cells(s, 2)).toEqual([null, 4]);
  });

  it('contributionValues: the contributions total where a column has one, and a value beside it refused', () => {
    const input = budget({ columns: two, income: { rows: [{ label: 'Medlemsbidrag', source: 'contributions', values: { budget2025: 1, plan2026: 2 } }] } });
    const context = { contributionTotals: new Map([['budget2025', 900]]) };
    const s = contributionValues(givenValues(initValues(orderedState(input, context))));
    expect(cells(s, 0)).toEqual([900, 2]);
    expect(messages(s)).toEqual(['Budget 2025 hämtar medlemsbidragen från medlemsbidragstabellen; ta bort värdet här (i en lista: skriv null på dess plats)']);
    // null, an empty cell, is what a list of values keeps in that place: no value given, no error.
    const listed = budget({ columns: two, income: { rows: [{ label: 'Medlemsbidrag', source: 'contributions', values: { budget2025: null, plan2026: 2 } }] } });
    const fine = contributionValues(givenValues(initValues(orderedState(listed, context))));
    expect(cells(fine, 0)).toEqual([900, 2]);
    expect(messages(fine)).toEqual([]);
  });

  it('balancingRows: one balancing row per column, blank until computed', () => {
    const input = budget({
      columns: two,
      costs: { rows: [{ label: 'Utrymme', balance: { columns: ['plan2026'] }, values: { budget2025: 5 } }, { label: 'Annat', balance: true }] },
    });
    const s = balancingRows(givenValues(initValues(orderedState(input))));
    expect(s.balancing.map((r) => r?.input.label)).toEqual(['Annat', 'Annat']);
    expect(cells(s, 1)).toEqual([5, null]);
    expect(messages(s)).toEqual(['Plan 2026 har redan en balanserande rad ("Utrymme")']);
  });

  it('sideSum: one side of one column', () => {
    const s = givenValues(initValues(orderedState(budget())));
    expect([sideSum(s, 'income', 0), sideSum(s, 'costs', 0)]).toEqual([1000, 800]);
  });
});
