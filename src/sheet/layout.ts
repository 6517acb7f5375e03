// Where a table's cells are in a sheet, the same for .xlsx and .csv: the first row holds the headings,
// column A the row keys (hidden in .xlsx), column B the row labels, and the plan's columns follow.
import type { Term } from './tables.js';

export const HEADER_ROW = 1;
export const KEY_COLUMN = 1;
export const LABEL_COLUMN = 2;
export const FIRST_VALUE_COLUMN = 3;

/** Spreadsheet row number (1-based) of a table row. */
export const sheetRow = (row: number) => HEADER_ROW + 1 + row;
/** Spreadsheet column number (1-based) of a plan column. */
export const sheetColumn = (column: number) => FIRST_VALUE_COLUMN + column;

/** 1 → A, 27 → AA. */
export function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

export const address = (row: number, column: number) => `${columnLetter(column)}${row}`;

/** A sheet name as a formula reference: 'Finansiering av insatser'!C12. */
const quoted = (name: string) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`);

/** The Excel formula for terms: SUM(C3:C7,C9) when three or more add, C4+C9 or C12-C20 otherwise. */
export function formula(terms: Term[], tableNames: string[], here: number): string {
  const ref = (t: Term) => `${t.table === here ? '' : `${quoted(tableNames[t.table]!)}!`}${address(sheetRow(t.row), sheetColumn(t.column))}`;
  if (terms.length === 0) return '0';
  if (terms.length === 1 && terms[0]!.sign === 1) return ref(terms[0]!);
  if (terms.length > 2 && terms.every((t) => t.sign === 1 && t.table === here && t.column === terms[0]!.column)) {
    // Runs of consecutive rows become ranges, so a long group stays a short formula.
    const rows = terms.map((t) => t.row).sort((a, b) => a - b);
    const parts: string[] = [];
    for (let i = 0; i < rows.length; ) {
      let j = i;
      while (j + 1 < rows.length && rows[j + 1] === rows[j]! + 1) j++;
      const from = ref({ ...terms[0]!, row: rows[i]! });
      parts.push(j > i ? `${from}:${address(sheetRow(rows[j]!), sheetColumn(terms[0]!.column))}` : from);
      i = j + 1;
    }
    return `SUM(${parts.join(',')})`;
  }
  return terms.map((t, i) => `${t.sign === -1 ? '-' : i === 0 ? '' : '+'}${ref(t)}`).join('');
}
