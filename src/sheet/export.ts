// Writes the budget's tables as a workbook (.xlsx, one sheet per table, sums as live formulas) or as
// one CSV file (the tables one after another, Swedish style: ";" between cells, UTF-8 with BOM).
import { type SheetTable } from './tables.js';
import { loadExcel } from './excel.js';
import { FIRST_VALUE_COLUMN, KEY_COLUMN, LABEL_COLUMN, formula, sheetRow } from './layout.js';

/** Thousands grouped by the reader's own separator: a space in a Swedish Excel ("1 234 567"). */
export const NUMBER_FORMAT = '#,##0';

const BOLD_KINDS = new Set(['heading', 'groupHeading', 'subtotal', 'sum', 'result']);

export async function workbookBytes(tables: SheetTable[]): Promise<Uint8Array> {
  const workbook = new (await loadExcel()).Workbook();
  workbook.creator = 'vplan';
  // Fixed dates: the same plan gives the same workbook.
  workbook.created = new Date(0);
  workbook.modified = new Date(0);
  workbook.calcProperties.fullCalcOnLoad = true;
  const names = tables.map((t) => t.name);
  tables.forEach((table, ti) => {
    const sheet = workbook.addWorksheet(table.name, { views: [{ state: 'frozen', xSplit: LABEL_COLUMN, ySplit: 1 }] });
    const header = sheet.getRow(1);
    header.getCell(KEY_COLUMN).value = table.key;
    header.getCell(LABEL_COLUMN).value = table.labelHeader;
    table.columns.forEach((c, ci) => {
      header.getCell(FIRST_VALUE_COLUMN + ci).value = c.heading;
      header.getCell(FIRST_VALUE_COLUMN + ci).alignment = { horizontal: 'right' };
    });
    header.font = { bold: true };
    table.rows.forEach((row, ri) => {
      const line = sheet.getRow(sheetRow(ri));
      line.getCell(KEY_COLUMN).value = row.key;
      line.getCell(LABEL_COLUMN).value = row.kind === 'varav' ? `  ${row.label}` : row.label;
      if (row.kind === 'varav') line.getCell(LABEL_COLUMN).alignment = { indent: 1 };
      row.cells.forEach((cell, ci) => {
        const target = line.getCell(FIRST_VALUE_COLUMN + ci);
        if (cell.role.kind === 'blank') return;
        if (cell.role.kind === 'derived' && cell.role.terms) {
          target.value = { formula: formula(cell.role.terms, names, ti), result: cell.value ?? 0 };
        } else if (cell.value !== null) target.value = cell.value;
        target.numFmt = NUMBER_FORMAT;
        // Cells vplan computes (a balancing row, member contributions) are grey: changing them has no effect.
        if (cell.role.kind === 'derived' && !cell.role.terms) target.font = { italic: true, color: { argb: 'FF707070' } };
      });
      if (BOLD_KINDS.has(row.kind)) line.font = { bold: true };
    });
    sheet.getColumn(KEY_COLUMN).hidden = true;
    sheet.getColumn(KEY_COLUMN).width = 30;
    sheet.getColumn(LABEL_COLUMN).width = Math.min(60, Math.max(20, ...table.rows.map((r) => r.label.length + 4)));
    table.columns.forEach((c, ci) => (sheet.getColumn(FIRST_VALUE_COLUMN + ci).width = Math.max(14, c.heading.length + 2)));
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const csvField = (text: string) => (/[;"\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/** The tables as CSV: each starts with its heading row (its key in column A), a blank line between them. */
export function csvText(tables: SheetTable[]): string {
  const lines: string[] = [];
  tables.forEach((table, ti) => {
    if (ti > 0) lines.push('');
    lines.push([table.key, table.labelHeader, ...table.columns.map((c) => c.heading)].map(csvField).join(';'));
    for (const row of table.rows) {
      const cells = row.cells.map((c) => (c.role.kind === 'blank' || c.value === null ? '' : String(c.value)));
      lines.push([row.key ?? '', row.label, ...cells].map(csvField).join(';'));
    }
  });
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
