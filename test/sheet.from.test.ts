// budget: { from: "budget.xlsx" } inside a plan: the plan gives the budget's form (columns, rows,
// groups), the sheet written by vplan export-budget gives its amounts, read by row label and column
// heading like import-budget. vplan's own sums win; errors and warnings name the sheet and cell.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planError } from './helpers/planError.js';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { buildPlan, checkPlan, PrintSession } from '../src/build.js';
import { PlanError } from '../src/errors.js';
import { exportBudget, importBudget } from '../src/sheet/importBudget.js';
import { planToYaml } from '../src/convert/write.js';
import { normalize, pdfText } from './helpers/pdfText.js';
import { useTempDir } from './helpers/tempDir.js';
import { runVplan } from './helpers/cli.js';

const FINNVEDEN = path.resolve('data/finnveden-2025.json');
const dir = useTempDir('vplan-sheet-from');

let session: PrintSession;
beforeAll(() => {
  session = new PrintSession();
});
afterAll(async () => {
  await session.close();
});

type Obj = Record<string, unknown>;

/** The example plan with budget.from, and (unless kept) without any amount of its own. */
async function planFrom(sheet: string, keepValues = false): Promise<string> {
  const plan = JSON.parse(await readFile(FINNVEDEN, 'utf8')) as Obj;
  const budget = plan.budget as Obj;
  const strip = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(strip);
    else if (value && typeof value === 'object') {
      delete (value as Obj).values;
      Object.values(value).forEach(strip);
    }
  };
  if (!keepValues) {
    strip(budget.income);
    strip(budget.costs);
    delete (budget.capital as Obj).opening;
  }
  plan.budget = { from: sheet, ...budget };
  const file = path.join(dir(), 'plan.yaml');
  await writeFile(file, planToYaml(plan, undefined));
  return file;
}

/** The sheet export-budget writes for the example, edited by `edit`, saved as budget.xlsx. */
async function sheet(edit: (budget: ExcelJS.Worksheet) => void = () => {}): Promise<string> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from((await exportBudget(FINNVEDEN, 'xlsx')).bytes) as unknown as ArrayBuffer);
  edit(book.getWorksheet('Budget')!);
  const file = path.join(dir(), 'budget.xlsx');
  await book.xlsx.writeFile(file);
  return file;
}


