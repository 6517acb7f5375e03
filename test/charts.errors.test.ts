// Bad chart options: Swedish errors naming their place in the plan (file, line, path) and what to write.
import { describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { checkPlan } from '../src/build.js';
import { PlanError } from '../src/errors.js';
import { basePlan, budget } from './helpers/plans.js';
import { useTempDir } from './helpers/tempDir.js';
import { runVplan } from './helpers/cli.js';

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

const withBudget = (charts: unknown[], extra: Record<string, unknown> = {}) =>
  basePlan({ sections: [{ type: 'budget', title: 'Budget', charts } as never], budget: budget(), ...extra });

describe('bad chart options', () => {
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

describe('every chart problem in one run', () => {
  it('checks the column of a chart whose kind is unknown, with its line, in the same run (vplan build)', async () => {
    const yaml = [
      'document:',
      '  association: { name: Testförbundet }',
      '  title: Verksamhetsplan 2025',
      '  budgetYear: 2025',
      '  status: { state: förslag }',
      'sections:',
      '  - type: budget',
      '    title: Budget',
      '    charts:',
      '      - kind: stapel',
      '        column: budget2029',
      '      - { kind: costs, by: kolumn, column: x }',
      'budget:',
      '  unit: kr',
      '  convention: result',
      '  columns: [{ kind: budget, year: 2025 }]',
      '  income: { rows: [{ label: Medlemsbidrag, values: { budget2025: 1000 } }] }',
      '  costs: { rows: [{ label: Kansli, values: { budget2025: 800 } }] }',
      '',
    ].join('\n');
    await writeFile(path.join(tmp(), 'plan.yaml'), yaml);
    const result = await runVplan(tmp(), 'build', 'plan.yaml', '--out', 'plan.pdf');
    expect(result.code).toBe(1);
    const err = sp(result.stderr);
    expect(err).toContain('plan.yaml: 4 fel');
    expect(err).toMatch(/plan\.yaml:10:\d+ sections\[0\]\.charts\[0\]\.kind: okänt värde för "kind" "stapel"; välj ett av costs, capital, contributions/);
    expect(err).toMatch(/plan\.yaml:11:\d+ sections\[0\]\.charts\[0\]\.column: budgeten har ingen kolumn "budget2029"; skriv en av "budget2025"/);
    expect(err).toMatch(/plan\.yaml:12:\d+ sections\[0\]\.charts\[1\]\.by: texten "kolumn" är inget av de tillåtna värdena/);
    expect(err).toMatch(/plan\.yaml:12:\d+ sections\[0\]\.charts\[1\]\.column: budgeten har ingen kolumn "x"/);
    expect(err).toContain('ingen PDF skrevs');
  });

  it('checks the options of a chart refused for a key, without a kind, or not an object, and the others of its section', async () => {
    const contributions = { parties: [{ name: 'S', role: 'stat' }, { name: 'R', role: 'region' }, { name: 'K', role: 'kommun' }], columns: [{ year: 2025, total: 1000 }] };
    const message = await errorFor(
      withBudget(
        [
          { kind: 'capital', columns: ['budget2025', 'zz'], colour: 'red' },
          { columns: ['yy'] },
          5,
          { kind: 'contributions', year: 2030, by: 'row' },
          { kind: 'costs', column: 'budget2031' },
        ],
        { contributions } as never,
      ),
    );
    expect(message).toMatch(/sections\[0\]\.charts\[0\]\.colour: okänd nyckel "colour"/);
    expect(message).toMatch(/sections\[0\]\.charts\[0\]\.columns\[1\]: budgeten har ingen kolumn "zz"/);
    expect(message).toMatch(/sections\[0\]\.charts\[1\]\.kind: saknas; välj ett av costs, capital, contributions/);
    expect(message).toMatch(/sections\[0\]\.charts\[1\]\.columns\[0\]: budgeten har ingen kolumn "yy"/);
    expect(message).toMatch(/sections\[0\]\.charts\[2\]: ska vara ett objekt/);
    expect(message).toMatch(/sections\[0\]\.charts\[3\]\.year: medlemsbidragen har inget år 2030/);
    expect(message).toMatch(/sections\[0\]\.charts\[4\]\.column: budgeten har ingen kolumn "budget2031"/);
    expect(message).toMatch(/sections\[0\]\.charts\[3\]\.by: nyckeln "by" hör inte hemma här/);
    expect(message).toMatch(/plan\.json: 8 fel/);
  });

  it('checks the charts of a section refused for a key of its own (a missing title, an unknown type)', async () => {
    const message = await errorFor(
      basePlan({
        sections: [
          { type: 'chart', titel: 'Diagram', charts: [{ kind: 'costs', column: 'budget2099' }] },
          { type: 'diagram', title: 'Kapital', charts: [{ kind: 'capital', columns: ['qq'] }] },
          { type: 'text', title: 'Text', text: 'Kostnaderna är {{ costs.budget2025 }} kr.' },
        ] as never,
        budget: budget(),
      }),
    );
    expect(message).toMatch(/sections\[0\]\.titel: okänd nyckel "titel"/);
    expect(message).toMatch(/sections\[0\]\.charts\[0\]\.column: budgeten har ingen kolumn "budget2099"/);
    expect(message).toMatch(/sections\[1\]\.type: /);
    expect(message).toMatch(/sections\[1\]\.charts\[0\]\.columns\[0\]: budgeten har ingen kolumn "qq"/);
    expect(message).not.toMatch(/sections\[2\]/);
  });

  it('checks a refused sub-section\'s charts, and the rest of its parent, in the same run', async () => {
    const message = await errorFor(
      basePlan({
        sections: [
          {
            type: 'text',
            title: 'Ekonomi',
            text: 'Kostnaderna är {{ costs.budget2099 }} kr.',
            sections: [
              { type: 'text', title: 'Översikt', text: 'Text.' },
              { type: 'chart', title: 'Diagram', färg: 'blå', charts: [{ kind: 'costs', column: 'budget2099' }] },
              { type: 'text', title: 'Mer', text: 'Intäkterna är {{ income.budget2099 }} kr.' },
            ],
          },
        ] as never,
        budget: budget(),
      }),
    );
    expect(message).toMatch(/sections\[0\]\.sections\[1\]\["färg"\]: okänd nyckel "färg"/);
    expect(message).toMatch(/sections\[0\]\.sections\[1\]\.charts\[0\]\.column: budgeten har ingen kolumn "budget2099"/);
    // Before, the whole top section was left out until the sub-section was fixed: its figures too.
    expect(message).toMatch(/sections\[0\]\.text: \{\{ costs\.budget2099 \}\}: okänt namn/);
    expect(message).toMatch(/sections\[0\]\.sections\[2\]\.text: \{\{ income\.budget2099 \}\}: okänt namn/);
    expect(message.match(/sections\[0\]/g)).toHaveLength(4);
  });

  it('says nothing of a kind it had to guess from the options', async () => {
    // No budget: a costs chart would be refused for it, but the user did not write "costs".
    const message = await errorFor(basePlan({ sections: [{ type: 'chart', title: 'Diagram', charts: [{ kind: 'stapel', column: 'budget2025' }] } as never] }));
    expect(message).toMatch(/sections\[0\]\.charts\[0\]\.kind: okänt värde för "kind" "stapel"/);
    expect(message).not.toMatch(/budget/);
    expect(message.match(/sections\[0\]/g)).toHaveLength(1);
  });

  it('names the options of a second kind in a chart of an unknown kind, in the same run', async () => {
    // "by" is a costs chart's, "year" a contributions chart's: fixing the kind alone would end in another error.
    const message = await errorFor(withBudget([{ kind: 'kostnad', by: 'row', year: 2025 }]));
    expect(message).toMatch(/sections\[0\]\.charts\[0\]\.kind: okänt värde för "kind" "kostnad"/);
    expect(message).toMatch(/plan\.json:\d+:\d+ sections\[0\]\.charts\[0\]\.year: "year" hör till diagram av slaget contributions, men "by" till costs: ett diagram har ett slag \(kind\)/);
    // Options of one kind only: nothing more than the kind.
    expect((await errorFor(withBudget([{ kind: 'kostnad', by: 'row' }]))).match(/sections\[0\]/g)).toHaveLength(1);
  });
});
