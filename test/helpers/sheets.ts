// Workbooks for the sheet tests: a plan's exported budget, edited as a user would in Excel.
import path from 'node:path';
import ExcelJS from 'exceljs';
import { exportBudget } from '../../src/sheet/importBudget.js';

/** `plan`'s exported workbook, its Budget sheet changed by `edit`, saved as `name` in `dir`. */
export async function editedWorkbook(plan: string, dir: string, name: string, edit: (sheet: ExcelJS.Worksheet) => void): Promise<string> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from((await exportBudget(plan, 'xlsx')).bytes) as unknown as ArrayBuffer);
  edit(book.getWorksheet('Budget')!);
  const file = path.join(dir, name);
  await book.xlsx.writeFile(file);
  return file;
}