describe('budget.from', () => {
  it('prints the sheet\'s amounts with vplan\'s sums; a stale sum in the sheet is a warning naming the cell', async () => {
    await sheet((budget) => {
      expect(budget.getCell('B19').value).toBe('Kansli');
      budget.getCell('E19').value = 575000; // Budget 2025, was 550 000; the sheet's sums keep their old results
    });
    const plan = await planFrom('budget.xlsx');
    expect(await readFile(plan, 'utf8')).not.toContain('550000');
    const out = path.join(dir(), 'plan.pdf');
    const result = await buildPlan(plan, out, session);
    const text = normalize((await pdfText(await readFile(out))).all);
    expect(text).toMatch(/Kansli 550 000 550 000 575 000 570 000 590 000/);
    expect(text).toMatch(/Delsumma administration 832 000 815 000 847 000/);
    const warnings = result.warnings.filter((w) => w.path.join('.') === 'budget.from').map((w) => w.message);
    expect(warnings).toContain('budget.xlsx, Blad Budget, E24: 822 000 i bladet, 847 000 summerat; vplan räknar själv summorna och skriver ut sina');
    expect(result.usedFiles).toEqual([path.join(dir(), 'budget.xlsx')]);
  });

  it('warns when the plan states an amount the sheet replaces, at the plan\'s line', async () => {
    await sheet((budget) => {
      budget.getCell('E19').value = 575000;
    });
    const plan = await planFrom('budget.xlsx', true);
    const { warnings, plan: computed } = await checkPlan(plan);
    const replaced = warnings.find((w) => w.message.startsWith('planen säger 550 000'));
    expect(replaced?.message).toBe(
      'planen säger 550 000 men budget.xlsx (Blad Budget, E19) säger 575 000; bladets belopp gäller. Ta bort beloppen ur planen när budgeten läses ur bladet',
    );
    expect(replaced?.path).toEqual(['budget', 'costs', 'rows', 1, 'rows', 0, 'values']);
    expect(replaced?.line).toBeGreaterThan(1);
    expect(computed.budget!.totals.costs[2]).toBe(5_852_100);
  });

  it('resolves figures quoted in the text from the sheet\'s amounts, and warns of an opening capital the sheet replaces', async () => {
    await sheet((budget) => {
      budget.getCell('C8').value = 2_400_000;
    });
    const file = await planFrom('budget.xlsx');
    const plan = JSON.parse(JSON.stringify((await import('yaml')).parse(await readFile(file, 'utf8')))) as Obj;
    const sections = plan.sections as Obj[];
    sections[0]!.text = 'Kostnaderna 2025 beräknas till {{ costs.budget2025 }} kr.';
    ((plan.budget as Obj).capital as Obj).opening = { budget2024: 2344835 };
    await writeFile(file, planToYaml(plan, undefined));
    const { warnings, plan: computed } = await checkPlan(file);
    expect(computed.sections[0]!.text).toContain(`Kostnaderna 2025 beräknas till ${'5 827 100'.replace(/ /g, '\u00a0')} kr.`);
    const replaced = warnings.find((w) => w.path.join('.') === 'budget.capital.opening');
    expect(replaced?.message).toBe(
      'planen säger 2 344 835 men budget.xlsx (Blad Budget, C8) säger 2 400 000; bladets belopp gäller. Ta bort beloppen ur planen när budgeten läses ur bladet',
    );
    expect(computed.budget!.totals.openingCapital[0]).toBe(2_400_000);
  });

  it('names the sheet and cell of each error, and the plan\'s field', async () => {
    await sheet((budget) => {
      budget.getCell('E20').value = 30000.5;
      budget.getCell('A21').value = null;
      budget.getCell('B21').value = 'Styrelsen';
    });
    const message = await planError(await planFrom('budget.xlsx'));
    expect(message).toMatch(/plan\.yaml:\d+:\d+ budget\.from: budget\.xlsx, Blad Budget, E20: 30000,5 är inte ett heltal; skriv ett helt belopp, 30 000 eller 30 001/);
    expect(message).toMatch(/budget\.from: budget\.xlsx, Blad Budget, B21: okänd rad "Styrelsen" – menade du "Styrelse"\?/);
    expect(message).toContain('2 fel');
  });

  it('a missing sheet or another kind of file is an error naming it; import-budget refuses a plan that reads a sheet', async () => {
    const missing = await planError(await planFrom('budget.xlsx'));
    expect(missing).toContain(`budget.from: budgetbladet budget.xlsx finns inte (${path.join(dir(), 'budget.xlsx')}); sökvägen räknas från planfilens mapp`);
    const ods = await planError(await planFrom('budget.ods'));
    expect(ods).toContain('budget.from: budget.ods: vplan läser och skriver budgetblad som .xlsx (Excel) eller .csv.');
    await sheet();
    const plan = await planFrom('budget.xlsx');
    await expect(importBudget(plan, path.join(dir(), 'budget.xlsx'))).rejects.toThrow(/läser redan sin budget ur budget\.xlsx \(budget\.from\)/);
  });

  it('vplan next writes the sheet\'s amounts into next year\'s plan, which no longer reads last year\'s sheet', async () => {
    await sheet((budget) => {
      budget.getCell('E19').value = 575000;
    });
    const plan = await planFrom('budget.xlsx');
    const next = await runVplan(dir(), 'next', plan, '--out', 'plan-2026.yaml');
    expect(next.stderr).not.toMatch(/fel/);
    expect(next.code).toBe(0);
    expect(next.stdout).toContain('Budgeten lästes ur budget.xlsx; den nya planen har beloppen i sig. Skriv ett nytt blad med vplan export-budget plan-2026.yaml budget-2026.xlsx');
    const written = await readFile(path.join(dir(), 'plan-2026.yaml'), 'utf8');
    expect(written).not.toContain('from:');
    expect(written).toContain('575000');
  });

  it('reads a CSV too, and the document id changes with the sheet', async () => {
    const csv = new TextDecoder().decode((await exportBudget(FINNVEDEN, 'csv')).bytes);
    await writeFile(path.join(dir(), 'budget.csv'), csv);
    const plan = await planFrom('budget.csv');
    const first = await checkPlan(plan);
    expect(first.plan.budget!.totals.costs[2]).toBe(5_827_100);
    await writeFile(path.join(dir(), 'budget.csv'), csv.replace(';Kansli;550000;550000;550000;', ';Kansli;550000;550000;"560 000";'));
    const second = await checkPlan(plan);
    expect(second.plan.budget!.totals.costs[2]).toBe(5_837_100);
    expect(second.plan.source).not.toBe(first.plan.source);
    expect(second.plan.usedFiles).toEqual([{ file: 'budget.csv', jsonPath: 'budget.from' }]);
  });
});
