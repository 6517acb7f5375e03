// Reads a budget sheet back: every table's heading row and rows, each cell with its address as the
// spreadsheet shows it (C14), what was in it, and for a formula its last computed result.
import type ExcelJS from 'exceljs';
import { VplanError } from '../errors.js';
import { KEY_PREFIX } from './tables.js';
import { address } from './layout.js';
import { loadExcel } from './excel.js';
import { decodeCsv } from './encoding.js';
import { parseAmount } from './amounts.js';

export type RawValue =
  | { kind: 'blank' }
  | { kind: 'number'; value: number }
  | { kind: 'text'; text: string }
  /** A formula; result undefined when the file holds no computed value for it. */
  | { kind: 'formula'; formula: string; result: RawValue | undefined };

export interface RawCell {
  address: string;
  value: RawValue;
  /** A cell merged into another (.xlsx): the address of the merge's top-left cell, which alone holds the value. */
  mergedInto?: string;
}

export interface RawRow {
  key: string | undefined;
  /** Where the key is (column A), in a sheet with vplan's key column. */
  keyAddress: string | undefined;
  label: string;
  labelAddress: string;
  cells: RawCell[];
}

export interface RawTable {
  /** The sheet's name (.xlsx); for CSV, undefined until matched to a table. */
  sheet: string | undefined;
  key: string | undefined;
  /** Column A holds the rows' keys (vplan's sheet), its mark in A1 or not. */
  keyColumn: boolean;
  headings: RawCell[];
  rows: RawRow[];
}

const text = (v: RawValue) => (v.kind === 'text' ? v.text.trim() : v.kind === 'number' ? String(v.value) : '');

function excelValue(value: ExcelJS.CellValue): RawValue {
  if (value === null || value === undefined) return { kind: 'blank' };
  if (typeof value === 'number') return { kind: 'number', value };
  if (typeof value === 'string') return value.trim() === '' ? { kind: 'blank' } : { kind: 'text', text: value };
  if (typeof value === 'boolean') return { kind: 'text', text: value ? 'SANT' : 'FALSKT' };
  // (A date-formatted cell whose formula gives an error reads as an invalid date.)
  if (value instanceof Date) return { kind: 'text', text: Number.isNaN(value.getTime()) ? '(ogiltigt datum)' : value.toISOString().slice(0, 10) };
  if ('formula' in value || 'sharedFormula' in value) {
    const f = value as { formula?: string; sharedFormula?: string; result?: ExcelJS.CellValue };
    return { kind: 'formula', formula: f.formula ?? f.sharedFormula ?? '', result: f.result === undefined ? undefined : excelValue(f.result) };
  }
  if ('richText' in value) return { kind: 'text', text: value.richText.map((r) => r.text).join('') };
  if ('error' in value) return { kind: 'text', text: String(value.error) };
  if ('text' in value) return { kind: 'text', text: String(value.text) };
  return { kind: 'text', text: String(value) };
}

/** Splits a grid (rows of cells from row 1) into tables: a table starts at a heading row marked vplan:… in column A. */
function tablesOf(grid: RawCell[][], sheet: string | undefined): RawTable[] {
  const starts = grid.flatMap((row, i) => (text(row[0]?.value ?? { kind: 'blank' }).startsWith(KEY_PREFIX) ? [i] : []));
  // A sheet written by hand, without vplan's key column: labels in column A, amounts from B on. Or
  // vplan's sheet with its mark in A1 cleared, or all of column A emptied: labels still in column B.
  if (starts.length === 0) {
    const first = grid.findIndex((row) => row.some((c) => c.value.kind !== 'blank'));
    if (first < 0) return [];
    const rows = grid.slice(first);
    return [table(rows, sheet, keyColumnWithoutMark(rows))];
  }
  return starts.map((start, i) => table(grid.slice(start, starts[i + 1] ?? grid.length), sheet, true));
}

/**
 * Whether column A is vplan's key column though A1 has no vplan:… mark: A1 empty, B1 a heading, every
 * row's text in column B (not an amount), and column A nothing but keys (no spaces) or empty.
 */
function keyColumnWithoutMark(rows: RawCell[][]): boolean {
  const [header = [], ...body] = rows;
  const filled = body.filter((r) => r.some((c) => c.value.kind !== 'blank'));
  const label = (r: RawCell[]) => r[1]?.value ?? { kind: 'blank' };
  return (
    header[0]?.value.kind === 'blank' &&
    label(header).kind === 'text' &&
    filled.length > 0 &&
    filled.every((r) => label(r).kind === 'text' && parseAmount(text(label(r))) === undefined) &&
    filled.every((r) => r[0]!.value.kind === 'blank' || /^\S+$/.test(text(r[0]!.value)))
  );
}

