// vplan export-budget <plan> <budget.xlsx|.csv> and vplan import-budget <plan> <budget.xlsx|.csv> --out <plan>:
// the budget to a spreadsheet and back. Neither ever writes over a file that exists.
import { mkdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { VplanError } from '../errors.js';
import { canonicalJson, loadPlan, planForm } from '../load/loadPlan.js';
import { SCHEMA_FILE, planToFolder, planToJson, planToYaml } from '../convert/write.js';
import { exportBudget, importBudget, sheetFormat } from '../sheet/importBudget.js';
import { UsageError, sanitizeForTerminal } from './report.js';
import { keptNothing, previousForm, writeSchemaBeside } from './convert.js';
import { refuseInArchive } from '../guard.js';

async function refuseExisting(target: string, flag: string): Promise<void> {
  const exists = await stat(target).catch(() => undefined);
  if (exists) {
    throw new VplanError(`${flag}${target}: ${exists.isDirectory() ? 'mappen' : 'filen'} finns redan; vplan skriver inte över den.`, 'Välj ett nytt namn, eller ta bort den själv om den ska ersättas.');
  }
}

/** Creates the file only if it does not exist (also when another program creates it meanwhile). */
async function writeNew(target: string, data: Uint8Array | string, flag = ''): Promise<void> {
  await mkdir(path.dirname(path.resolve(target)), { recursive: true });
  try {
    await writeFile(target, data, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') await refuseExisting(target, flag);
    throw error;
  }
}

export async function commandExportBudget(args: string[]): Promise<number> {
  const [plan, sheet, ...extra] = args;
  if (plan === undefined || sheet === undefined || extra.length > 0) {
    throw new UsageError('ange en plan och ett blad: vplan export-budget plan.yaml budget.xlsx (eller budget.csv)');
  }
  const format = sheetFormat(sheet);
  await refuseInArchive(sheet, '', undefined, 'bladet');
  await refuseExisting(sheet, '');
  const { bytes, tables } = await exportBudget(plan, format);
  await writeNew(sheet, bytes);
  const what = format === 'xlsx' ? `${tables.length === 1 ? 'ett blad' : `${tables.length} blad`} (${tables.map((t) => t.name).join(', ')})` : `${tables.length === 1 ? 'en tabell' : `${tables.length} tabeller`} i en CSV-fil`;
  process.stdout.write(`${plan} → ${sheet}: budgeten som ${what}.\n`);
  return 0;
}

const FORM_EXTENSION = { json: /\.json$/i, yaml: /\.ya?ml$/i } as const;

export async function commandImportBudget(args: string[], options: { out: string | undefined }): Promise<number> {
  const [plan, sheet, ...extra] = args;
  if (plan === undefined || sheet === undefined || extra.length > 0) {
    throw new UsageError('ange en plan och ett blad: vplan import-budget plan.yaml budget.xlsx --out ny-plan.yaml');
  }
  const out = options.out;
  if (!out) throw new UsageError('ange var den uppdaterade planen skrivs: --out ny-plan.yaml (planen själv ändras inte)');
  sheetFormat(sheet);
  const form = await planForm(plan);
  if (form !== 'folder' && !FORM_EXTENSION[form].test(out)) {
    throw new UsageError(`planen är ${form === 'json' ? 'en JSON-fil' : 'en YAML-fil'} och skrivs i samma form: skriv --out ny-plan.${form}`);
  }
  await refuseInArchive(out, '--out', undefined, 'planen');
  await refuseExisting(out, '--out ');
  const imported = await importBudget(plan, sheet);
  const { value } = imported;
  // Written into the plan's own texts: the user's comments and style stay.
  const previous = previousForm(imported.loaded);
  const schemaPath = `./${SCHEMA_FILE}`;
  if (form === 'folder') {
    await mkdir(path.dirname(path.resolve(out)), { recursive: true });
    await mkdir(out).catch((error: NodeJS.ErrnoException) => (error.code === 'EEXIST' ? refuseExisting(out, '--out ') : Promise.reject(error)));
    for (const [name, text] of planToFolder(value, schemaPath, previous)) {
      await mkdir(path.dirname(path.join(out, name)), { recursive: true });
      await writeFile(path.join(out, name), text, { flag: 'wx' });
    }
    await writeSchemaBeside(out);
  } else {
    await writeNew(out, form === 'json' ? planToJson(value, schemaPath) : planToYaml(value, schemaPath, previous), '--out ');
    await writeSchemaBeside(path.dirname(path.resolve(out)));
  }
  const back = await loadPlan(out);
  if (canonicalJson(back.parsed.value) !== canonicalJson(value)) {
    throw new VplanError(`${out}: den skrivna planen läses inte tillbaka som samma plan.`, 'Rapportera det som ett fel i vplan; originalet är orört.');
  }
  if (previous?.lost?.length) process.stderr.write(keptNothing(previous.lost));
  for (const w of imported.warnings) process.stderr.write(`${sanitizeForTerminal(`  varning: ${w}`)}\n`);
  if (imported.mismatches.some((m) => !m.contribution)) {
    process.stderr.write('  vplan räknar själv alla summor; det är vplans summor som står i planen.\n');
  }
  const count = imported.changed.length;
  process.stdout.write(`${plan} + ${sheet} → ${out}: ${count === 0 ? 'inga belopp ändrades' : count === 1 ? '1 belopp ändrades' : `${count} belopp ändrades`}.\n`);
  return 0;
}
