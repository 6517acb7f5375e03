// The budget's own rows, income and cost, with amounts or a specification (not headings or groups),
// each with its path: what the checks on single rows go through.
import type { JsonPath } from '../../errors.js';
import type { BudgetInput, ItemInput } from '../../load/schema.js';

export type LeafRow = Exclude<ItemInput, { rows: unknown }>;

export function leafRows(input: Pick<BudgetInput, 'income' | 'costs'>, side: 'income' | 'costs'): { row: LeafRow; path: JsonPath }[] {
  const found: { row: LeafRow; path: JsonPath }[] = [];
  const walk = (items: readonly ItemInput[], path: JsonPath) =>
    items.forEach((item, i) => {
      if ('rows' in item) walk(item.rows, [...path, i, 'rows']);
      else found.push({ row: item, path: [...path, i] });
    });
  walk(input[side].rows, ['budget', side, 'rows']);
  return found;
}
