// The budget in a spreadsheet and back: vplan export-budget writes .xlsx (one sheet per table, sums as
// live formulas) or .csv; vplan import-budget reads amounts by row and column, keeps vplan's own sums,
// and names sheet and cell in every warning and error. An unchanged sheet gives the same PDF bytes.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { buildPlan, PrintSession } from '../src/build.js';
import { exportBudget, importBudget } from '../src/sheet/importBudget.js';
import { planToFolder, planToJson } from '../src/convert/write.js';
import { mkdir } from 'node:fs/promises';
import { normalize, pdfText } from './helpers/pdfText.js';
import { useTempDir } from './helpers/tempDir.js';
import { runVplan } from './helpers/cli.js';

const FINNVEDEN = path.resolve('data/finnveden-2025.json');
const BOTKYRKA = path.resolve('data/botkyrka-huddinge-salem-2018');
const dir = useTempDir('vplan-sheet');

let session: PrintSession;
beforeAll(() => {
  session = new PrintSession();
});
afterAll(async () => {
  await session.close();
});

const vplan = (...args: string[]) => runVplan(dir(), ...args);

async function workbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return book;
}

/** Writes a plan's value as the form it came in, for building it. */
async function writePlan(value: Record<string, unknown>, form: string, target: string): Promise<string> {
  if (form === 'folder') {
    for (const [name, text] of planToFolder(value, undefined)) {
      await mkdir(path.dirname(path.join(target, name)), { recursive: true });
      await writeFile(path.join(target, name), text);
    }
    return target;
  }
  await writeFile(`${target}.json`, planToJson(value, undefined));
  return `${target}.json`;
}

