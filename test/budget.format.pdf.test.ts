// Budget format items on the printed page (issue 12, items 1, 2, 6 and 9): the opening capital in a
// group of its own with Summa tillgångar, a hidden second Summa kostnader, a relabelled result, the
// column headings repeated above a group, a row per member's contribution rounded in turn, and column
// headings that keep their words whole where the table can widen their columns.
import { afterAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { printPlan, PrintSession } from '../src/build.js';
import { computePlan } from '../src/compute/computePlan.js';
import type { PlanInput } from '../src/load/schema.js';
import { basePlan } from './helpers/plans.js';
import { normalize, pdfText } from './helpers/pdfText.js';
import { placedText } from './helpers/pdfPositions.js';

const session = new PrintSession();
afterAll(() => session.close());

const plan: PlanInput = basePlan({
  sections: [
    { type: 'budget', title: 'Budget' },
    { type: 'contributions', title: 'Medlemsbidrag' },
  ],
  contributions: {
    rounding: 'alternate',
    parties: [
      { id: 'staten', name: 'Staten', role: 'stat' },
      { id: 'regionen', name: 'Regionen', role: 'region' },
      { id: 'kommunen', name: 'Kommunen', role: 'kommun' },
    ],
    columns: [
      { year: 2025, total: 9002, budgetColumn: 'budget2025' },
      { year: 2026, total: 9002, budgetColumn: 'plan2026' },
    ],
  },
  budget: {
    unit: 'kr',
    convention: 'balance',
    labelHeader: 'Budgetpost',
    columns: [
      { kind: 'budget', year: 2025 },
      { kind: 'plan', year: 2026 },
    ],
    income: {
      rows: [
        { label: 'Bidrag staten', source: { contributions: 'staten' } },
        { label: 'Bidrag regionen', source: { contributions: 'regionen' } },
        { label: 'Bidrag kommunen', source: { contributions: 'kommunen' } },
      ],
    },
    costs: {
      rows: [
        {
          subtotal: 'Summa kostnader',
          rows: [
            { label: 'Kansli', values: { budget2025: 3000, plan2026: 3000 } },
            { columnHeadings: 'Insatser', rows: [{ label: 'Insats A', values: { budget2025: 4000, plan2026: 4000 } }] },
          ],
        },
      ],
    },
    capital: { label: 'Ingående balans', opening: { budget2025: 1000 }, carryForward: { plan2026: 'budget2025' }, placement: 'group', heading: 'Eget kapital' },
    totals: { costs: { show: false }, result: { label: 'Utgående balans' } },
  },
});

describe('budget format items in the PDF', () => {
  it('prints the capital group, Summa tillgångar, one Summa kostnader, the repeated headings and a row per member', async () => {
    const outcome = computePlan(structuredClone(plan), path.resolve('test/fixtures/plan.json'));
    expect(outcome.issues).toEqual([]);
    const { pdf } = await printPlan(outcome.plan!, session);
    const text = normalize((await pdfText(pdf)).all);
    // 2025: the region is rounded up; 2026: the municipalities' turn.
    expect(text).toContain('Bidrag staten 4 501 4 501');
    expect(text).toContain('Bidrag regionen 2 251 2 250');
    expect(text).toContain('Bidrag kommunen 2 250 2 251');
    expect(text).toContain('Summa intäkter 9 002 9 002 Eget kapital Ingående balans 1 000 3 002 Summa tillgångar 10 002 12 004');
    expect(text).toContain('Kansli 3 000 3 000 Insatser Budget 2025 Plan 2026 Insats A 4 000 4 000 Summa kostnader 7 000 7 000 Utgående balans 3 002 5 004');
    expect(text.match(/Summa kostnader/g)).toHaveLength(1);
    expect(text).not.toContain('Summa intäkter/tillgångar');

    // The repeated headings stand on their own line, their column labels right-aligned over the figures.
    const items = (await placedText(pdf)).flatMap((p) => p.items);
    const headings = items.filter((i) => i.text === 'Budget 2025');
    expect(headings).toHaveLength(2);
    const [top, repeated] = headings.sort((a, b) => b.y - a.y);
    const figure = items.find((i) => i.text === '4 000' && i.y < repeated!.y)!;
    expect(Math.abs(repeated!.x + repeated!.width - (figure.x + figure.width))).toBeLessThan(1.5);
    expect(Math.abs(top!.x - repeated!.x)).toBeLessThan(1);
  });
});

describe('column headings beside long row labels', () => {
  it('keep each year by its word ("Budget 2025" on one line); the long label wraps instead', async () => {
    const amounts = { budget2025: 4_000_000, plan2026: 4_000_000, plan2027: 4_000_000 };
    const long = 'Individinriktade insatser för unga vuxna med aktivitetsersättning och försörjningsstöd i samverkan';
    const wide = basePlan({
      sections: [{ type: 'budget', title: 'Budget' }],
      budget: {
        unit: 'kr',
        columns: [
          { kind: 'budget', year: 2025 },
          { kind: 'plan', year: 2026 },
          { kind: 'plan', year: 2027 },
        ],
        income: { rows: [{ label: 'Bidrag', values: amounts }] },
        costs: { rows: [{ label: long, values: amounts }] },
      },
    });
    const outcome = computePlan(wide, path.resolve('test/fixtures/plan.json'));
    expect(outcome.issues).toEqual([]);
    const { pdf } = await printPlan(outcome.plan!, session);
    const items = (await placedText(pdf)).flatMap((p) => p.items);
    for (const heading of ['Budget 2025', 'Plan 2026', 'Plan 2027']) expect(items.filter((i) => i.text.replace(/\u00a0/g, ' ') === heading), heading).toHaveLength(1);
    const budget = items.find((i) => i.text.replace(/\u00a0/g, ' ') === 'Budget 2025')!;
    expect(items.filter((i) => i.text.startsWith('Plan 2')).every((i) => Math.abs(i.y - budget.y) < 0.5)).toBe(true);
    // The label takes two lines: its first words above the line its figures stand on.
    const first = items.find((i) => i.text.startsWith('Individinriktade'))!;
    const figures = items.find((i) => i.text === '4 000 000' && i.y < first.y)!;
    expect(first.y - figures.y).toBeGreaterThan(5);
  });

  it('keep a long heading word whole where the column can be widened for it, the year on the line below', async () => {
    const members = basePlan({
      sections: [{ type: 'contributions', title: 'Bidrag från medlemmarna' }],
      contributions: {
        parties: [
          { name: 'Staten genom Försäkringskassan', role: 'stat' },
          { name: 'Region Dalarna', role: 'region' },
          { name: 'Mora kommun', role: 'kommun', share: 12.5 },
          { name: 'Malung-Sälens kommun', role: 'kommun', share: 12.5 },
        ],
        columns: [2026, 2027, 2028, 2029].map((year) => ({ year, total: 3_400_000 })),
      },
    });
    const outcome = computePlan(members, path.resolve('test/fixtures/plan.json'));
    expect(outcome.issues).toEqual([]);
    const { pdf } = await printPlan(outcome.plan!, session);
    const items = (await placedText(pdf)).flatMap((p) => p.items).map((i) => ({ ...i, text: i.text.replace(/\u00a0/g, ' ').trim() }));
    const words = items.filter((i) => i.text === 'Medlemsbidrag');
    expect(words.map((i) => i.text), 'each column heading\'s word on a line of its own, not "Medlems-" over "bidrag"').toHaveLength(4);
    expect(items.filter((i) => /^Medlems.*-$/.test(i.text))).toEqual([]);
    for (const year of [2026, 2027, 2028, 2029]) {
      const below = items.find((i) => i.text === `${year} (kr)`);
      expect(below, String(year)).toBeDefined();
      expect(words.some((w) => w.y > below!.y && Math.abs(w.x + w.width - (below!.x + below!.width)) < 1)).toBe(true);
    }
  });

  it('break a heading word too long for its column only between long parts, "Medlems-" over "bidrag", the year with its unit below', async () => {
    // Five years and the share column: "Medlemsbidrag" whole would make the table wider than the page.
    const members = basePlan({
      sections: [{ type: 'contributions', title: 'Medlemsbidrag' }],
      contributions: {
        parties: [
          { name: 'Staten (Försäkringskassan och Arbetsförmedlingen)', role: 'stat' },
          { name: 'Västra Götalandsregionen', role: 'region' },
          { name: 'Lidköpings kommun', role: 'kommun', share: 12.5 },
          { name: 'Götene kommun', role: 'kommun', share: 12.5 },
        ],
        columns: [2025, 2026, 2027, 2028, 2029].map((year) => ({ year, total: 8_400_000 })),
      },
    });
    const outcome = computePlan(members, path.resolve('test/fixtures/plan.json'));
    expect(outcome.issues).toEqual([]);
    const { pdf } = await printPlan(outcome.plan!, session);
    const items = (await placedText(pdf)).flatMap((p) => p.items).map((i) => ({ ...i, text: i.text.replace(/[\u00a0\u00ad]/g, (c) => (c === '\u00a0' ? ' ' : '')).trim() }));
    const heads = items.filter((i) => /^Med/.test(i.text) && !['Medlem', 'Medlemsbidrag', '1. Medlemsbidrag'].includes(i.text));
    // Before: "Med-" over "lemsbi-" over "drag 2025 (kr)".
    expect(heads.map((i) => i.text)).toEqual(Array(5).fill('Medlems'));
    for (const year of [2025, 2026, 2027, 2028, 2029]) {
      const below = items.find((i) => i.text === `${year} (kr)`);
      expect(below, String(year)).toBeDefined();
    }
    expect(items.filter((i) => i.text === 'bidrag')).toHaveLength(5);
  });
});
