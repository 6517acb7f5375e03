// A budget sheet's amounts written into a plan: the one path both `vplan import-budget` and a plan's
// own `budget: { from: "budget.xlsx" }` take. Cells are matched by row label (or id) and column
// heading; amounts the plan states are taken from the sheet; sums and other figures vplan computes are
// compared, and a different figure in the sheet is a warning (vplan's own wins). Nothing here loads
// or checks a plan file, so the loader can use it without calling itself.
import { readFile } from 'node:fs/promises';
import { VplanError, type PlanIssue } from '../errors.js';
import { canonicalJson, validatePlan, type ParsedPlan, type PlanForm } from '../load/loadPlan.js';
import type { PlanInput } from '../load/schema.js';
import { computePlan } from '../compute/computePlan.js';
import type { ComputedPlan } from '../model.js';
import { sheetTables } from './tables.js';
import { readCsv, readWorkbook, type RawTable } from './read.js';
import { matchSheets, mismatches, type Mismatch } from './match.js';
import { applyAssignments } from './apply.js';
import { causedWarnings } from './caused.js';

export type SheetFormat = 'xlsx' | 'csv';

/** .xlsx or .csv by the file's name; anything else is refused with what to write. */
export function sheetFormat(file: string, flag = ''): SheetFormat {
  if (/\.xlsx$/i.test(file)) return 'xlsx';
  if (/\.csv$/i.test(file)) return 'csv';
  if (/\.xls$/i.test(file)) {
    throw new VplanError(
      `${flag}${file}: vplan läser och skriver inte Excels äldre format .xls, bara Excel-arbetsbok (.xlsx) och .csv.`,
      'Öppna filen i Excel och spara den som Excel-arbetsbok (.xlsx), och ange den, t.ex. budget.xlsx.',
    );
  }
  throw new VplanError(`${flag}${file}: vplan läser och skriver budgetblad som .xlsx (Excel) eller .csv.`, 'Ge filen ändelsen .xlsx eller .csv, t.ex. budget.xlsx.');
}

/** A budget sheet's tables as read; a missing or unreadable file is a VplanError naming it. */
export async function readSheetFile(sheetFile: string, shownAs = sheetFile): Promise<{ tables: RawTable[]; bytes: Uint8Array }> {
  const format = sheetFormat(shownAs);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(sheetFile);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new VplanError(
      `${shownAs}: ${code === 'ENOENT' ? 'filen finns inte' : code === 'EISDIR' ? 'är en mapp, inte ett budgetblad' : `filen kan inte läsas (${code ?? 'okänt fel'})`}.`,
      'Ange budgetbladet som vplan export-budget skrev, t.ex. budget.xlsx.',
    );
  }
  const tables = format === 'xlsx' ? await readWorkbook(shownAs, bytes) : await readCsv(shownAs, bytes);
  return { tables, bytes };
}

export interface SheetMerge {
  /** The plan's value with the sheet's amounts (undefined when the sheet had errors). */
  value?: Record<string, unknown>;
  /** That value validated and computed. */
  plan?: PlanInput;
  computed?: ComputedPlan;
  /** The sheet's cells whose amount changed the plan. */
  changed: string[];
  /** The plan's own amounts the sheet replaced with another: [where in the sheet, the plan's amount, the sheet's]. */
  replaced: { where: string; path: (string | number)[]; planValue: number | null; sheetValue: number | null }[];
  /** Figures vplan computes (sums, balances, contributions) that the sheet gives otherwise: vplan's stay. */
  mismatches: Mismatch[];
  /** Errors in the sheet, each naming sheet and cell; the merge stops at them. */
  errors: string[];
  /** Problems of the plan with the sheet's amounts (a budget that no longer computes). */
  issues: PlanIssue[];
  warnings: string[];
  /** The plan's warnings that the sheet's amounts bring, at the cell they came from (import-budget shows them). */
  caused: string[];
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function columnIds(input: PlanInput): string[] {
  return (input.budget?.columns ?? []).map((c) => c.id ?? `${c.kind}${c.year}`);
}

/** What the plan itself states for a cell the sheet fills: undefined when it states nothing. */
function stated(value: Record<string, unknown>, target: { row: (string | number)[]; column: string }, ids: string[]): number | null | undefined {
  let here: unknown = value;
  for (const part of target.row) here = isObject(here) || Array.isArray(here) ? (here as Record<string | number, unknown>)[part] : undefined;
  const values = isObject(here) ? here.values : undefined;
  const cell = Array.isArray(values) ? values[ids.indexOf(target.column)] : isObject(values) ? values[target.column] : undefined;
  return typeof cell === 'number' || cell === null ? cell : undefined;
}

/**
 * The sheet's amounts in the plan's value. `input` and `computed` are the plan as it stands (they
 * give the tables the sheet is matched against); `label` names the result in messages.
 */
export function mergeSheet(
  label: string,
  form: PlanForm,
  parsed: Pick<ParsedPlan, 'value' | 'locate'>,
  input: PlanInput,
  computed: ComputedPlan,
  raw: RawTable[],
): SheetMerge {
  const merge: SheetMerge = { changed: [], replaced: [], mismatches: [], errors: [], issues: [], warnings: [], caused: [] };
  const matched = matchSheets(raw, sheetTables(input, computed));
  merge.warnings.push(...matched.warnings);
  if (matched.errors.length > 0) {
    merge.errors = matched.errors;
    return merge;
  }
  const original = parsed.value as Record<string, unknown>;
  const ids = columnIds(input);
  for (const { target, value, where } of matched.assignments) {
    if (target.kind === 'opening') {
      // An opening capital the plan still states: the sheet's wins, with the same warning as an amount.
      const planValue = openingStated(original, target.column);
      if (planValue !== undefined && planValue !== value) merge.replaced.push({ where, path: ['budget', 'capital', 'opening', target.column], planValue, sheetValue: value });
      continue;
    }
    const planValue = stated(original, target, ids);
    if (planValue !== undefined && planValue !== value) merge.replaced.push({ where, path: [...target.row, 'values', target.column], planValue, sheetValue: value });
  }
  const applied = applyAssignments(original, matched.assignments);
  merge.value = applied.value;
  merge.changed = applied.changed;
  const again = validatePlan(label, form, { value: applied.value, text: canonicalJson(applied.value), locate: parsed.locate });
  const outcome = computePlan(again.plan, label, form);
  merge.plan = again.plan;
  if (!outcome.plan || outcome.issues.length > 0) {
    merge.issues = outcome.issues;
    return merge;
  }
  merge.computed = outcome.plan;
  merge.caused = causedWarnings(computed.warnings, outcome.warnings, matched.assignments, ids);
  merge.mismatches = mismatches(matched.checks, sheetTables(again.plan, outcome.plan), again.plan, form);
  return merge;
}

/** The opening capital the plan's value states for a column, if it states one. */
function openingStated(value: Record<string, unknown>, column: string): number | null | undefined {
  const budget = value.budget;
  const capital = isObject(budget) ? budget.capital : undefined;
  const opening = isObject(capital) ? capital.opening : undefined;
  const stated = isObject(opening) ? opening[column] : undefined;
  return typeof stated === 'number' || stated === null ? stated : undefined;
}

/**
 * Takes budget.from out of a plan's value (its amounts already in it): next year's plan does not read
 * this year's sheet, whose column headings are last year's. Returns the sheet it named.
 */
export function dropBudgetSheet(value: Record<string, unknown>): string | undefined {
  const budget = value.budget;
  if (!isObject(budget) || typeof budget.from !== 'string') return undefined;
  const from = budget.from;
  delete budget.from;
  return from;
}
