// CSV as Excel saves it: "CSV UTF-8" (byte-order mark), Swedish Excel's default "CSV
// (semikolonavgränsad)" in Windows-1252 with a no-break space between the thousands, and
// "Unicode-text" (UTF-16 with a byte-order mark, tabs between the cells). Each is read with å, ä, ö
// and the amounts as written.
import { describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { exportBudget, importBudget } from '../src/sheet/importBudget.js';
import { decodeCsv } from '../src/sheet/encoding.js';
import { useTempDir } from './helpers/tempDir.js';
import { runVplan } from './helpers/cli.js';

const FINNVEDEN = path.resolve('data/finnveden-2025.json');
const dir = useTempDir('vplan-sheet-csv');

type Row = { label: string; values: Record<string, number> };
type Budget = { income: { rows: Row[] }; costs: { rows: { rows: Row[] }[] } };

/** Windows-1252 bytes of a text of Latin-1 characters and the en dash. */
const cp1252 = (text: string) => Uint8Array.from([...text].map((c) => (c === '–' ? 0x96 : c.charCodeAt(0))));

function utf16(text: string, endian: 'le' | 'be'): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes.set(endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    bytes[2 + 2 * i + (endian === 'le' ? 0 : 1)] = code & 0xff;
    bytes[2 + 2 * i + (endian === 'le' ? 1 : 0)] = code >> 8;
  }
  return bytes;
}

/** Finnveden's CSV as Excel shows it: amounts grouped with a no-break space; Gnosjö 2025 changed to 160 000. */
async function excelCsv(): Promise<string> {
  const text = new TextDecoder().decode((await exportBudget(FINNVEDEN, 'csv')).bytes).replace(/^\uFEFF/, '');
  const edited = text.replace(';Gnosjö kommun;161600;161600;158400;', ';Gnosjö kommun;161600;161600;160000;');
  expect(edited).not.toBe(text);
  // Whole amount cells only, not the years in the headings.
  return edited.replace(/(?<=;)\d{4,}(?=;|\r)/g, (n) => Number(n).toLocaleString('sv-SE').replace(/\s/g, '\u00a0'));
}

const gnosjo = (budget: Budget) => budget.income.rows.find((r) => r.label === 'Gnosjö kommun')!.values.budget2025;

describe('CSV encodings', () => {
  it('reads Windows-1252 (Swedish Excel\'s "CSV (semikolonavgränsad)") with no-break spaces between the thousands', async () => {
    const csv = await excelCsv();
    expect(csv).toContain(';Gnosjö kommun;161\u00a0600;161\u00a0600;160\u00a0000;');
    await writeFile(path.join(dir(), 'excel.csv'), cp1252(csv));
    const result = await runVplan(dir(), 'import-budget', FINNVEDEN, 'excel.csv', '--out', 'ny.json');
    expect(result.stderr).not.toContain('fel');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('1 belopp ändrades');
    const imported = await importBudget(FINNVEDEN, path.join(dir(), 'excel.csv'));
    expect(gnosjo(imported.value.budget as Budget)).toBe(160000);
  });

  it('reads a Windows-1252 CSV without the id column by its Swedish row texts, and an en dash as a minus', async () => {
    const csv = (await excelCsv())
      .split('\r\n')
      .map((line) => line.slice(line.indexOf(';') + 1))
      .join('\r\n')
      .replace('\nKansli;550\u00a0000;550\u00a0000;550\u00a0000;', '\nKansli;550\u00a0000;550\u00a0000;–5\u00a0000;');
    expect(csv).toContain('\nKansli;550\u00a0000;550\u00a0000;–5\u00a0000;');
    await writeFile(path.join(dir(), 'own.csv'), cp1252(csv));
    const imported = await importBudget(FINNVEDEN, path.join(dir(), 'own.csv'));
    const budget = imported.value.budget as Budget;
    expect(gnosjo(budget)).toBe(160000);
    expect(budget.costs.rows[1]!.rows[0]!.values.budget2025).toBe(-5000);
  });

  it('reads UTF-16 with a byte-order mark and tabs ("Unicode-text"), little- and big-endian, and UTF-8 with a byte-order mark', async () => {
    const csv = (await excelCsv()).replace(/;/g, '\t');
    for (const [name, bytes] of [
      ['le.csv', utf16(csv, 'le')],
      ['be.csv', utf16(csv, 'be')],
      ['utf8.csv', new TextEncoder().encode(`\uFEFF${csv.replace(/\t/g, ';')}`)],
    ] as const) {
      await writeFile(path.join(dir(), name), bytes);
      const imported = await importBudget(FINNVEDEN, path.join(dir(), name));
      expect(imported.changed).toEqual(['Blad Budget, E4']);
      expect(gnosjo(imported.value.budget as Budget)).toBe(160000);
    }
    // Messages show the text as written, without the zero bytes of UTF-16.
    await writeFile(path.join(dir(), 'bad.csv'), utf16(csv.replace('\tKansli\t550\u00a0000\t', '\tKansli\tmycket\t'), 'le'));
    const bad = await runVplan(dir(), 'import-budget', FINNVEDEN, 'bad.csv', '--out', 'ny.json');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('Blad Budget, C19: "mycket" är inte ett belopp');
    expect(bad.stderr).not.toContain('\u0000');
  });

  it('decodes Windows-1252\'s own characters, and tells UTF-8 from it', () => {
    expect(decodeCsv(Uint8Array.from([0x80, 0x20, 0xe5, 0xe4, 0xf6, 0x96, 0xa0]))).toEqual({ text: '€ åäö–\u00a0', encoding: 'windows-1252' });
    expect(decodeCsv(new TextEncoder().encode('Gnosjö'))).toEqual({ text: 'Gnosjö', encoding: 'utf-8' });
  });
});
