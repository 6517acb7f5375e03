// export-budget and import-budget without the command line: a plan's budget as sheet bytes, and a
// sheet's amounts written into the plan's value, checked by computing the plan again.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PlanError, VplanError } from '../errors.js';
import { checkPlan } from '../build.js';
import { canonicalJson, validatePlan, type PlanForm } from '../load/loadPlan.js';
import { computePlan } from '../compute/computePlan.js';
import { sheetTables, type SheetTable } from './tables.js';
import { csvText, workbookBytes } from './export.js';
import { readCsv, readWorkbook } from './read.js';
import { matchSheets, mismatches } from './match.js';
import { applyAssignments } from './apply.js';

export type SheetFormat = 'xlsx' | 'csv';

/** .xlsx or .csv by the file's name; anything else is refused with what to write. */
export function sheetFormat(file: string, flag = ''): SheetFormat {
  if (/\.xlsx$/i.test(file)) return 'xlsx';
  if (/\.csv$/i.test(file)) return 'csv';
  throw new VplanError(`${flag}${file}: vplan läser och skriver budgetblad som .xlsx (Excel) eller .csv.`, 'Ge filen ändelsen .xlsx eller .csv, t.ex. budget.xlsx.');
}

async function tablesOf(planFile: string): Promise<{ tables: SheetTable[]; checked: Awaited<ReturnType<typeof checkPlan>> }> {
  const checked = await checkPlan(planFile);
  const tables = sheetTables(checked.loaded.plan, checked.plan);
  if (tables.length === 0) {
    throw new VplanError(`${planFile}: planen har ingen budget att föra över till ett blad.`, 'Lägg till "budget" i planen (se README), eller välj en annan plan.');
  }
  return { tables, checked };
}

export async function exportBudget(planFile: string, format: SheetFormat): Promise<{ bytes: Uint8Array; tables: SheetTable[] }> {
  const { tables } = await tablesOf(planFile);
  const bytes = format === 'xlsx' ? await workbookBytes(tables) : new TextEncoder().encode(csvText(tables));
  return { bytes, tables };
}

export interface Imported {
  form: PlanForm;
  /** The plan's value with the sheet's amounts. */
  value: Record<string, unknown>;
  /** The sheet's cells whose amount changed the plan. */
  changed: string[];
  warnings: string[];
}

export async function importBudget(planFile: string, sheetFile: string): Promise<Imported> {
  const format = sheetFormat(sheetFile);
  const { tables, checked } = await tablesOf(planFile);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(sheetFile);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new VplanError(
      `${sheetFile}: ${code === 'ENOENT' ? 'filen finns inte' : `filen kan inte läsas (${code ?? 'okänt fel'})`}.`,
      'Ange budgetbladet som vplan export-budget skrev, t.ex. budget.xlsx.',
    );
  }
  const raw = format === 'xlsx' ? await readWorkbook(sheetFile, bytes) : readCsv(sheetFile, bytes);
  const matched = matchSheets(raw, tables);
  if (matched.errors.length > 0) {
    const count = matched.errors.length === 1 ? '1 fel' : `${matched.errors.length} fel`;
    throw new VplanError(`${sheetFile}: ${count} i bladet; ingen plan skrevs.\n${matched.errors.map((e) => `  ${e}`).join('\n')}`);
  }
  const loaded = checked.loaded;
  const applied = applyAssignments(loaded.parsed.value as Record<string, unknown>, matched.assignments);
  const label = `${planFile} med ${path.basename(sheetFile)}`;
  const again = validatePlan(label, loaded.form, { value: applied.value, text: canonicalJson(applied.value), locate: () => undefined });
  const outcome = computePlan(again.plan, label);
  if (!outcome.plan || outcome.issues.length > 0) throw new PlanError(label, outcome.issues, 'budget');
  const warnings = [...matched.warnings, ...mismatches(matched.checks, sheetTables(again.plan, outcome.plan))];
  return { form: loaded.form, value: applied.value, changed: applied.changed, warnings };
}
