// A row that takes the member contributions (source: contributions) was blank in a column the
// contributions table has no column for: the income was short by the contributions without a word, or
// with only "eget kapital blir negativt" as the error. Now a warning at the row names the columns and
// what to write, and a plan whose budget has errors shows its warnings after them.
import { describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { computePlan } from '../src/compute/computePlan.js';
import { planSchema, type PlanInput } from '../src/load/schema.js';
import { basePlan, budget } from './helpers/plans.js';
import { useTempDir } from './helpers/tempDir.js';
import { runVplan } from './helpers/cli.js';

const dir = useTempDir('vplan-contributions-missing');

function plan(carry = false): PlanInput {
  return basePlan({
    document: { ...basePlan().document, planYears: [2026] },
    contributions: {
      unit: 'kr',
      parties: [
        { id: 'staten', name: 'Försäkringskassan', role: 'stat' },
        { id: 'region', name: 'Region Test', role: 'region' },
        { id: 'kommun', name: 'Testby kommun', role: 'kommun', share: 25 },
      ],
      columns: [{ year: 2025, total: 1_000_000, budgetColumn: 'budget2025' }],
    },
    budget: budget({
      columns: [
        { kind: 'budget', year: 2025 },
        { kind: 'plan', year: 2026 },
      ],
      ...(carry ? { capital: { opening: { budget2025: 100_000 }, carryForward: { plan2026: 'budget2025' } } } : {}),
      income: { rows: [{ label: 'Medlemsbidrag', source: 'contributions' }] },
      costs: { rows: [{ label: 'Kansli', values: { budget2025: 900_000, plan2026: 950_000 } }] },
    }),
    sections: [{ type: 'budget', title: 'Budget' }, { type: 'contributions', title: 'Medlemsbidrag' }],
  });
}

describe('a contributions row in a column without contributions', () => {
  it('is a warning at the row naming the column and what to write', () => {
    const outcome = computePlan(planSchema.parse(plan()), 'plan.json');
    const warnings = outcome.warnings.filter((w) => w.code?.startsWith('contributionsMissing:'));
    expect(warnings.map((w) => [w.code, w.path])).toEqual([['contributionsMissing:plan2026', ['budget', 'income', 'rows', 0]]]);
    expect(warnings[0]!.message).toContain('raden "Medlemsbidrag" hämtar medlemsbidragens total ur medlemsbidragstabellen, men tabellen har ingen kolumn för Plan 2026');
    expect(warnings[0]!.message).toContain('"budgetColumn": "plan2026"');
    expect(outcome.plan!.budget!.totals.income).toEqual([1_000_000, null]);
  });

  it('is none where the plan gives the value beside source, or where the table has the column', () => {
    const given = plan();
    given.budget!.income.rows[0] = { label: 'Medlemsbidrag', source: 'contributions', values: { plan2026: 1_000_000 } };
    const withColumn = plan();
    withColumn.contributions!.columns.push({ year: 2026, total: 1_000_000, budgetColumn: 'plan2026' });
    for (const p of [given, withColumn]) {
      expect(computePlan(planSchema.parse(p), 'plan.json').warnings.filter((w) => w.code?.startsWith('contributionsMissing:'))).toEqual([]);
    }
  });

  it('is shown after the error it causes (the capital below zero), with exit code 1', async () => {
    const file = path.join(dir(), 'plan.json');
    await writeFile(file, JSON.stringify(plan(true), null, 2));
    const result = await runVplan(dir(), "validate", file);
    expect(result.code).toBe(1);
    const lines = result.stderr.replace(/\u00a0/g, ' ').split('\n');
    const error = lines.findIndex((l) => l.includes('eget kapital blir −750 000 kr vid slutet av Plan 2026'));
    const warning = lines.findIndex((l) => l.includes('varning:') && l.includes('tabellen har ingen kolumn för Plan 2026'));
    expect(error).toBeGreaterThan(0);
    expect(warning).toBeGreaterThan(error);
  });
});
