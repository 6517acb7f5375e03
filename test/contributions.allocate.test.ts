// Member contributions: 50/25/25 and the municipal key, allocated so every total is exact.
import { describe, expect, it } from 'vitest';
import { allocate } from '../src/compute/allocate.js';
import { computeContributions } from '../src/compute/contributions.js';
import type { ContributionsInput } from '../src/load/schema.js';
import { computePlan } from '../src/compute/computePlan.js';
import { planSchema } from '../src/load/schema.js';

const botkyrka = (columns: ContributionsInput['columns']): ContributionsInput => ({
  parties: [
    { name: 'Staten', role: 'stat' },
    { name: 'SLL', role: 'region' },
    { name: 'Huddinge kommun', role: 'kommun', share: 11.75 },
    { name: 'Botkyrka kommun', role: 'kommun', share: 11.75 },
    { name: 'Salems kommun', role: 'kommun', share: 1.5 },
  ],
  columns,
});

describe('allocate', () => {
  it('splits 9 002 by 50/25/25 into parts that add up to 9 002, never 9 003', () => {
    const parts = allocate(9002, [5000, 2500, 2500]);
    expect(parts.reduce((a, b) => a + b)).toBe(9002);
    expect(parts).toEqual([4501, 2251, 2250]);
  });

  it('keeps the total exact for any total and weights', () => {
    for (let total = 0; total < 2000; total += 37) {
      const parts = allocate(total, [5000, 2500, 1175, 1175, 150]);
      expect(parts.reduce((a, b) => a + b)).toBe(total);
    }
  });
});

describe('member contributions', () => {
  it('reproduces the Botkyrka Huddinge Salem 2017 table from its total', () => {
    const { contributions, issues } = computeContributions(botkyrka([{ year: 2017, total: 16007989 }]));
    expect(issues).toEqual([]);
    expect(contributions!.parties.map((p) => p.amounts[0])).toEqual([8003994, 4001997, 1880939, 1880939, 240120]);
  });

  it('derives the 2018 total from the state\'s allotment that the others match', () => {
    const { contributions } = computeContributions(botkyrka([{ year: 2018, stateAllotment: 7700000 }]));
    expect(contributions!.columns[0]!.total).toBe(15400000);
    expect(contributions!.parties.map((p) => p.amounts[0])).toEqual([7700000, 3850000, 1809500, 1809500, 231000]);
  });

  it('refuses a municipal key that does not add up to exactly 25 %', () => {
    const input = botkyrka([{ year: 2018, total: 1000 }]);
    input.parties[4]!.share = 1.25;
    const { issues, contributions } = computeContributions(input);
    expect(contributions).toBeUndefined();
    expect(issues[0]!.message.replace(/\u00a0/g, ' ')).toMatch(/kommunernas andelar summerar till 24,75 % men ska enligt lagen vara exakt 25,00 %/);
    expect(issues[0]!.path).toEqual(['contributions', 'parties', 2, 'share']);
  });

  it('refuses shares with more than two decimals', () => {
    const input = botkyrka([{ year: 2018, total: 1000 }]);
    input.parties[2]!.share = 11.755;
    expect(computeContributions(input).issues[0]!.message).toBe(
      'andelen 11.755 har fler än två decimaler; en andel anges i procent med högst två decimaler: avrunda till 11.75 eller 11.76, så att kommunernas andelar tillsammans blir exakt 25',
    );
  });
});

describe('member contributions as budget rows in another unit', () => {
  it('are rounded so that the rows add up to the total, as the contributions table is (kr → tkr)', () => {
    const party = (id: string, name: string, role: string, share?: number) => ({ id, name, role, ...(share ? { share } : {}) });
    const plan = planSchema.parse({
      document: { association: { name: 'Förbundet' }, title: 'Verksamhetsplan 2026', budgetYear: 2026, status: { state: 'utkast' } },
      sections: [{ type: 'budget', title: 'Budget' }],
      contributions: {
        parties: [
          party('staten', 'Staten', 'stat'),
          party('regionen', 'Regionen', 'region'),
          party('huddinge', 'Huddinge kommun', 'kommun', 11.75),
          party('botkyrka', 'Botkyrka kommun', 'kommun', 11.75),
          party('salem', 'Salems kommun', 'kommun', 1.5),
        ],
        columns: [{ year: 2026, total: 3002000, budgetColumn: 'budget2026' }],
      },
      budget: {
        unit: 'tkr',
        columns: [{ kind: 'budget', year: 2026 }],
        income: { rows: ['staten', 'regionen', 'huddinge', 'botkyrka', 'salem'].map((id) => ({ label: id, source: { contributions: id } })) },
        costs: { rows: [{ label: 'Kansli', balance: true }] },
      },
    });
    const { plan: computed, issues } = computePlan(plan, 'plan.yaml');
    expect(issues).toEqual([]);
    const rows = computed!.budget!.table.rows.filter((r) => r.kind === 'row' && r.label !== 'Kansli').map((r) => r.cells[0]);
    // 1 501 + 751 + 353 + 353 + 45 rounded one by one would be 3 003: 1 000 kr that does not exist.
    expect(rows.reduce((a, b) => a! + b!, 0)).toBe(3002);
    expect(computed!.budget!.totals.income[0]).toBe(3002);
  });
});
