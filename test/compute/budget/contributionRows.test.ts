// Each member's contribution in its own income row (item 6): source { contributions: PARTY }.
import { describe, expect, it } from 'vitest';
import { computeBudget } from '../../../src/compute/budget.js';
import { computePlan } from '../../../src/compute/computePlan.js';
import { basePlan, budget } from '../../helpers/plans.js';

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

describe('a budget row named as a member in the contributions table', () => {
  // Two figures for one member's contribution, in the budget and in the table, were printed without a word.
  const plan = (gislaved: number, budgetColumn?: string) =>
    computePlan(
      basePlan({
        sections: [
          { type: 'budget', title: 'Budget' },
          { type: 'contributions', title: 'Medlemsbidrag' },
        ],
        budget: budget({
          income: {
            rows: [
              { label: 'Gislaveds kommun', values: { budget2025: gislaved } },
              { label: 'Region Jönköpings län', values: { budget2025: 500 } },
            ],
          },
        }),
        contributions: {
          rounding: 'given',
          parties: [
            { name: 'Staten', role: 'stat', amounts: { '2025': 1000 } },
            { id: 'gislaved', name: 'Gislaveds kommun', role: 'kommun', amounts: { '2025': 500 } },
            { name: 'Region Jönköpings län', role: 'region', amounts: { '2025': 500 } },
          ],
          columns: [{ year: 2025, ...(budgetColumn ? { budgetColumn } : {}) }],
        },
      }),
      'plan.json',
    );

  it('is a warning when its amount is not the table’s, beside the budget column of the same year or the one it names', () => {
    expect(plan(510).issues).toEqual([]);
    const [warning, ...others] = plan(510).warnings;
    expect(others).toEqual([]);
    expect(warning!.path).toEqual(['budget', 'income', 'rows', 0, 'values']);
    expect(warning!.message).toMatch(
      /^raden "Gislaveds kommun" har 510 kr i Budget 2025, men medlemsbidragen ger Gislaveds kommun 500 kr; låt raden hämta beloppet med source: \{ contributions: gislaved \} och budgetColumn: budget2025 på medlemsbidragens kolumn för 2025, eller rätta det ena/,
    );
    // With budgetColumn already there, source is all the row needs.
    expect(plan(510, 'budget2025').warnings.map((w) => w.message)).toEqual([expect.stringContaining('låt raden hämta beloppet med source: { contributions: gislaved }, eller rätta det ena')]);
    expect(plan(500).warnings).toEqual([]);
  });
});
