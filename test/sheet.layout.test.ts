// What people add to a budget sheet around the plan's cells: a comment column, a helper column of
// formulas, a note under the table, a heading with the unit or a line break, a column the plan does not
// have yet; and files that are no workbook. Each gets a message saying what happened or what to do.
import { describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { exportBudget, importBudget } from '../src/sheet/importBudget.js';
import { useTempDir } from './helpers/tempDir.js';
import { editedWorkbook } from './helpers/sheets.js';
import { runVplan } from './helpers/cli.js';

const FINNVEDEN = path.resolve('data/finnveden-2025.json');
const dir = useTempDir('vplan-sheet-layout');

/** Finnveden's exported workbook, edited by `edit`, saved as `name`. */
const edited = (name: string, edit: (sheet: ExcelJS.Worksheet) => void) => editedWorkbook(FINNVEDEN, dir(), name, edit);

const refused = (file: string) =>
  importBudget(FINNVEDEN, file).then(
    () => 'accepted',
    (e: Error) => e.message,
  );

describe('around the plan\'s cells', () => {
  it('a comment column, a helper column of formulas and a note under the table are left out, with a warning each', async () => {
    const file = await edited('notes.xlsx', (sheet) => {
      sheet.getCell('H1').value = 'Kommentar';
      sheet.getCell('H11').value = 'höjt enligt beslut';
      for (const r of [3, 4]) sheet.getCell(`I${r}`).value = { formula: `E${r}-C${r}`, result: 0 };
      sheet.getCell('B28').value = 'Beloppen i kronor. /Ekonomen';
      sheet.getCell('E11').value = 3_400_000;
    });
    const imported = await importBudget(FINNVEDEN, file);
    expect(imported.changed).toEqual(['Blad Budget, E11']);
    expect(imported.warnings).toContain('Blad Budget, H1: kolumnen "Kommentar" är ingen av planens kolumner och har inga inskrivna belopp; den lästes inte');
    expect(imported.warnings).toContain('Blad Budget, I1: kolumnen utan rubrik är ingen av planens kolumner och har inga inskrivna belopp; den lästes inte');
    expect(imported.warnings).toContain('Blad Budget, B28: "Beloppen i kronor. /Ekonomen" är ingen av planens rader och har inga belopp; raden lästes inte');
  });

  it('a column with amounts that the plan does not have is an error saying to add it to the plan first', async () => {
    const file = await edited('new-column.xlsx', (sheet) => {
      sheet.getCell('H1').value = 'Budget 2027';
      sheet.getCell('H3').value = 500000;
    });
    expect(await refused(file)).toContain(
      'Blad Budget, H1: okänd kolumnrubrik "Budget 2027" – menade du "Plan 2027"? En ny kolumn läggs först till i planen (budget.columns); skriv en av',
    );
  });

  it('a heading with the plan\'s unit is the column; another unit is an error saying so; a line break is shown as a space', async () => {
    const kr = await edited('kr.xlsx', (sheet) => {
      sheet.getCell('E1').value = 'Budget 2025 (kr)';
      sheet.getCell('F1').value = 'Plan\n2026';
      sheet.getCell('E11').value = 3_400_000;
    });
    expect((await importBudget(FINNVEDEN, kr)).changed).toEqual(['Blad Budget, E11']);
    const tkr = await edited('tkr.xlsx', (sheet) => {
      sheet.getCell('E1').value = 'Budget 2025 (tkr)';
      sheet.getCell('F1').value = 'Plan\n2029';
    });
    const message = await refused(tkr);
    expect(message).toContain('Blad Budget, E1: okänd kolumnrubrik "Budget 2025 (tkr)" – budgeten är i kr, inte i tkr; skriv en av');
    expect(message).toContain('Blad Budget, F1: okänd kolumnrubrik "Plan 2029" – planen har ingen kolumn för 2029');
  });
});

describe('files that are no workbook', () => {
  it('.xls, a CSV named .xlsx and an empty .xlsx say what they are and what to do', async () => {
    const cases: [string, Uint8Array | string, string][] = [
      ['budget.xls', 'x', 'budget.xls: vplan läser och skriver inte Excels äldre format .xls, bara Excel-arbetsbok (.xlsx) och .csv.'],
      ['csv.xlsx', (await exportBudget(FINNVEDEN, 'csv')).bytes, 'csv.xlsx: filen är en textfil (CSV), inte en Excel-arbetsbok (.xlsx).\nGe den ändelsen .csv, t.ex. budget.csv.'],
      ['ole.xlsx', Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'ole.xlsx: filen är i Excels äldre format (.xls), inte en Excel-arbetsbok (.xlsx).'],
      ['empty.xlsx', '', 'empty.xlsx: filen är tom.'],
    ];
    for (const [name, bytes, expected] of cases) {
      await writeFile(path.join(dir(), name), bytes);
      const result = await runVplan(dir(), 'import-budget', FINNVEDEN, name, '--out', 'ny.json');
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(expected);
    }
  });
});
