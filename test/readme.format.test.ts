// The README's examples of the budget format items (issue 12) are valid plan fragments that do what it says.
import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { budgetSchema, contributionsSchema } from '../src/load/schema.js';
import { computeBudget } from '../src/compute/budget.js';
import { computeContributions } from '../src/compute/contributions.js';

async function snippets(heading: string): Promise<unknown[]> {
  const readme = await readFile('README.md', 'utf8');
  const start = readme.indexOf(`### ${heading}`);
  const end = readme.indexOf('\n### ', start + 4);
  return [...readme.slice(start, end).matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => parse(m[1]!));
}

describe('README: budget layout and contributions per member', () => {
  it('the budget snippets fit in one budget and print as described', async () => {
    const [capital, totals, costs] = (await snippets('Budgetens uppställning')) as Record<string, unknown>[];
    const input = budgetSchema.parse({
      convention: 'balance',
      columns: [{ kind: 'budget', year: 2025 }],
      income: { rows: [{ label: 'Medlemsbidrag', values: [5020000] }] },
      ...capital,
      ...totals,
      ...costs,
    });
    const { budget, issues } = computeBudget(input, { contributionTotals: new Map() });
    expect(issues).toEqual([]);
    expect(budget!.table.rows.map((r) => r.label)).toEqual([
      'Intäkter',
      'Medlemsbidrag',
      'Summa intäkter',
      'Eget kapital',
      'Ingående balans',
      'Summa tillgångar',
      'Kostnader',
      'Kansli',
      'Insatser',
      'Samverkansteam',
      'Delsumma insatser',
      'Utgående balans',
    ]);
  });

  it('the contributions snippets validate and compute', async () => {
    const [income, contributions] = (await snippets('Medlemsbidragen per medlem och avrundningen')) as Record<string, unknown>[];
    const parsed = contributionsSchema.parse((contributions as { contributions: unknown }).contributions);
    const out = computeContributions(parsed);
    expect(out.issues).toEqual([]);
    expect(out.contributions!.columns[0]!.total).toBe(5020000);
    const parts = new Map(out.contributions!.parties.map((p) => [p.id!, new Map([['budget2025', p.amounts[0]!]])]));
    const input = budgetSchema.parse({
      columns: [{ kind: 'budget', year: 2025 }],
      ...income,
      costs: { rows: [{ label: 'Kansli', values: [1] }] },
    });
    const { budget } = computeBudget(input, { contributionTotals: new Map([['budget2025', 5020000]]), contributionParts: parts });
    expect(budget!.table.rows.filter((r) => r.kind === 'row').map((r) => r.cells[0])).toEqual([2510000, 1255000, 1255000, 1]);
  });
});