async function importError(plan: string, sheet: string): Promise<string> {
  try {
    await importBudget(plan, sheet);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('import-budget accepted the sheet');
}

describe('export-budget', () => {
  it('writes one sheet per table with labels, headings, keys and sums as formulas', async () => {
    const book = await workbook((await exportBudget(BOTKYRKA, 'xlsx')).bytes);
    expect(book.worksheets.map((s) => s.name)).toEqual([
      'Budget',
      'Administration',
      'Finansiering av individinriktad',
      'Finansiering av strukturinrikta',
    ]);
    const budget = book.getWorksheet('Budget')!;
    expect(budget.getColumn(1).hidden).toBe(true);
    expect(budget.getRow(1).values).toEqual([undefined, 'vplan:budget', 'Budgetpost', 'Prognos utfall 2017 (tkr)', 'Budget 2018 (tkr)']);
    expect(budget.getCell('A3').value).toBe('esf');
    expect(budget.getCell('B3').value).toBe('Intäkter ESF');
    expect(budget.getCell('D3').value).toBe(5500);
    expect(budget.getCell('D3').numFmt).toBe('#,##0');
    // A row with a detail table is that table's SUMMA; sums and the result are formulas with vplan's figures.
    expect(budget.getCell('B7').value).toBe('Administration');
    expect(budget.getCell('D7').value).toEqual({ formula: 'Administration!D12', result: 2224 });
    expect(budget.getCell('C8').value).toEqual({ formula: "'Finansiering av individinriktad'!C12", result: 18494 });
    expect(budget.getCell('B10').value).toBe('Summa kostnader');
    expect(budget.getCell('D10').value).toEqual({ formula: 'SUM(D7:D9)', result: 25599 });
    expect(budget.getCell('D11').value).toEqual({ formula: 'D5-D10', result: -4699 });
    const admin = book.getWorksheet('Administration')!;
    expect(admin.getCell('B12').value).toBe('SUMMA');
    expect(admin.getCell('D12').value).toEqual({ formula: 'SUM(D2:D11)', result: 2224 });
    expect(admin.getRow(1).values).toEqual([undefined, 'vplan:detail:administration', 'Administration', 'Prognos 2017 (tkr)', '2018 (tkr)']);
  });

  it('writes group subtotals, the capital carried forward and the balance as formulas', async () => {
    const sheet = (await workbook((await exportBudget(FINNVEDEN, 'xlsx')).bytes)).getWorksheet('Budget')!;
    expect(sheet.getCell('B18').value).toBe('Delsumma verksamheter');
    expect(sheet.getCell('E18').value).toEqual({ formula: 'SUM(E11:E17)', result: 5005100 });
    expect(sheet.getCell('E25').value).toEqual({ formula: 'SUM(E11:E17,E19:E23)', result: 5827100 });
    // Opening capital: stated in the first two columns, carried forward from the year before in the rest.
    expect(sheet.getCell('C8').value).toBe(2344835);
    expect(sheet.getCell('E8').value).toEqual({ formula: 'D26', result: 1832300 });
    expect(sheet.getCell('E9').value).toEqual({ formula: 'SUM(E3:E8)', result: 6852300 });
    expect(sheet.getCell('E26').value).toEqual({ formula: 'E9-E25', result: 1025200 });
  });

  it('writes CSV the Swedish way, every table after the other, and never overwrites a file', async () => {
    const { bytes } = await exportBudget(BOTKYRKA, 'csv');
    await writeFile(path.join(dir(), 'budget.csv'), bytes);
    // UTF-8 with a byte-order mark, so that Excel reads å, ä and ö.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.startsWith('vplan:budget;Budgetpost;Prognos utfall 2017 (tkr);Budget 2018 (tkr)\r\n')).toBe(true);
    expect(text).toContain('esf;Intäkter ESF;4100;5500\r\n');
    expect(text).toContain('\r\n\r\nvplan:detail:individ;Insatsens namn;Prognos 2017 (tkr);2018 (tkr)\r\n');
    const again = await vplan('export-budget', BOTKYRKA, 'budget.csv');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('budget.csv: filen finns redan; vplan skriver inte över den.');
    expect(new Uint8Array(await readFile(path.join(dir(), 'budget.csv')))).toEqual(bytes);
    const wrong = await vplan('export-budget', BOTKYRKA, 'budget.ods');
    expect(wrong.stderr).toContain('budget.ods: vplan läser och skriver budgetblad som .xlsx (Excel) eller .csv.');
  });
});

describe('import-budget', () => {
  it('an edited cell flows into the PDF; stale sums in the sheet are warnings naming the cell', async () => {
    const book = await workbook((await exportBudget(FINNVEDEN, 'xlsx')).bytes);
    const sheet = book.getWorksheet('Budget')!;
    expect(sheet.getCell('B19').value).toBe('Kansli');
    sheet.getCell('E19').value = 575000; // Budget 2025, was 550 000; the sums keep their old results
    const file = path.join(dir(), 'budget.xlsx');
    await book.xlsx.writeFile(file);
    const imported = await importBudget(FINNVEDEN, file);
    expect(imported.changed).toEqual(['Blad Budget, E19']);
    expect(imported.warnings).toContain('Blad Budget, E24: 822 000 i bladet, 847 000 summerat');
    expect(imported.warnings).toContain('Blad Budget, E25: 5 827 100 i bladet, 5 852 100 summerat');
    const plan = await writePlan(imported.value, imported.form, path.join(dir(), 'plan'));
    const out = path.join(dir(), 'plan.pdf');
    await buildPlan(plan, out, session);
    const text = normalize((await pdfText(await readFile(out))).all);
    expect(text).toMatch(/Kansli 550 000 550 000 575 000 570 000 590 000/);
    expect(text).toMatch(/Delsumma administration 832 000 815 000 847 000/);
  });

  it('reads a CSV with Swedish numbers and warns about a sum typed over', async () => {
    const csv = new TextDecoder().decode((await exportBudget(FINNVEDEN, 'csv')).bytes)
      .replace(';Kansli;550000;550000;550000;', ';Kansli;550000;550000;"560 000,00";')
      .replace(';Delsumma administration;832000;815000;822000;', ';Delsumma administration;832000;815000;1320;');
    const file = path.join(dir(), 'budget.csv');
    await writeFile(file, csv);
    const imported = await importBudget(FINNVEDEN, file);
    expect(imported.changed).toEqual(['Blad Budget, E19']);
    expect(imported.warnings).toContain('Blad Budget, E24: 1 320 i bladet, 832 000 summerat');
    expect(imported.warnings).toContain('Blad Budget, E25: 5 827 100 i bladet, 5 837 100 summerat');
    // The capital carried forward into the next year is vplan's too.
    expect(imported.warnings).toContain('Blad Budget, F8: 1 025 200 i bladet, 1 015 200 räknat av vplan');
    const budget = (imported.value.budget as { costs: { rows: { rows: { values: Record<string, number> }[] }[] } }).costs;
    expect(budget.rows[1]!.rows[0]!.values.budget2025).toBe(560000);
  });

  it('names sheet and cell for amounts that are not whole numbers, unknown rows and unknown headings', async () => {
    const book = await workbook((await exportBudget(BOTKYRKA, 'xlsx')).bytes);
    const admin = book.getWorksheet('Administration')!;
    admin.getCell('D3').value = 1320.5;
    admin.getCell('D4').value = 'mycket';
    admin.getCell('A5').value = null;
    admin.getCell('B5').value = 'Kurs och konferens';
    book.getWorksheet('Budget')!.getCell('D1').value = 'Budget 2019';
    const file = path.join(dir(), 'budget.xlsx');
    await book.xlsx.writeFile(file);
    const message = await importError(BOTKYRKA, file);
    expect(message).toContain('4 fel i bladet; ingen plan skrevs.');
    expect(message).toContain('Blad Budget, D1: okänd kolumnrubrik "Budget 2019" – planen har ingen kolumn för 2019; en ny kolumn läggs först till i planen (budget.columns); skriv en av "Prognos utfall 2017 (tkr)", "Budget 2018 (tkr)"');
    expect(message).toContain('Blad Administration, D3: 1320,5 är inte ett heltal; skriv ett helt belopp, 1 320 eller 1 321');
    expect(message).toContain('Blad Administration, D4: "mycket" är inte ett belopp; skriv ett heltal, t.ex. 12 000, eller lämna cellen tom');
    expect(message).toContain('Blad Administration, B5: okänd rad "Kurs och konferens"');
  });

  it('refuses a sheet that has lost a row or a column of the plan, naming them', async () => {
    const book = await workbook((await exportBudget(BOTKYRKA, 'xlsx')).bytes);
    // A row deleted in Excel (Excel moves the sums' formulas, so no sum disagrees), and a column.
    const admin = book.getWorksheet('Administration')!;
    const label = String(admin.getCell('B4').value);
    admin.spliceRows(4, 1);
    book.getWorksheet('Budget')!.spliceColumns(4, 1);
    const file = path.join(dir(), 'budget.xlsx');
    await book.xlsx.writeFile(file);
    const message = await importError(BOTKYRKA, file);
    expect(message).toContain('2 fel i bladet; ingen plan skrevs.');
    expect(message).toContain(`Blad Administration: raden "${label}" finns i planen men inte i bladet; lägg tillbaka den (med sitt id i kolumn A), eller ta först bort raden ur planen`);
    expect(message).toContain('Blad Budget: kolumnen "Budget 2018 (tkr)" finns i planen men inte i bladet; lägg tillbaka den med den rubriken, eller ta först bort kolumnen ur planen');
  });

  it('an unchanged sheet gives the same PDF bytes (JSON plan from .xlsx, plan folder in tkr from .csv)', async () => {
    for (const [plan, name, format] of [
      [FINNVEDEN, 'finnveden-2025', 'xlsx'],
      [BOTKYRKA, 'botkyrka-huddinge-salem-2018', 'csv'],
    ] as const) {
      const sheet = path.join(dir(), `${name}.${format}`);
      await writeFile(sheet, (await exportBudget(plan, format)).bytes);
      const imported = await importBudget(plan, sheet);
      expect(imported.changed).toEqual([]);
      expect(imported.warnings).toEqual([]);
      const again = await writePlan(imported.value, imported.form, path.join(dir(), name));
      const out = path.join(dir(), `${name}.pdf`);
      await buildPlan(again, out, session);
      const original = await readFile(path.join(inject('examplesDir'), `${name}.pdf`));
      expect(Buffer.compare(await readFile(out), original)).toBe(0);
    }
  });

  it('writes the plan in its own form to a new --out and refuses an existing one', async () => {
    await writeFile(path.join(dir(), 'budget.xlsx'), (await exportBudget(BOTKYRKA, 'xlsx')).bytes);
    const done = await vplan('import-budget', BOTKYRKA, 'budget.xlsx', '--out', 'ny-plan');
    expect(done.stderr).toBe('');
    expect(done.stdout).toContain('inga belopp ändrades');
    expect((await readdir(path.join(dir(), 'ny-plan'))).sort()).toEqual(['avsnitt', 'plan.schema.json', 'plan.yaml']);
    const again = await vplan('import-budget', BOTKYRKA, 'budget.xlsx', '--out', 'ny-plan');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('--out ny-plan: mappen finns redan; vplan skriver inte över den.');
    const yaml = path.resolve('data/sodra-vatterbygden-2013.yaml');
    await writeFile(path.join(dir(), 'sv.csv'), (await exportBudget(yaml, 'csv')).bytes);
    const wrongForm = await vplan('import-budget', yaml, 'sv.csv', '--out', 'ny.json');
    expect(wrongForm.code).toBe(2);
    expect(wrongForm.stderr).toContain('skriv --out ny-plan.yaml');
    expect((await vplan('import-budget', yaml, 'sv.csv', '--out', 'ny.yaml')).code).toBe(0);
    expect(await readFile(path.join(dir(), 'ny.yaml'), 'utf8')).toContain('yaml-language-server');
  });
});

describe('costs shown negative, varav rows and values written as lists', () => {
  it('reads shown amounts back with the plan sign and writes a list value in place', async () => {
    const plan = {
      document: { association: { name: 'Förbundet' }, title: 'Plan', budgetYear: 2025, status: { state: 'förslag' } },
      sections: [{ type: 'budget', title: 'Budget' }],
      budget: {
        costSign: 'negative',
        columns: [
          { kind: 'budget', year: 2025 },
          { kind: 'plan', year: 2026 },
        ],
        income: { rows: [{ label: 'Bidrag', values: [1000, 1000] }] },
        costs: {
          rows: [
            {
              label: 'Insatser',
              values: { budget2025: 800, plan2026: 700 },
              varav: [{ label: 'varav nytt', values: { budget2025: 100 } }, { label: 'varav övrigt', remainder: true }],
            },
          ],
        },
      },
    };
    const file = path.join(dir(), 'plan.json');
    await writeFile(file, JSON.stringify(plan));
    const book = await workbook((await exportBudget(file, 'xlsx')).bytes);
    const sheet = book.getWorksheet('Budget')!;
    expect(sheet.getColumn(2).values.slice(2)).toEqual(['Intäkter', 'Bidrag', 'Summa intäkter', 'Kostnader', 'Insatser', '  varav nytt', '  varav övrigt', 'Summa kostnader', 'Resultat']);
    expect(sheet.getCell('C6').value).toBe(-800);
    expect(sheet.getCell('C8').value).toEqual({ formula: 'C6-C7', result: -700 });
    expect(sheet.getCell('C10').value).toEqual({ formula: 'C4+C9', result: 200 });
    sheet.getCell('C6').value = -900; // shown negative, as printed
    sheet.getCell('D3').value = 1200; // Bidrag, Plan 2026: a value in a list
    const edited = path.join(dir(), 'edited.xlsx');
    await book.xlsx.writeFile(edited);
    const imported = await importBudget(file, edited);
    const budget = imported.value.budget as typeof plan.budget;
    expect(budget.costs.rows[0]!.values).toEqual({ budget2025: 900, plan2026: 700 });
    expect(budget.income.rows[0]!.values).toEqual([1000, 1200]);
    expect(imported.warnings).toContain('Blad Budget, C8: −700 i bladet, −800 räknat av vplan');
    expect(imported.warnings).toContain('Blad Budget, C10: 200 i bladet, 100 summerat');
  });
});
