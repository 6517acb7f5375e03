// Cells as Excel shows them: a merge holds its value in its top-left cell only (exceljs gives every
// cell of a merge that value), and a formula whose saved result is 0 is read as 0 (exceljs leaves it out
// of a formula's value).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { buildPlan, PrintSession } from '../src/build.js';
import { importBudget } from '../src/sheet/importBudget.js';
import { planToJson } from '../src/convert/write.js';
import { normalize, pdfText } from './helpers/pdfText.js';
import { useTempDir } from './helpers/tempDir.js';
import { editedWorkbook } from './helpers/sheets.js';

const FINNVEDEN = path.resolve('data/finnveden-2025.json');
const dir = useTempDir('vplan-sheet-cells');

let session: PrintSession;
beforeAll(() => {
  session = new PrintSession();
});
afterAll(async () => {
  await session.close();
});

type Row = { label: string; values: Record<string, number> };
type Budget = { costs: { rows: { rows: Row[] }[] } };

/** Finnveden's exported workbook, edited by `edit`, saved as `name`. */
const edited = (name: string, edit: (sheet: ExcelJS.Worksheet) => void) => editedWorkbook(FINNVEDEN, dir(), name, edit);

async function refused(file: string): Promise<string> {
  return importBudget(FINNVEDEN, file).then(
    () => 'accepted',
    (e: Error) => e.message,
  );
}

describe('merged cells', () => {
  it('only the top-left cell of a merge holds its value: the others are empty in the plan and the PDF, with a warning', async () => {
    const file = await edited('merged.xlsx', (sheet) => {
      expect(sheet.getCell('B14').value).toBe('Utrymme nya insatser');
      sheet.getCell('E14').value = 20000; // Budget 2025
      sheet.getCell('F14').value = null;
      sheet.mergeCells('E14:F14'); // Excel keeps E14's value; F14 (Plan 2026) is empty
    });
    const imported = await importBudget(FINNVEDEN, file);
    expect(imported.warnings).toContain(
      'Blad Budget, F14: cellen är sammanfogad med E14 och läses som tom, som Excel visar den; dela upp de sammanfogade cellerna om den ska ha ett belopp',
    );
    const row = (imported.value.budget as Budget).costs.rows[0]!.rows[3]!;
    expect(row.label).toBe('Utrymme nya insatser');
    expect(row.values).toEqual({ budget2024: 200000, prognos2024: 0, budget2025: 20000, plan2027: 0 });
    const plan = path.join(dir(), 'plan.json');
    await writeFile(plan, planToJson(imported.value, undefined));
    await buildPlan(plan, path.join(dir(), 'plan.pdf'), session);
    const text = normalize((await pdfText(await readFile(path.join(dir(), 'plan.pdf')))).all);
    // Budget 2024, Prognos 2024, Budget 2025, (Plan 2026 empty), Plan 2027.
    expect(text).toMatch(/Utrymme nya insatser 200 000 0 20 000 0 Projekt/);
  });

  it('a heading merged across the row is no amount, and a column heading merged over the next column names the merge', async () => {
    const across = await edited('across.xlsx', (sheet) => {
      expect(sheet.getCell('B10').value).toBe('Kostnader');
      sheet.mergeCells('B10:G10');
    });
    const imported = await importBudget(FINNVEDEN, across);
    expect(imported.changed).toEqual([]);
    expect(imported.warnings).toEqual([]);

    const headings = await edited('headings.xlsx', (sheet) => sheet.mergeCells('C1:D1'));
    const message = await refused(headings);
    expect(message).toContain('1 fel i bladet');
    expect(message).toContain(
      'Blad Budget, D1: kolumnen har ingen rubrik (D1 är sammanfogad med C1; dela upp de sammanfogade cellerna); skriv en av "Budget 2024", "Prognos 2024", "Budget 2025", "Plan 2026", "Plan 2027"',
    );
    expect(message).not.toContain('finns redan');
  });
});

