// Uppföljning: the year's outcome beside its budget, the difference computed by vplan.
import { describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildPlan, checkPlan, PrintSession } from '../src/build.js';
import { PlanError } from '../src/errors.js';
import { basePlan, budget } from './helpers/plans.js';
import { normalize, pdfText } from './helpers/pdfText.js';
import { useTempDir } from './helpers/tempDir.js';
import { readFile } from 'node:fs/promises';

const dir = useTempDir('vplan-followup');

function plan(section: Record<string, unknown> = {}) {
  return basePlan({
    sections: [{ type: 'followUp', title: 'Uppföljning 2025', ...section } as never],
    budget: budget({
      columns: [{ kind: 'budget', year: 2025 }, { kind: 'utfall', year: 2025 }],
      income: { rows: [{ label: 'Medlemsbidrag', values: [1000, 1000] }] },
      costs: { rows: [{ label: 'Kansli', values: [800, 750] }, { label: 'Insatser', values: [150, 210] }] },
    }),
  });
}

async function check(value: unknown) {
  const file = path.join(dir(), 'plan.json');
  await writeFile(file, JSON.stringify(value));
  return checkPlan(file);
}

describe('followUp sections', () => {
  it('print budget, utfall and the difference for every row and sum', async () => {
    const { plan: computed } = await check(plan());
    const section = computed.sections[0]!;
    if (section.type !== 'followUp' || !section.content.table) throw new Error('the section has no follow-up table');
    const table = section.content.table;
    expect(table.columnLabels).toEqual(['Budget 2025', 'Utfall 2025', 'Avvikelse']);
    const row = (label: string) => table.rows.find((r) => r.label === label)!.cells;
    expect(row('Kansli')).toEqual([800, 750, -50]);
    expect(row('Insatser')).toEqual([150, 210, 60]);
    expect(row('Summa kostnader')).toEqual([950, 960, 10]);
    expect(row('Resultat')).toEqual([50, 40, -10]);

    const session = new PrintSession();
    try {
      const out = path.join(dir(), 'plan.pdf');
      await buildPlan(path.join(dir(), 'plan.json'), out, session);
      expect(normalize((await pdfText(await readFile(out))).all)).toContain('Kansli 800 750 −50');
    } finally {
      await session.close();
    }
  });

  it('names the unit in the difference heading too where the budget shows it in its headings', async () => {
    const inHeadings = plan({ differenceLabel: 'Differens' });
    Object.assign(inHeadings.budget!, { unit: 'tkr', unitDisplay: 'columns' });
    const { plan: computed } = await check(inHeadings);
    const section = computed.sections[0]!;
    if (section.type !== 'followUp' || !section.content.table) throw new Error('the section has no follow-up table');
    expect(section.content.table.columnLabels).toEqual(['Budget 2025 (tkr)', 'Utfall 2025 (tkr)', 'Differens (tkr)']);
    // As a line above the table (the default for tkr), the headings have no unit, the difference's neither.
    const caption = plan();
    Object.assign(caption.budget!, { unit: 'tkr' });
    const { plan: other } = await check(caption);
    const table = other.sections[0]!.type === 'followUp' ? other.sections[0]!.content.table : undefined;
    expect(table?.columnLabels).toEqual(['Budget 2025', 'Utfall 2025', 'Avvikelse']);
    expect(table?.unitCaption).toBe('Belopp i tusental kronor (tkr)');
  });

  it('needs an utfall column and a budget for its year, and says so', async () => {
    const noOutcome = plan();
    noOutcome.budget!.columns = [{ kind: 'budget', year: 2025 }, { kind: 'plan', year: 2026 }];
    const error = await check(noOutcome).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlanError);
    expect((error as PlanError).describe()).toMatch(/sections\[0\]\.type: uppföljningen behöver en utfallskolumn/);
    const wrong = await check(plan({ budgetColumn: 'budget2024' })).catch((e: unknown) => e);
    expect((wrong as PlanError).describe()).toMatch(/sections\[0\]\.budgetColumn: budgeten har ingen kolumn "budget2024"/);
  });
});
