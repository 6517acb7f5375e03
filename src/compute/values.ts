// Values written as a list in the columns' order ([505250, 505250, null]) become values per column id,
// before the budget is computed; a list longer than the columns is an error naming the extra value,
// and so is a shorter one (null is an empty cell).
import type { JsonPath, PlanIssue } from '../errors.js';
import { POSITION_KEY, type BudgetInput, type GroupInput, type ItemInput, type RowInput } from '../load/schema.js';

type Values = Record<string, number | null>;

/** The budget with every positional value under its column's id; problems go to `issues`. */
export function resolvePositions(input: BudgetInput, columnIds: string[], issues: PlanIssue[]): BudgetInput {
  const resolve = (values: Values | undefined, path: JsonPath): Values | undefined => {
    if (values === undefined) return undefined;
    const keys = Object.keys(values);
    if (!keys.some((k) => k.startsWith(POSITION_KEY))) return values;
    const out: Values = {};
    for (const key of keys) {
      const index = Number(key.slice(POSITION_KEY.length));
      const id = columnIds[index];
      if (id === undefined) {
        issues.push({
          path: [...path, 'values', index],
          message: `listan har ${keys.length} värden men budgeten har ${columnIds.length} kolumner (${columnIds.join(', ')}); ta bort värdet eller lägg till en kolumn`,
        });
        continue;
      }
      out[id] = values[key]!;
    }
    // A shorter list would leave the last columns empty without a word: the budget's sums and balancing
    // row would then quietly take a figure the writer forgot (or meant for another column).
    if (keys.length < columnIds.length) {
      const missing = columnIds.slice(keys.length);
      issues.push({
        path: [...path, 'values'],
        message: `listan har ${keys.length} ${keys.length === 1 ? 'värde' : 'värden'} men budgeten har ${columnIds.length} kolumner (${columnIds.join(', ')}); ange ett värde för varje kolumn, null för en tom cell (saknas: ${missing.join(', ')})`,
      });
    }
    return out;
  };
  type Varav = NonNullable<RowInput['varav']>[number];
  const varav = (list: Varav[] | undefined, path: JsonPath) => list?.map((v, k) => ({ ...v, values: resolve(v.values, [...path, 'varav', k]) }));
  const row = (r: RowInput, path: JsonPath): RowInput => ({ ...r, values: resolve(r.values, path), varav: varav(r.varav, path) });
  const items = (list: ItemInput[], path: JsonPath): ItemInput[] =>
    list.map((item, i) => ('rows' in item ? group(item, [...path, i]) : row(item, [...path, i])));
  const group = (g: GroupInput, path: JsonPath): GroupInput => ({ ...g, rows: items(g.rows, [...path, 'rows']) });
  return {
    ...input,
    income: { ...input.income, rows: items(input.income.rows, ['budget', 'income', 'rows']) },
    costs: { ...input.costs, rows: items(input.costs.rows, ['budget', 'costs', 'rows']) },
    details: input.details?.map((d, i) => ({
      ...d,
      rows: d.rows.map((r, j) => {
        const path = ['budget', 'details', i, 'rows', j];
        return { ...r, values: resolve(r.values, path), varav: varav(r.varav, path) };
      }),
    })),
  };
}