describe('formulas', () => {
  it('a formula whose saved result is 0 is read as 0; one without a saved result is an error saying so', async () => {
    const file = await edited('zero.xlsx', (sheet) => {
      expect(sheet.getCell('B19').value).toBe('Kansli');
      sheet.getCell('E19').value = { formula: 'C19-D19', result: 0 }; // saved as <f>C19-D19</f><v>0</v>
    });
    const imported = await importBudget(FINNVEDEN, file);
    expect(imported.changed).toEqual(['Blad Budget, E19']);
    expect((imported.value.budget as Budget).costs.rows[1]!.rows[0]!.values.budget2025).toBe(0);

    const unsaved = await edited('unsaved.xlsx', (sheet) => {
      sheet.getCell('E19').value = { formula: 'C19-D19' };
    });
    expect(await refused(unsaved)).toContain('Blad Budget, E19: formeln har inget sparat resultat; öppna filen i Excel, spara den och försök igen');
  });
});

describe('what is no amount', () => {
  it('gets a message fitted to what was written', async () => {
    const file = await edited('written.xlsx', (sheet) => {
      sheet.getCell('E3').value = '50 000 kr';
      sheet.getCell('E4').value = '(50 000)';
      sheet.getCell('E5').value = '1,2 mnkr';
      sheet.getCell('E6').value = '550 000:-';
      sheet.getCell('E7').value = '5 %';
      sheet.getCell('E11').value = { formula: 'D11*1.03', result: 3443331.2 };
      sheet.getCell('E12').value = { formula: 'Underlag!B2', result: { error: '#REF!' } };
      sheet.getCell('E13').value = 0.05;
      sheet.getCell('E14').value = 12.5;
      sheet.getCell('E16').value = new Date(Date.UTC(2025, 0, 15));
      sheet.getCell('E16').style = { numFmt: 'yyyy-mm-dd' }; // its own style: exceljs shares one among cells
      // A date-formatted formula giving an error: exceljs reads an invalid date.
      sheet.getCell('E17').value = { formula: '1/0', result: { error: '#DIV/0!' } };
      sheet.getCell('E17').style = { numFmt: 'yyyy-mm-dd' };
    });
    const message = await refused(file);
    expect(message).toContain('11 fel i bladet');
    for (const line of [
      'E3: "50 000 kr" är inte ett belopp som vplan läser; skriv bara talet, utan "kr", t.ex. 50 000',
      'E4: "(50 000)" är inte ett belopp som vplan läser; skriv ett negativt belopp med minustecken, t.ex. -50 000',
      'E5: "1,2 mnkr" är inte ett belopp som vplan läser; skriv beloppet som ett heltal i budgetens enhet (den som kolumnrubrikerna och planen säger), utan "mnkr"',
      'E6: "550 000:-" är inte ett belopp som vplan läser; skriv bara talet, utan ":-", t.ex. 550 000',
      'E7: "5 %" är en procentsats, inte ett belopp; skriv beloppet som ett heltal',
      'E11: formeln ger 3443331,2, som inte är ett heltal; avrunda i formeln, t.ex. =AVRUNDA(D11*1.03;0) (ROUND i engelsk Excel)',
      'E12: cellen visar felet #REF! från en formel; rätta formeln i Excel, eller skriv beloppet',
      'E13: 0,05 är inte ett belopp i hela kronor (är cellen en procentsats?); skriv beloppet som ett heltal',
      'E14: 12,5 är inte ett heltal; skriv ett helt belopp, 12 eller 13',
      'E16: 2025-01-15 är ett datum, inte ett belopp (cellen har datumformat); skriv beloppet och ge cellen talformat',
      'E17: "(ogiltigt datum)" är inte ett belopp',
    ]) {
      expect(message).toContain(`Blad Budget, ${line}`);
    }
  });

  it('an amount typed as text is read, with a warning that Excel\'s sums leave it out; "+80000" is an amount', async () => {
    const file = await edited('text.xlsx', (sheet) => {
      sheet.getCell('E19').value = '575 000'; // Kansli
      sheet.getCell('E20').value = '+31000'; // Information
    });
    const imported = await importBudget(FINNVEDEN, file);
    expect(imported.changed).toEqual(['Blad Budget, E19', 'Blad Budget, E20']);
    expect(imported.warnings).toContain(
      'Blad Budget: beloppen i E19, E20 är skrivna som text; vplan läser dem, men Excel räknar inte med text i bladets summor, så bladet och PDF:en kan visa olika summor. Skriv dem som tal',
    );
    expect((imported.value.budget as Budget).costs.rows[1]!.rows[1]!.values.budget2025).toBe(31000);
  });
});
