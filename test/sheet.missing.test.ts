// A table the plan takes amounts from that the sheet does not have (a sheet deleted or renamed, an
// empty CSV, a workbook that cannot be read) is an error naming it, under budget.from and for
// import-budget alike: never a PDF with empty amounts, never "inga belopp ändrades" with exit 0.
import { describe, expect, it } from 'vitest';
import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { parse } from 'yaml';
import { checkPlan } from '../src/build.js';
import { exportBudget } from '../src/sheet/importBudget.js';
import { planToYaml } from '../src/convert/write.js';
import { planError } from './helpers/planError.js';
import { useTempDir } from './helpers/tempDir.js';
import { runVplan } from './helpers/cli.js';

const BOTKYRKA = path.resolve('data/botkyrka-huddinge-salem-2018');
const FINNVEDEN = path.resolve('data/finnveden-2025.json');
const dir = useTempDir('vplan-sheet-missing');

type Obj = Record<string, unknown>;

/** The Botkyrka plan folder reading its budget from `sheet`, without any amount of its own (as README advises). */
async function botkyrkaFrom(sheet: string): Promise<string> {
  const folder = path.join(dir(), 'plan');
  await cp(BOTKYRKA, folder, { recursive: true });
  const file = path.join(folder, 'plan.yaml');
  const plan = parse(await readFile(file, 'utf8')) as Obj;
  const strip = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(strip);
    else if (value && typeof value === 'object') {
      delete (value as Obj).values;
      Object.values(value).forEach(strip);
    }
  };
  const budget = plan.budget as Obj;
  // (The opening capital stays: in this plan's convention the sheet has no row for it.)
  strip(budget.income);
  strip(budget.costs);
  strip(budget.details);
  plan.budget = { from: sheet, ...budget };
  await writeFile(file, planToYaml(plan, undefined));
  return folder;
}

/** Botkyrka's exported workbook, edited, saved in the plan folder as budget.xlsx. */
async function botkyrkaSheet(edit: (book: ExcelJS.Workbook) => void): Promise<void> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from((await exportBudget(BOTKYRKA, 'xlsx')).bytes) as unknown as ArrayBuffer);
  edit(book);
  await book.xlsx.writeFile(path.join(dir(), 'plan', 'budget.xlsx'));
}

describe('a table the sheet does not have', () => {
  it('budget.from: a specification sheet deleted is an error naming it, and no PDF is built', async () => {
    const plan = await botkyrkaFrom('budget.xlsx');
    await botkyrkaSheet((book) => book.removeWorksheet(book.getWorksheet('Finansiering av individinriktad')!.id));
    const message = await planError(plan);
    expect(message).toContain(
      'budget.from: budget.xlsx, Blad Finansiering av individinriktad: bladet saknas i arbetsboken, och planen läser beloppen i specifikationen ' +
        '"Finansiering av individinriktad" ur det; lägg tillbaka bladet (vplan export-budget skriver det), eller ta först bort specifikationen ur planen',
    );
    const build = await runVplan(dir(), 'build', plan, '--out', 'plan.pdf');
    expect(build.code).toBe(1);
    expect(build.stderr).toContain('ingen PDF skrevs');
  });

  it('budget.from: the budget sheet renamed and its column A deleted is an error naming the sheet it did not read', async () => {
    const plan = await botkyrkaFrom('budget.xlsx');
    await botkyrkaSheet((book) => {
      const budget = book.getWorksheet('Budget')!;
      budget.spliceColumns(1, 1);
      budget.name = 'Budget 2018';
    });
    const message = await planError(plan);
    expect(message).toContain(
      'budget.from: budget.xlsx, Blad Budget: bladet saknas i arbetsboken, och planen läser budgetens belopp ur det; bladet "Budget 2018" lästes inte: ' +
        'är det det, ge det namnet "Budget" igen; annars lägg tillbaka bladet (vplan export-budget skriver det)',
    );
    // Named back, the sheet is read (column A is not needed).
    await botkyrkaSheet((book) => book.getWorksheet('Budget')!.spliceColumns(1, 1));
    const { plan: computed } = await checkPlan(plan);
    expect(computed.budget!.totals.costs[1]).toBe(25_599);
  });

  it('budget.from: an empty CSV, and a CSV without the specifications, are errors', async () => {
    const plan = await botkyrkaFrom('budget.csv');
    await writeFile(path.join(dir(), 'plan', 'budget.csv'), '');
    expect(await planError(plan)).toContain('budget.from: budget.csv: filen är tom. Använd bladet vplan export-budget skrev, med beloppen ifyllda.');
    const csv = new TextDecoder().decode((await exportBudget(BOTKYRKA, 'csv')).bytes);
    await writeFile(path.join(dir(), 'plan', 'budget.csv'), csv.slice(0, csv.indexOf('\r\n\r\nvplan:detail:individ')));
    const message = await planError(plan);
    expect(message).toContain(
      'budget.from: budget.csv, Tabellen Finansiering av individinriktad: saknas i filen, och planen läser beloppen i specifikationen "Finansiering av individinriktad" ur den; ' +
        'lägg tillbaka tabellen med vplan:detail:individ i kolumn A på rubrikraden (vplan export-budget skriver den), eller ta först bort specifikationen ur planen',
    );
    expect(message).toContain('Tabellen Finansiering av strukturinrikta: saknas i filen');
  });

  it('import-budget: a deleted sheet, an empty CSV and a workbook without its workbook part exit 1 and write no plan', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from((await exportBudget(BOTKYRKA, 'xlsx')).bytes) as unknown as ArrayBuffer);
    book.removeWorksheet(book.getWorksheet('Administration')!.id);
    await book.xlsx.writeFile(path.join(dir(), 'deleted.xlsx'));
    const deleted = await runVplan(dir(), 'import-budget', BOTKYRKA, 'deleted.xlsx', '--out', 'ny');
    expect(deleted.code).toBe(1);
    expect(deleted.stderr).toContain('deleted.xlsx: 1 fel i bladet; ingen plan skrevs.');
    expect(deleted.stderr).toContain('Blad Administration: bladet saknas i arbetsboken');

    await writeFile(path.join(dir(), 'empty.csv'), '\uFEFF\r\n');
    const empty = await runVplan(dir(), 'import-budget', FINNVEDEN, 'empty.csv', '--out', 'ny.json');
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain('empty.csv: filen är tom.');

    const zip = await JSZip.loadAsync((await exportBudget(FINNVEDEN, 'xlsx')).bytes);
    zip.remove('xl/workbook.xml');
    await writeFile(path.join(dir(), 'broken.xlsx'), await zip.generateAsync({ type: 'uint8array' }));
    const broken = await runVplan(dir(), 'import-budget', FINNVEDEN, 'broken.xlsx', '--out', 'ny.json');
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('broken.xlsx: filen kan inte läsas som en Excel-arbetsbok (.xlsx): den har inga blad.');
    expect(broken.stdout).toBe('');
  });
});
