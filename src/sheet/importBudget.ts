// export-budget and import-budget without the command line: a plan's budget as sheet bytes, and a
// sheet's amounts written into the plan's value, checked by computing the plan again.
import type { LoadedPlan } from '../load/loadPlan.js';
import path from 'node:path';
import { PlanError, VplanError } from '../errors.js';
import { checkPlan } from '../build.js';
import type { PlanForm } from '../load/loadPlan.js';
import { sheetTables, type SheetTable } from './tables.js';
import { csvText, workbookBytes } from './export.js';
import { mergeSheet, readSheetFile, sheetFormat, type SheetFormat } from './merge.js';

export { sheetFormat, type SheetFormat } from './merge.js';

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
  /** The plan as read: its texts, for writing the new one with the user's comments (cli/convert.ts previousForm). */
  loaded: LoadedPlan;
}

export async function importBudget(planFile: string, sheetFile: string): Promise<Imported> {
  sheetFormat(sheetFile);
  const { checked } = await tablesOf(planFile);
  const from = checked.loaded.plan.budget?.from;
  if (from !== undefined) {
    throw new VplanError(
      `${planFile}: planen läser redan sin budget ur ${from} (budget.from); import-budget skulle skriva belopp som bladet ändå ersätter.`,
      `Ändra beloppen i ${from} i stället, eller ta bort "from" ur planens budget först.`,
    );
  }
  const { tables: raw } = await readSheetFile(sheetFile);
  const loaded = checked.loaded;
  const label = `${planFile} med ${path.basename(sheetFile)}`;
  const merged = mergeSheet(label, loaded.form, loaded.parsed, loaded.plan, checked.plan, raw);
  if (merged.errors.length > 0) {
    const count = merged.errors.length === 1 ? '1 fel' : `${merged.errors.length} fel`;
    throw new VplanError(`${sheetFile}: ${count} i bladet; ingen plan skrevs.\n${merged.errors.map((e) => `  ${e}`).join('\n')}`);
  }
  if (!merged.computed) throw new PlanError(label, merged.issues, 'budget');
  return { form: loaded.form, value: merged.value!, changed: merged.changed, warnings: merged.warnings, loaded };
}
