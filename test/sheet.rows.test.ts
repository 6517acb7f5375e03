// A sheet's rows are matched by their text, told apart by the hidden id in column A. Where the two
// disagree (cells sorted without column A, a row copied with its id, a row renamed in the sheet) the
// import stops with an error naming both cells; whole rows sorted with column A import as before.
import { describe, expect, it } from 'vitest';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { exportBudget, importBudget } from '../src/sheet/importBudget.js';
import { useTempDir } from './helpers/tempDir.js';
import { runVplan } from './helpers/cli.js';

const FINNVEDEN = path.resolve('data/finnveden-2025.json');
const dir = useTempDir('vplan-sheet-rows');

type Row = { label: string; values: Record<string, number> };
type Budget = { income: { rows: Row[] }; costs: { rows: { rows: Row[] }[] } };

/** Finnveden's exported workbook, edited by `edit`, saved as `name`. */
async function edited(name: string, edit: (sheet: ExcelJS.Worksheet) => void): Promise<string> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from((await exportBudget(FINNVEDEN, 'xlsx')).bytes) as unknown as ArrayBuffer);
  edit(book.getWorksheet('Budget')!);
  const file = path.join(dir(), name);
  await book.xlsx.writeFile(file);
  return file;
}

/** The cells of a row from column `from` on. */
const cells = (sheet: ExcelJS.Worksheet, row: number, from: number) => (sheet.getRow(row).values as ExcelJS.CellValue[]).slice(from);
function put(sheet: ExcelJS.Worksheet, row: number, from: number, values: ExcelJS.CellValue[]): void {
  values.forEach((v, i) => (sheet.getRow(row).getCell(from + i).value = v));
}

/** Rows 3–7 (the income rows) reordered Ö–A by their text, from column `from` (1: with the id, 2: without). */
function sortIncome(sheet: ExcelJS.Worksheet, from: number): void {
  const rows = [3, 4, 5, 6, 7].map((r) => cells(sheet, r, from));
  const label = (r: ExcelJS.CellValue[]) => String(r[from === 1 ? 1 : 0]);
  rows.sort((a, b) => label(b).localeCompare(label(a), 'sv'));
  rows.forEach((values, i) => put(sheet, 3 + i, from, values));
}

describe('rows: the hidden id and the text must agree', () => {
  it('cells sorted without column A are an error at each row, and no plan is written', async () => {
    await edited('sorted.xlsx', (sheet) => sortIncome(sheet, 2));
    const result = await runVplan(dir(), 'import-budget', FINNVEDEN, 'sorted.xlsx', '--out', 'ny.json');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('sorted.xlsx: 5 fel i bladet; ingen plan skrevs.');
    expect(result.stderr).toContain(
      'Blad Budget, A3: id:t i den dolda kolumnen A hör till raden "Gislaveds kommun", men B3 säger "Värnamo kommun", som är en annan rad i planen; ' +
        'har cellerna sorterats eller flyttats utan kolumn A? Sortera och flytta hela rader, med kolumn A (eller töm A3, så läses raden efter sin text)',
    );
    expect(result.stderr).toContain('Blad Budget, A7: id:t i den dolda kolumnen A hör till raden "Staten gm Försäkringskassan", men B7 säger "Gislaveds kommun"');
    await expect(stat(path.join(dir(), 'ny.json'))).rejects.toThrow();
  });

  it('whole rows sorted with column A import, each figure on its own row', async () => {
    const file = await edited('sorted-rows.xlsx', (sheet) => {
      sortIncome(sheet, 1);
      expect(sheet.getCell('B3').value).toBe('Värnamo kommun');
      sheet.getCell('E3').value = 600_000; // Värnamo kommun, Budget 2025 (was 597 000)
    });
    const imported = await importBudget(FINNVEDEN, file);
    expect(imported.changed).toEqual(['Blad Budget, E3']);
    const rows = (imported.value.budget as Budget).income.rows;
    expect(rows.map((r) => [r.label, r.values.budget2025])).toEqual([
      ['Gislaveds kommun', 499600],
      ['Gnosjö kommun', 158400],
      ['Värnamo kommun', 600000],
      ['Region Jönköpings län', 1255000],
      ['Staten gm Försäkringskassan', 2510000],
    ]);
  });

  it('a copied row keeps its id: the copy is an error saying how to add a row; the original is not blamed', async () => {
    await edited('copied.xlsx', (sheet) => {
      // Kansli (row 19) copied to a new row under it and given another text and figures.
      const kansli = cells(sheet, 19, 1);
      sheet.spliceRows(20, 0, [kansli[0]!, 'Lokalhyra', 120000, 120000, 125000, 125000, 130000]);
    });
    const result = await runVplan(dir(), 'import-budget', FINNVEDEN, 'copied.xlsx', '--out', 'ny.json');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('1 fel i bladet');
    expect(result.stderr).toContain(
      'Blad Budget, A20: id:t i den dolda kolumnen A hör till raden "Kansli", men B20 säger "Lokalhyra", som inte finns i planen. ' +
        'Är det en ny rad: lägg först till den i planen, infoga sedan en ny rad i bladet och lämna kolumn A tom (en kopierad rad tar med sig id:t i A). ' +
        'Ska raden byta namn: byt namn på den i planen',
    );
    expect(result.stderr).not.toContain('finns redan');
  });

  it('a row renamed or emptied in the sheet is an error; a change of case or "&" for "och" is the same row, with a warning', async () => {
    const renamed = await edited('renamed.xlsx', (sheet) => {
      sheet.getCell('B22').value = 'Ekonomi- och lönehantering';
      sheet.getCell('E22').value = 110000;
      sheet.getCell('B21').value = null;
    });
    const message = await importBudget(FINNVEDEN, renamed).then(
      () => 'accepted',
      (e: Error) => e.message,
    );
    expect(message).toContain('2 fel i bladet');
    expect(message).toContain('Blad Budget, A22: id:t i den dolda kolumnen A hör till raden "Ekonomihantering", men B22 säger "Ekonomi- och lönehantering", som inte finns i planen');
    expect(message).toContain(
      'Blad Budget, B21: raden har ingen text, men id:t i den dolda kolumnen A (A21) hör till raden "Styrelse"; skriv "Styrelse" i B21 (en rad tas bort ur planen, inte ur bladet)',
    );

    const cased = await edited('cased.xlsx', (sheet) => {
      sheet.getCell('B19').value = 'KANSLI ';
      sheet.getCell('E19').value = 575000;
    });
    const imported = await importBudget(FINNVEDEN, cased);
    expect(imported.warnings).toContain('Blad Budget, B19: "KANSLI" läses som raden "Kansli"; det är planens text som skrivs ut (en radtext ändras i planen)');
    const kansli = (imported.value.budget as Budget).costs.rows[1]!.rows[0]!;
    expect([kansli.label, kansli.values.budget2025]).toEqual(['Kansli', 575000]);
  });

  it('a row whose id is emptied is read by its text', async () => {
    const file = await edited('no-id.xlsx', (sheet) => {
      sortIncome(sheet, 2);
      for (const r of [3, 4, 5, 6, 7]) sheet.getCell(`A${r}`).value = null;
    });
    const imported = await importBudget(FINNVEDEN, file);
    expect(imported.changed).toEqual([]);
    expect(JSON.stringify(imported.value)).toBe(JSON.stringify(JSON.parse(await readFile(FINNVEDEN, 'utf8'))));
  });
});
