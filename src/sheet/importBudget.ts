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
import type { Mismatch } from './match.js';

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
  /** Everything worth a word, the figures vplan computes that the sheet gives otherwise included. */
  warnings: string[];
  /** Those figures: vplan's stay (a sum, a balance, a member contribution). */
  mismatches: Mismatch[];
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
  const { mismatches } = merged;
  // Every figure the sheet changed is one vplan computes: none of the edit was taken, as for a sheet
  // with errors no plan is written, and the user is told where those figures come from.
  if (merged.changed.length === 0 && mismatches.length > 0) {
    const cells = mismatches.length === 1 ? 'en cell som vplan räknar själv, och den' : `${mismatches.length} celler som vplan räknar själv, och dem`;
    throw new VplanError(
      `${sheetFile}: inga belopp ändrades; bladet skiljer sig från planen bara i ${cells} läser import-budget inte. Ingen plan skrevs.\n` +
        mismatches.map((m) => `  ${m.message}`).join('\n'),
      mismatches.some((m) => m.contribution)
        ? 'Ett medlemsbidrag ändras i planen, som det står ovan; summorna räknas om med det.'
        : 'En summa ändras genom de belopp den summerar: ändra dem i bladet i stället.',
    );
  }
  return { form: loaded.form, value: merged.value!, changed: merged.changed, warnings: [...merged.warnings, ...merged.caused, ...mismatches.map((m) => m.message)], mismatches, loaded };
}
