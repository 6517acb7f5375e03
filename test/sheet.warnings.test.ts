// import-budget shows the plan's warnings that the sheet's amounts bring (kronor typed in a tkr
// budget, a negative cost), at the sheet's cell, when it writes the plan, not only at the next build.
import { describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { exportBudget } from '../src/sheet/importBudget.js';
import { useTempDir } from './helpers/tempDir.js';
import { runVplan } from './helpers/cli.js';

const BOTKYRKA = path.resolve('data/botkyrka-huddinge-salem-2018');
const dir = useTempDir('vplan-sheet-warnings');

describe('warnings the sheet\'s amounts bring', () => {
  it('are shown by import-budget at the cell the amount came from; an unchanged sheet brings none', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from((await exportBudget(BOTKYRKA, 'xlsx')).bytes) as unknown as ArrayBuffer);
    expect(book.getWorksheet('Budget')!.getCell('B3').value).toBe('Intäkter ESF');
    book.getWorksheet('Budget')!.getCell('D3').value = 5_500_000; // kronor in a tkr budget
    expect(book.getWorksheet('Administration')!.getCell('B3').value).toBe('Kansli löner');
    book.getWorksheet('Administration')!.getCell('D3').value = -1600; // a cost typed as printed negative
    await book.xlsx.writeFile(path.join(dir(), 'budget.xlsx'));
    const result = await runVplan(dir(), 'import-budget', BOTKYRKA, 'budget.xlsx', '--out', 'ny');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('2 belopp ändrades');
    const stderr = result.stderr.replace(/\u00a0/g, ' ');
    expect(stderr).toContain(
      '  varning: Blad Budget, D3: raden "Intäkter ESF" har 5 500 000 tkr i Budget 2018, alltså 5 500 miljoner kronor: är beloppet skrivet i kronor?',
    );
    expect(stderr).toContain('  varning: Blad Administration, D3: raden "Kansli löner" i specifikationen Administration har ett negativt belopp (−1 600 tkr i Budget 2018)');

    await writeFile(path.join(dir(), 'unchanged.xlsx'), (await exportBudget(BOTKYRKA, 'xlsx')).bytes);
    const unchanged = await runVplan(dir(), 'import-budget', BOTKYRKA, 'unchanged.xlsx', '--out', 'ny2');
    expect(unchanged.code).toBe(0);
    expect(unchanged.stderr).toBe('');
  });
});
