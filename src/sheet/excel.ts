// exceljs is large (a third of a cold start's module loading): it is loaded only when a workbook is
// really read or written, never by a build of a plan without a budget sheet.
import type ExcelJS from 'exceljs';

export type ExcelModule = typeof ExcelJS;

let loading: Promise<ExcelModule> | undefined;

export function loadExcel(): Promise<ExcelModule> {
  loading ??= import('exceljs').then((m) => ((m as { default?: ExcelModule }).default ?? (m as unknown as ExcelModule)));
  return loading;
}
