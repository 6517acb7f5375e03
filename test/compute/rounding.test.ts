// Rounding member contributions: largest remainder, alternating year by year, or amounts given (item 6).
import { describe, expect, it } from 'vitest';
import { allocateColumns, givenAmounts } from '../../src/compute/rounding.js';
import { computeContributions } from '../../src/compute/contributions.js';
import type { ContributionsInput } from '../../src/load/schema.js';

const lawSplit = [5000, 2500, 2500];

describe('allocateColumns', () => {
  it('largest remainder rounds the same member up every year', () => {
    const parts = allocateColumns([9002, 9002, 9002], lawSplit, [2025, 2026, 2027], 'largestRemainder');
    expect(parts).toEqual([
      [4501, 2251, 2250],
      [4501, 2251, 2250],
      [4501, 2251, 2250],
    ]);
  });

  it('alternate shifts who is rounded up from year to year, in year order, and keeps every total exact', () => {
    const parts = allocateColumns([9002, 9002, 9002], lawSplit, [2026, 2025, 2027], 'alternate');
    expect(parts).toEqual([
      [4501, 2250, 2251], // 2026: the municipalities' turn
      [4501, 2251, 2250], // 2025: the region first
      [4501, 2251, 2250], // 2027: the region again
    ]);
    const key = allocateColumns([1003, 1003, 1003, -1003], [5000, 2500, 1175, 1175, 150], [1, 2, 3, 4], 'alternate');
    for (const [i, p] of key.entries()) expect(p.reduce((a, b) => a + b)).toBe(i === 3 ? -1003 : 1003);
  });
});

describe('given amounts', () => {
  it('sums the given amounts into the total and warns when an amount is not its share', () => {
    const r = givenAmounts(
      [
        { name: 'Staten', share: 5000, amounts: { '2025': 500 } },
        { name: 'Regionen', share: 2500, amounts: { '2025': 260 } },
        { name: 'Kommunen', share: 2500, amounts: { '2025': 240 } },
      ],
      [{ id: '2025', label: 'Medlemsavgift 2025', total: undefined }],
      ['contributions'],
    );
    expect(r.issues).toEqual([]);
    expect(r.totals).toEqual([1000]);
    expect(r.warnings.map((w) => w.message.replace(/\u00a0/g, ' '))).toEqual([
      'Regionen betalar 260 för Medlemsavgift 2025, men andelen 25,00 % av 1 000 är 250',
      'Kommunen betalar 240 för Medlemsavgift 2025, men andelen 25,00 % av 1 000 är 250',
    ]);
  });

  it('refuses a missing amount and a stated total that is not their sum', () => {
    const r = givenAmounts(
      [{ name: 'Staten', share: 10000, amounts: {} }],
      [{ id: '2025', label: 'Medlemsavgift 2025', total: 5 }],
      ['contributions'],
    );
    expect(r.issues.map((i) => i.message)).toEqual([
      'Staten saknar belopp för Medlemsavgift 2025: med rounding "given" anger planen beloppen; skriv amounts.2025',
      'beloppen för Medlemsavgift 2025 summerar till 0, inte 5; rätta ett belopp eller ta bort "total"',
    ]);
  });
});

describe('computeContributions with a rounding', () => {
  const input = (rounding: ContributionsInput['rounding'], amounts?: number[]): ContributionsInput => ({
    rounding,
    parties: [
      { name: 'Staten', role: 'stat', ...(amounts ? { amounts: { '2025': amounts[0]! } } : {}) },
      { name: 'Regionen', role: 'region', ...(amounts ? { amounts: { '2025': amounts[1]! } } : {}) },
      { name: 'Kommunen', role: 'kommun', ...(amounts ? { amounts: { '2025': amounts[2]! } } : {}) },
    ],
    columns: [{ year: 2025, ...(amounts ? {} : { total: 9002 }) }],
  });

  it('given: the total is the sum of the amounts; an amount off its share is a warning', () => {
    const out = computeContributions(input('given', [4502, 2250, 2250]));
    expect(out.issues).toEqual([]);
    expect(out.contributions!.columns[0]!.total).toBe(9002);
    expect(out.contributions!.parties.map((p) => p.amounts[0])).toEqual([4502, 2250, 2250]);
    expect(out.warnings).toHaveLength(1);
    expect(out.warnings[0]!.path).toEqual(['contributions', 'parties', 0, 'amounts', '2025']);
  });

  it('refuses amounts without rounding "given", and a column with neither total nor stateAllotment', () => {
    const stray = input('largestRemainder');
    stray.parties[0]!.amounts = { '2025': 1 };
    expect(computeContributions(stray).issues.map((i) => i.message)).toEqual(['beloppen används bara med "rounding": "given"; lägg till det, eller ta bort "amounts"']);
    expect(computeContributions({ ...input(undefined), columns: [{ year: 2025 }] }).issues[0]!.message).toMatch(/ange "total" eller "stateAllotment"/);
  });
});
