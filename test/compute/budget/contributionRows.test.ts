// Each member's contribution in its own income row (item 6): source { contributions: PARTY }.
import { describe, expect, it } from 'vitest';
import { computeBudget } from '../../../src/compute/budget.js';
import { budget } from '../../helpers/plans.js';

const context = {
  contributionTotals: new Map([['budget2025', 1000]]),
  contributionParts: new Map([
    ['staten', new Map([['budget2025', 500]])],
    ['regionen', new Map([['budget2025', 250]])],
    ['kommunen', new Map([['budget2025', 250]])],
  ]),
};

describe('a row per member contribution', () => {
  it("takes each party's part, and the income sum is their total", () => {
    const out = computeBudget(
      budget({
        income: {
          rows: [
            { label: 'Staten', source: { contributions: 'staten' } },
            { label: 'Regionen', source: { contributions: 'regionen' } },
            { label: 'Kommunen', source: { contributions: 'kommunen' } },
          ],
        },
      }),
      context,
    );
    expect(out.issues).toEqual([]);
    expect(out.budget!.table.rows.filter((r) => r.kind === 'row' || r.kind === 'sum').map((r) => [r.label, r.cells[0]])).toEqual([
      ['Staten', 500],
      ['Regionen', 250],
      ['Kommunen', 250],
      ['Summa intäkter', 1000],
      ['Kansli', 800],
      ['Summa kostnader', 800],
    ]);
  });

  it('names an unknown party with a suggestion', () => {
    const out = computeBudget(budget({ income: { rows: [{ label: 'Staten', source: { contributions: 'statn' } }] } }), context);
    expect(out.issues.map((i) => i.message)).toEqual([
      'finansiären "statn" finns inte bland contributions.parties – menade du "staten"?; finansiärerna med id är staten, regionen, kommunen',
    ]);
    expect(out.issues[0]!.path).toEqual(['budget', 'income', 'rows', 0, 'source', 'contributions']);
  });
});