function table(rows: RawCell[][], sheet: string | undefined, keyed: boolean): RawTable {
  const [header = [], ...body] = rows;
  const skip = keyed ? 2 : 1;
  const lastHeading = header.reduce((last, c, i) => (i >= skip && c.value.kind !== 'blank' ? i : last), skip - 1);
  const width = Math.max(lastHeading + 1, ...body.map((r) => r.length));
  return {
    sheet,
    key: keyed ? text(header[0]!.value) || undefined : undefined,
    keyColumn: keyed,
    headings: header.slice(skip, width),
    rows: body
      .filter((r) => r.some((c) => c.value.kind !== 'blank'))
      .map((r) => {
        const label = r[skip - 1]!;
        return {
          key: keyed ? text(r[0]!.value) || undefined : undefined,
          keyAddress: keyed ? r[0]!.address : undefined,
          label: text(label.value),
          labelAddress: label.address,
          cells: r.slice(skip, width),
        };
      }),
  };
}

function grid(rowCount: number, columnCount: number, get: (row: number, column: number) => Omit<RawCell, 'address'>): RawCell[][] {
  return Array.from({ length: rowCount }, (_, r) =>
    Array.from({ length: columnCount }, (_, c) => ({ address: address(r + 1, c + 1), ...get(r + 1, c + 1) })),
  );
}

/**
 * A workbook cell as Excel shows it. exceljs gives every cell of a merge the value of its top-left
 * cell, but in Excel only that one holds it; the others are empty. And a formula's `value` has only
 * the parts that are truthy: a saved result 0 (<v>0</v>) is left out of it, but kept in `result`.
 */
function workbookCell(cell: ExcelJS.Cell): Omit<RawCell, 'address'> {
  if (cell.isMerged && cell.master.address !== cell.address) return { value: { kind: 'blank' }, mergedInto: cell.master.address };
  const value = excelValue(cell.value);
  if (value.kind === 'formula' && value.result === undefined && cell.result !== undefined) return { value: { ...value, result: excelValue(cell.result) } };
  return { value };
}

export async function readWorkbook(file: string, bytes: Uint8Array): Promise<RawTable[]> {
  if (bytes.length === 0) throw new VplanError(`${file}: filen är tom.`, 'Använd bladet vplan export-budget skrev, med beloppen ifyllda.');
  const workbook = new (await loadExcel()).Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    // Excel's older format (an OLE file) or a CSV file, given the ending .xlsx.
    if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
      throw new VplanError(`${file}: filen är i Excels äldre format (.xls), inte en Excel-arbetsbok (.xlsx).`, 'Öppna den i Excel och spara den som Excel-arbetsbok (.xlsx).');
    }
    const start = decodeCsv(bytes.subarray(0, 2000)).text.split(/\r?\n/, 1)[0] ?? '';
    if (/[;,\t]/.test(start) && !/[\u0000-\u0008\ufffd]/.test(start)) {
      throw new VplanError(`${file}: filen är en textfil (CSV), inte en Excel-arbetsbok (.xlsx).`, 'Ge den ändelsen .csv, t.ex. budget.csv.');
    }
    throw new VplanError(`${file}: filen kan inte läsas som en Excel-arbetsbok (.xlsx).`, 'Spara den som Excel-arbetsbok (.xlsx) eller som CSV och försök igen.');
  }
  // A package without its workbook part (xl/workbook.xml) loads as a workbook of no sheets.
  if (workbook.worksheets.length === 0) {
    throw new VplanError(`${file}: filen kan inte läsas som en Excel-arbetsbok (.xlsx): den har inga blad.`, 'Öppna den i Excel och spara den igen som Excel-arbetsbok (.xlsx), eller använd bladet vplan export-budget skrev.');
  }
  const tables: RawTable[] = [];
  workbook.eachSheet((sheet) => {
    const cells = grid(sheet.rowCount, sheet.columnCount, (r, c) => workbookCell(sheet.getRow(r).getCell(c)));
    for (const t of tablesOf(cells, sheet.name)) tables.push(t);
  });
  if (tables.length === 0) {
    throw new VplanError(`${file}: arbetsbokens blad är tomma.`, 'Använd bladet vplan export-budget skrev, med beloppen ifyllda.');
  }
  return tables;
}

/** A CSV file's tables; csv-parse is loaded only for a plan that has one. */
export async function readCsv(file: string, bytes: Uint8Array): Promise<RawTable[]> {
  const { parse } = await import('csv-parse/sync');
  const { text: source } = decodeCsv(bytes);
  const firstLine = source.split(/\r?\n/, 1)[0] ?? '';
  // Excel's "Unicode-text" separates the cells with tabs.
  const delimiter = firstLine.includes('\t') && !firstLine.includes(';') ? '\t' : firstLine.includes(';') || !firstLine.includes(',') ? ';' : ',';
  let records: string[][];
  try {
    records = parse(source, { delimiter, bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][];
  } catch (error) {
    throw new VplanError(`${file}: filen kan inte läsas som CSV (${(error as Error).message.split('\n')[0]}).`, 'Spara bladet som CSV (semikolonavgränsad, UTF-8) och försök igen.');
  }
  const width = Math.max(0, ...records.map((r) => r.length));
  const tables = tablesOf(
    grid(records.length, width, (r, c) => {
      const raw = (records[r - 1]?.[c - 1] ?? '').trim();
      return { value: raw === '' ? { kind: 'blank' } : { kind: 'text', text: raw } };
    }),
    undefined,
  );
  if (tables.length === 0) throw new VplanError(`${file}: filen är tom.`, 'Använd bladet vplan export-budget skrev, med beloppen ifyllda.');
  return tables;
}
