// Step: the budget's columns (id, kind, year, label), and values written as lists placed in them.
import type { BudgetColumn } from '../../model.js';
import type { JsonPath, PlanIssue } from '../../errors.js';
import { suggest } from '../../load/messages.js';
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

/** The refusal for a column id the budget does not have (none when it has it). */
export function unknownColumn(state: Pick<ColumnsState, 'columnIndex'>, id: string, path: JsonPath): PlanIssue[] {
  if (state.columnIndex.has(id)) return [];
  const ids = [...state.columnIndex.keys()];
  const hint = suggest(id, ids);
  return [{ path, message: `okänd kolumn "${id}"${hint ? ` – menade du "${hint}"?` : ''}; kolumnerna är ${ids.join(', ')}` }];
}

/** Refusals for every column id in `values` the budget does not have. */
export function unknownValueColumns(
  state: Pick<ColumnsState, 'columnIndex'>,
  values: Record<string, number | null> | undefined,
  path: JsonPath,
): PlanIssue[] {
  return Object.keys(values ?? {}).flatMap((id) => unknownColumn(state, id, [...path, 'values', id]));
}
