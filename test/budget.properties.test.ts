// Property tests (fast-check): for random budgets every printed sum equals the sum of its printed parts,
// allocations add up exactly, and carry-forward chains hold.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeBudget } from '../src/compute/budget.js';
import { allocate } from '../src/compute/allocate.js';
import type { BudgetInput } from '../src/load/schema.js';

const COLUMNS = ['budget2025', 'plan2026', 'plan2027'];
const cell = fc.option(fc.integer({ min: 0, max: 5_000_000 }), { nil: undefined, freq: 5 });
const values = fc.tuple(cell, cell, cell).map((cells) => {
  const out: Record<string, number> = {};
  cells.forEach((v, i) => {
    if (v !== undefined) out[COLUMNS[i]!] = v;
  });
  return out;
});
const rows = (prefix: string) => fc.array(values, { minLength: 1, maxLength: 6 }).map((vs) => vs.map((v, i) => ({ label: `${prefix} ${i}`, values: v })));

const budgetArb = fc
  .record({
    income: rows('Intäkt'),
    groups: fc.array(rows('Kostnad'), { minLength: 1, maxLength: 3 }),
    convention: fc.constantFrom('result' as const, 'balance' as const),
    negative: fc.boolean(),
    opening: fc.integer({ min: 300_000_000, max: 400_000_000 }), // enough that capital never runs out
  })
  .map(
    ({ income, groups, convention, negative, opening }): BudgetInput => ({
      unit: 'kr',
      convention,
      costSign: negative ? 'negative' : 'positive',
      columns: [
        { kind: 'budget', year: 2025 },
        { kind: 'plan', year: 2026 },
        { kind: 'plan', year: 2027 },
      ],
      income: { rows: income },
      costs: { rows: groups.map((g, i) => ({ id: `g${i}`, subtotal: `Delsumma ${i}`, rows: g.map((r) => ({ ...r, label: `${r.label}.${i}` })) })) },
      capital: { opening: { budget2025: opening }, carryForward: { plan2026: 'budget2025', plan2027: 'plan2026' } },
    }),
  );

const sum = (xs: (number | null)[]) => (xs.every((x) => x === null) ? null : xs.reduce<number>((a, x) => a + (x ?? 0), 0));

describe('budget engine properties', () => {
  it('prints sums that equal the sum of their printed parts, and results that follow from them', () => {
    fc.assert(
      fc.property(budgetArb, (input) => {
        const { budget, issues } = computeBudget(input, { contributionTotals: new Map() });
        expect(issues).toEqual([]);
        const rows = budget!.table.rows;
        const sign = input.costSign === 'negative' ? -1 : 1;
        for (let c = 0; c < COLUMNS.length; c++) {
          const at = (r: (typeof rows)[number]) => r.cells[c]!;
          const incomeRows = rows.filter((r) => r.kind === 'row' && r.label.startsWith('Intäkt'));
          const costRows = rows.filter((r) => r.kind === 'row' && r.label.startsWith('Kostnad'));
          const incomeSum = rows.find((r) => r.kind === 'sum' && r.label.startsWith('Summa intäkter'))!;
          const costSum = rows.find((r) => r.kind === 'sum' && r.label === 'Summa kostnader')!;
          const capitalRow = rows.find((r) => r.kind === 'capital');
          expect(at(incomeSum)).toBe(sum([...incomeRows.map(at), ...(capitalRow ? [at(capitalRow)] : [])]));
          expect(at(costSum)).toBe(sum(costRows.map(at)));
          for (const subtotal of rows.filter((r) => r.kind === 'subtotal')) {
            const i = subtotal.label.split(' ')[1];
            expect(at(subtotal)).toBe(sum(costRows.filter((r) => r.label.endsWith(`.${i}`)).map(at)));
          }
          const result = rows.find((r) => r.kind === 'result')!;
          // A column with nothing in it has a blank result, not a zero.
          const blank = at(incomeSum) === null && at(costSum) === null;
          expect(at(result)).toBe(blank ? null : (at(incomeSum) ?? 0) - sign * (at(costSum) ?? 0));
          // Carry-forward: each plan year opens with what the year before closed with.
          if (c > 0) expect(budget!.totals.openingCapital[c]).toBe(budget!.totals.closingCapital[c - 1]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('allocates any total by any weights into parts that add up to it exactly', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.array(fc.integer({ min: 0, max: 10000 }), { minLength: 1, maxLength: 12 }).filter((w) => w.some((x) => x > 0)),
        (total, weights) => {
          const parts = allocate(total, weights);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
          const weightSum = weights.reduce((a, b) => a + b, 0);
          parts.forEach((p, i) => expect(Math.abs(p - (total * weights[i]!) / weightSum)).toBeLessThan(1));
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('printed figures', () => {
  it('reads back from the PDF exactly as the engine computed them', async () => {
    const { computePlan } = await import('../src/compute/computePlan.js');
    const { printPlan, PrintSession } = await import('../src/build.js');
    const { pdfText, normalize } = await import('./helpers/pdfText.js');
    const { formatInteger } = await import('../src/format.js');
    const session = new PrintSession();
    try {
      await fc.assert(
        fc.asyncProperty(budgetArb, async (budget) => {
          const outcome = computePlan(
            {
              document: { association: { name: 'Förbundet' }, title: 'Verksamhetsplan 2025', budgetYear: 2025, status: { state: 'förslag' } },
              sections: [{ type: 'budget', title: 'Budget' }],
              budget,
            },
            'random.json',
          );
          expect(outcome.issues).toEqual([]);
          const { pdf } = await printPlan({ ...outcome.plan!, source: '' }, session);
          const text = normalize((await pdfText(pdf)).all);
          for (const row of outcome.plan!.budget!.table.rows) {
            if (row.kind === 'heading' || row.kind === 'groupHeading') continue;
            const printed = row.cells.filter((v): v is number => v !== null).map(formatInteger).join(' ');
            expect(text).toContain(normalize(`${row.label} ${printed}`).trim());
          }
        }),
        { numRuns: 5 },
      );
    } finally {
      await session.close();
    }
  });
});
