// Writes amounts read from a sheet into a copy of the plan's value as read, changing only the cells
// whose amount differs, in the form the plan wrote them (a value per column id, or a list in column order).
import type { Assignment } from './match.js';
import { at } from '../jsonPath.js';

type Obj = Record<string, unknown>;

const isObject = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

export interface Applied {
  value: Obj;
  /** Where each changed cell is in the sheet. */
  changed: string[];
}

/** Column ids in order, as the budget engine names them (id, or kind + year). */
function columnIds(plan: Obj): string[] {
  const columns = at(plan, ['budget', 'columns']);
  return Array.isArray(columns) ? columns.map((c: Obj) => (typeof c.id === 'string' ? c.id : `${String(c.kind)}${String(c.year)}`)) : [];
}

export function applyAssignments(original: Obj, assignments: Assignment[]): Applied {
  const value = structuredClone(original);
  const ids = columnIds(value);
  const changed: string[] = [];
  for (const { target, value: amount, where } of assignments) {
    if (target.kind === 'opening') {
      const budget = at(value, ['budget']) as Obj;
      const capital = (isObject(budget.capital) ? budget.capital : {}) as Obj;
      const opening = (isObject(capital.opening) ? capital.opening : {}) as Obj;
      if ((opening[target.column] ?? null) === amount) continue;
      if (amount === null) delete opening[target.column];
      else opening[target.column] = amount;
      capital.opening = opening;
      budget.capital = capital;
      changed.push(where);
      continue;
    }
    const row = at(value, target.row);
    if (!isObject(row)) continue;
    const values = row.values;
    if (Array.isArray(values)) {
      const i = ids.indexOf(target.column);
      if ((values[i] ?? null) === amount) continue;
      while (values.length <= i) values.push(null);
      values[i] = amount;
    } else {
      const record = (isObject(values) ? values : {}) as Obj;
      if ((record[target.column] ?? null) === amount) continue;
      if (amount === null) delete record[target.column];
      else record[target.column] = amount;
      row.values = record;
    }
    changed.push(where);
  }
  return { value, changed };
}
