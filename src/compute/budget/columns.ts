// Step: the budget's columns (id, kind, year, label), and values written as lists placed in them.
import type { BudgetColumn } from '../../model.js';
import type { JsonPath, PlanIssue } from '../../errors.js';
import { suggest } from '../../load/messages.js';
import { POSITION_KEY, type BudgetInput } from '../../load/schema.js';
import { resolvePositions } from '../values.js';
import { BASE, type ColumnsState, type StartState } from './state.js';

export const kindLabels = { budget: 'Budget', prognos: 'Prognos', utfall: 'Utfall', plan: 'Plan' } as const;

export function columns(state: StartState): ColumnsState {
  const issues: PlanIssue[] = [];
  const input = state.input;
  const list: BudgetColumn[] = input.columns.map((c) => ({
    id: c.id ?? `${c.kind}${c.year}`,
    kind: c.kind,
    year: c.year,
    label: c.label ?? `${kindLabels[c.kind]} ${c.year}`,
  }));
  const columnIndex = new Map<string, number>();
  list.forEach((c, i) => {
    if (columnIndex.has(c.id)) {
      issues.push({
        path: [...BASE, 'columns', i, ...(input.columns[i]!.id ? ['id'] : [])],
        message: `kolumn-id "${c.id}" finns redan; ge kolumnen ett eget "id"`,
      });
    } else columnIndex.set(c.id, i);
  });
  // Values written as lists are placed in their columns before anything else reads them.
  const resolved = resolvePositions(input, list.map((c) => c.id), issues);
  return { ...state, input: resolved, columns: list, columnIndex, issues: [...state.issues, ...issues] };
}

/**
 * A value as the plan wrote it, before the columns step places it (a step that reads the input first):
 * where it stands under `values` (its position in a list, else its column id) and its column's name.
 */
export function writtenValue(columns: readonly BudgetInput['columns'][number][], key: string): { at: string | number; column: string } {
  const position = key.startsWith(POSITION_KEY) ? Number(key.slice(POSITION_KEY.length)) : undefined;
  const index = position ?? columns.findIndex((c) => (c.id ?? `${c.kind}${c.year}`) === key);
  const column = columns[index];
  return { at: position ?? key, column: column ? columnName(column) : key };
}

/** A column as a message names it: its heading, or kind and year. */
export const columnName = (c: { kind: BudgetColumn['kind']; year: number; label?: string | undefined }) => c.label?.trim() || `${kindLabels[c.kind]} ${c.year}`;

/**
 * For an id the budget lacks that the budget year's or a plan year's column would have ("budget2027"
 * in a plan for 2027): the column whose year is likely typed wrong, named with what to write there;
 * otherwise undefined. Said instead of "did you mean budget2026?", which would steer the writer to
 * change a right text instead of the wrong column.
 */
export function yearColumnHint(
  id: string,
  columns: readonly { kind: BudgetColumn['kind']; year: number; label?: string | undefined }[],
  years: { budgetYear?: number | undefined; planYears?: readonly number[] | undefined },
): string | undefined {
  const match = /^(budget|plan)(\d{4})$/.exec(id);
  if (!match || years.budgetYear === undefined) return undefined;
  const [, kind, written] = match;
  const year = Number(written);
  const planYears = years.planYears?.length ? years.planYears : undefined;
  const expected = kind === 'budget' ? [years.budgetYear] : planYears ?? [1, 2, 3].map((n) => years.budgetYear! + n);
  // A column of another kind with the year ("plan2025" for "budget2025") is for the usual suggestion.
  if (!expected.includes(year) || columns.some((c) => c.year === year)) return undefined;
  const wrong = columns.filter((c) => c.kind === kind && !expected.includes(c.year));
  if (wrong.length === 0) return undefined;
  const what = kind === 'budget' ? `budgetåret ${year} (document.budgetYear)` : `planåret ${year}`;
  return `ingen ${kind === 'budget' ? 'budgetkolumn' : 'planårskolumn'} har ${what}; gäller ${wrong.map(columnName).join(' eller ')} det året, skriv "year": ${year} där i budget.columns`;
}

/** The refusal for a column id the budget does not have (none when it has it). */
export function unknownColumn(state: Pick<ColumnsState, 'columnIndex' | 'columns' | 'context'>, id: string, path: JsonPath): PlanIssue[] {
  if (state.columnIndex.has(id)) return [];
  const ids = [...state.columnIndex.keys()];
  const year = yearColumnHint(id, state.columns, state.context);
  const hint = year ? undefined : suggest(id, ids);
  return [{ path, message: `okänd kolumn "${id}"${year ? ` – ${year}` : hint ? ` – menade du "${hint}"?` : ''}; kolumnerna är ${ids.join(', ')}` }];
}

/** Refusals for every column id in `values` the budget does not have. */
export function unknownValueColumns(
  state: Pick<ColumnsState, 'columnIndex' | 'columns' | 'context'>,
  values: Record<string, number | null> | undefined,
  path: JsonPath,
): PlanIssue[] {
  return Object.keys(values ?? {}).flatMap((id) => unknownColumn(state, id, [...path, 'values', id]));
}
