// A sheet's rows are matched by their text, told apart by the hidden id in column A. Where the two
// disagree (cells sorted without column A, a row copied with its id, a row renamed in the sheet) the
// import stops with an error naming both cells; whole rows sorted with column A import as before.
import { describe, expect, it } from 'vitest';
import { stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { exportBudget, importBudget } from '../src/sheet/importBudget.js';
import { useTempDir } from './helpers/tempDir.js';
import { editedWorkbook } from './helpers/sheets.js';
import { runVplan } from './helpers/cli.js';

const FINNVEDEN = path.resolve('data/finnveden-2025.json');
const dir = useTempDir('vplan-sheet-rows');

type Row = { label: string; values: Record<string, number> };
type Budget = { income: { rows: Row[] }; costs: { rows: { rows: Row[] }[] } };

/** Finnveden's exported workbook, edited by `edit`, saved as `name`. */
const edited = (name: string, edit: (sheet: ExcelJS.Worksheet) => void) => editedWorkbook(FINNVEDEN, dir(), name, edit);

/** The cells of a row from column `from` on. */
const cells = (sheet: ExcelJS.Worksheet, row: number, from: number) => (sheet.getRow(row).values as ExcelJS.CellValue[]).slice(from);
function put(sheet: ExcelJS.Worksheet, row: number, from: number, values: ExcelJS.CellValue[]): void {
  // Every cell up to G, the last column: a shorter row empties the rest.
  for (let c = from; c <= 7; c++) sheet.getRow(row).getCell(c).value = values[c - from] ?? null;
}

/** Rows `from`–`to` reordered A–Ö by their text (column B), from column `column` on (1: with the id in A, 2: without). */
function sortRows(sheet: ExcelJS.Worksheet, first: number, last: number, column: number): void {
  const numbers = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  const rows = numbers.map((r) => cells(sheet, r, column));
  const label = (r: ExcelJS.CellValue[]) => String(r[2 - column]);
  rows.sort((a, b) => label(a).localeCompare(label(b), 'sv'));
  rows.forEach((values, i) => put(sheet, first + i, column, values));
}

describe('rows: the hidden id and the text must agree', () => {
  it('export writes a row\'s id, and its place in the plan only where two rows have the same text', async () => {
    await edited('plain.xlsx', (sheet) => {
      expect(cells(sheet, 1, 1)[0]).toBe('vplan:budget');
      expect(sheet.getCell('A11').value).toBe('samverkansteam');
      expect(sheet.getCell('B19').value).toBe('Kansli');
      expect(sheet.getCell('A19').value).toBe(null);
    });
    const csv = new TextDecoder().decode((await exportBudget(FINNVEDEN, 'csv')).bytes);
    expect(csv).toContain('\r\n;Kansli;550000;');
  });

  it('cells sorted without column A: a row with an id is an error naming both cells, and no plan is written', async () => {
    await edited('sorted.xlsx', (sheet) => sortRows(sheet, 11, 17, 2));
    const result = await runVplan(dir(), 'import-budget', FINNVEDEN, 'sorted.xlsx', '--out', 'ny.json');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('sorted.xlsx: 1 fel i bladet; ingen plan skrevs.');
    expect(result.stderr).toContain(
      'Blad Budget, A11: id:t i den dolda kolumnen A hör till raden "Samverkansteam Finnveden", men B11 säger "Gemensamma projektkostn", som är en annan rad i planen. ' +
        'Har cellerna sorterats eller flyttats utan kolumn A: sortera och flytta hela rader, med kolumn A. Har planens rader ändrats sedan bladet skrevs: töm A11, så läses raden efter sin text',
    );
    await expect(stat(path.join(dir(), 'ny.json'))).rejects.toThrow();
  });

  it('a sheet from an earlier vplan, with every row\'s place in column A, sorted without it: an error at each row', async () => {
    await edited('old-sorted.xlsx', (sheet) => {
      [3, 4, 5, 6, 7].forEach((r, i) => (sheet.getCell(`A${r}`).value = `budget.income.rows[${i}]`));
      sortRows(sheet, 3, 7, 2);
    });
    const message = await importBudget(FINNVEDEN, path.join(dir(), 'old-sorted.xlsx')).then(
      () => 'accepted',
      (e: Error) => e.message,
    );
    expect(message).toContain('3 fel i bladet');
    expect(message).toContain('Blad Budget, A5: id:t i den dolda kolumnen A hör till raden "Värnamo kommun", men B5 säger "Region Jönköpings län"');
  });

  it('cells sorted without column A where column A is empty, and whole rows sorted with it, import each figure on its own row', async () => {
    for (const column of [1, 2]) {
      const file = await edited(`sorted-${column}.xlsx`, (sheet) => {
        sortRows(sheet, 3, 7, column);
        expect(sheet.getCell('B3').value).toBe('Gislaveds kommun');
        expect(sheet.getCell('B5').value).toBe('Region Jönköpings län');
        sheet.getCell('E5').value = 1_260_000; // Region Jönköpings län, Budget 2025 (was 1 255 000)
        sortRows(sheet, 11, 17, 1);
      });
      const imported = await importBudget(FINNVEDEN, file);
      expect(imported.changed).toEqual(['Blad Budget, E5']);
      const budget = imported.value.budget as Budget;
      expect(budget.income.rows.map((r) => [r.label, r.values.budget2025])).toEqual([
        ['Gislaveds kommun', 499600],
        ['Gnosjö kommun', 158400],
        ['Värnamo kommun', 597000],
        ['Region Jönköpings län', 1260000],
        ['Staten gm Försäkringskassan', 2510000],
      ]);
      expect(budget.costs.rows[0]!.rows[0]!.values.budget2025).toBe(3336600);
    }
  });

  it('a copied row keeps its id: the copy is an error saying how to add a row; the original is not blamed', async () => {
    await edited('copied.xlsx', (sheet) => {
      // Samverkansteam (row 11) copied to a new row under it and given another text and figures.
      sheet.spliceRows(12, 0, ['samverkansteam', 'Lokalhyra', 120000, 120000, 125000, 125000, 130000]);
    });
    const result = await runVplan(dir(), 'import-budget', FINNVEDEN, 'copied.xlsx', '--out', 'ny.json');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('1 fel i bladet');
    expect(result.stderr).toContain(
      'Blad Budget, A12: id:t i den dolda kolumnen A hör till raden "Samverkansteam Finnveden", men B12 säger "Lokalhyra", som inte finns i planen. ' +
        'Är det en ny rad: lägg först till den i planen, infoga sedan en ny rad i bladet och lämna kolumn A tom (en kopierad rad tar med sig id:t i A). ' +
        'Ska raden byta namn: skriv det nya namnet både i planen och i bladet',
    );
    expect(result.stderr).not.toContain('finns redan');
  });

  it('a row renamed or emptied in the sheet is an error; a change of case or "&" for "och" is the same row, with a warning', async () => {
    const renamed = await edited('renamed.xlsx', (sheet) => {
      sheet.getCell('B11').value = 'Samverkansteamet';
      sheet.getCell('B22').value = 'Ekonomi- och lönehantering';
      sheet.getCell('E22').value = 110000;
      sheet.getCell('B21').value = null;
    });
    const message = await importBudget(FINNVEDEN, renamed).then(
      () => 'accepted',
      (e: Error) => e.message,
    );
    expect(message).toContain('3 fel i bladet');
    expect(message).toContain('Blad Budget, A11: id:t i den dolda kolumnen A hör till raden "Samverkansteam Finnveden", men B11 säger "Samverkansteamet", som inte finns i planen');
    expect(message).toContain('Blad Budget, B22: okänd rad "Ekonomi- och lönehantering"; skriv radens text som i planen, eller lägg till raden i planen först');
    expect(message).toContain('Blad Budget, B21: raden har ingen text; skriv radens text som i planen');

    const cased = await edited('cased.xlsx', (sheet) => {
      sheet.getCell('B19').value = 'KANSLI ';
      sheet.getCell('E19').value = 575000;
      sheet.getCell('B11').value = 'samverkansteam  finnveden';
    });
    const imported = await importBudget(FINNVEDEN, cased);
    expect(imported.warnings).toContain('Blad Budget, B19: "KANSLI" läses som raden "Kansli"; det är planens text som skrivs ut (en radtext ändras i planen)');
    expect(imported.warnings).toContain('Blad Budget, B11: "samverkansteam  finnveden" läses som raden "Samverkansteam Finnveden"; det är planens text som skrivs ut (en radtext ändras i planen)');
    const kansli = (imported.value.budget as Budget).costs.rows[1]!.rows[0]!;
    expect([kansli.label, kansli.values.budget2025]).toEqual(['Kansli', 575000]);
  });

  it('a row with an id and its text emptied says which row it is', async () => {
    await edited('emptied.xlsx', (sheet) => {
      sheet.getCell('B11').value = null;
    });
    const message = await importBudget(FINNVEDEN, path.join(dir(), 'emptied.xlsx')).then(
      () => 'accepted',
      (e: Error) => e.message,
    );
    expect(message).toContain(
      'Blad Budget, B11: raden har ingen text, men id:t i den dolda kolumnen A (A11) hör till raden "Samverkansteam Finnveden"; skriv "Samverkansteam Finnveden" i B11 (en rad tas bort ur planen, inte ur bladet)',
    );
  });
});

describe('rows of the same text', () => {
  it('are told apart by their place in the plan, which export writes in column A for them only', async () => {
    const plan = {
      document: { association: { name: 'Förbundet' }, title: 'Plan', budgetYear: 2025, status: { state: 'förslag' } },
      sections: [{ type: 'budget', title: 'Budget' }],
      budget: {
        columns: [{ kind: 'budget', year: 2025 }],
        income: { rows: [{ label: 'Bidrag', values: [1000] }, { label: 'Övrigt', values: [10] }] },
        costs: { rows: [{ label: 'Kansli', values: [800] }, { label: 'Övrigt', values: [20] }] },
      },
    };
    const file = path.join(dir(), 'same.json');
    await writeFile(file, JSON.stringify(plan));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from((await exportBudget(file, 'xlsx')).bytes) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Budget')!;
    expect(sheet.getColumn(1).values.slice(1)).toEqual(['vplan:budget', undefined, undefined, 'budget.income.rows[1]', undefined, undefined, undefined, 'budget.costs.rows[1]']);
    sheet.getCell('C8').value = 25;
    const edited = path.join(dir(), 'same.xlsx');
    await book.xlsx.writeFile(edited);
    const imported = await importBudget(file, edited);
    expect(imported.changed).toEqual(['Blad Budget, C8']);
    expect((imported.value.budget as typeof plan.budget).costs.rows[1]!.values).toEqual([25]);
    expect((imported.value.budget as typeof plan.budget).income.rows[1]!.values).toEqual([10]);
  });
});

describe('column A half deleted', () => {
  it('the mark in A1 cleared: the ids are still ids, with a warning; all of column A emptied: rows are read by their text', async () => {
    const cleared = await edited('a1.xlsx', (sheet) => {
      sheet.getCell('A1').value = null;
      sheet.getCell('E11').value = 3_400_000; // Samverkansteam Finnveden (id samverkansteam), Budget 2025
    });
    const imported = await importBudget(FINNVEDEN, cleared);
    expect(imported.changed).toEqual(['Blad Budget, E11']);
    expect(imported.warnings).toContain('Blad Budget, A1: cellen är tom; skriv tillbaka "vplan:budget" där (det säger att kolumn A håller radernas id; bladet lästes ändå)');
    expect((imported.value.budget as Budget).costs.rows[0]!.rows[0]!.values.budget2025).toBe(3_400_000);

    await edited('no-a.xlsx', (sheet) => {
      for (let r = 1; r <= sheet.rowCount; r++) sheet.getCell(`A${r}`).value = null;
      sheet.getCell('E19').value = 575_000; // Kansli
    });
    const result = await runVplan(dir(), 'import-budget', FINNVEDEN, 'no-a.xlsx', '--out', 'ny.json');
    expect(result.code).toBe(0);
    expect(result.stderr).not.toMatch(/fel|okänd|A1/);
    expect(result.stdout).toContain('1 belopp ändrades');
  });
});
