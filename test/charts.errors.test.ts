// Bad chart options: Swedish errors naming their place in the plan (file, line, path) and what to write.
import { describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { checkPlan } from '../src/build.js';
import { PlanError } from '../src/errors.js';
import { basePlan, budget } from './helpers/plans.js';
import { useTempDir } from './helpers/tempDir.js';

const tmp = useTempDir('vplan-chart-errors');
const sp = (s: string) => s.replace(/\u00a0/g, ' ');

/** The error checkPlan gives for a plan, as the user reads it. */
async function errorFor(value: unknown): Promise<string> {
  const file = path.join(tmp(), 'plan.json');
  await writeFile(file, JSON.stringify(value, null, 2));
  const error = await checkPlan(file).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PlanError);
  return sp((error as PlanError).describe());
}

describe('bad chart options', () => {
  const withBudget = (charts: unknown[], extra: Record<string, unknown> = {}) =>
    basePlan({ sections: [{ type: 'budget', title: 'Budget', charts } as never], budget: budget(), ...extra });

  it('names a column the budget does not have, and the ones it has', async () => {
    expect(await errorFor(withBudget([{ kind: 'costs', column: 'budget2026' }]))).toMatch(
      /plan\.json:\d+:\d+ sections\[0\]\.charts\[0\]\.column: budgeten har ingen kolumn "budget2026"; skriv en av "budget2025"/,
    );
    expect(await errorFor(withBudget([{ kind: 'capital', columns: ['budget2025', 'x'] }]))).toMatch(/sections\[0\]\.charts\[0\]\.columns\[1\]: budgeten har ingen kolumn "x"/);
  });

  it('refuses a contributions chart without contributions, and a year they do not have', async () => {
    expect(await errorFor(withBudget([{ kind: 'contributions' }]))).toMatch(
      /sections\[0\]\.charts\[0\]\.kind: diagrammet visar medlemsbidragen, men planen har ingen "contributions"/,
    );
    const contributions = { parties: [{ name: 'S', role: 'stat' }, { name: 'R', role: 'region' }, { name: 'K', role: 'kommun' }], columns: [{ year: 2025, total: 1000 }] };
    expect(await errorFor(withBudget([{ kind: 'contributions', year: 2030 }], { contributions } as never))).toMatch(
      /sections\[0\]\.charts\[0\]\.year: medlemsbidragen har inget år 2030; skriv ett av 2025/,
    );
  });

  it('refuses a capital chart without capital, and a chart of the budget without one', async () => {
    expect(await errorFor(withBudget([{ kind: 'capital' }]))).toMatch(/sections\[0\]\.charts\[0\]\.kind: budgeten har inget utgående kapital att visa; ange ingående kapital i budget\.capital\.opening/);
    const noBudget = basePlan({ sections: [{ type: 'chart', title: 'Diagram', charts: [{ kind: 'costs' }] }] });
    expect(await errorFor(noBudget)).toMatch(/sections\[0\]\.charts\[0\]\.kind: diagrammet visar budgetens kostnader, men planen har ingen "budget"/);
  });

  it('names an unknown kind, option or value in Swedish', async () => {
    const message = await errorFor(withBudget([{ kind: 'pie' }, { kind: 'costs', by: 'kolumn' }, { kind: 'costs', colour: 'red' }]));
    expect(message).toMatch(/plan\.json:\d+:\d+ sections\[0\]\.charts\[0\]\.kind: .*"pie"; välj ett av costs, capital, contributions/);
    expect(message).toMatch(/sections\[0\]\.charts\[1\]\.by: texten "kolumn" är inget av de tillåtna värdena; välj ett av "group", "row"/);
    expect(message).toMatch(/sections\[0\]\.charts\[2\]\.colour: okänd nyckel "colour"/);
    expect(message).not.toMatch(/\n\s+at /);
  });
});
