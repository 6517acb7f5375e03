// Column step: what the board must know about a column's capital and result. Capital below zero is
// refused; capital above the plan's ceiling and a planned deficit are warnings.
import { formatInteger } from '../../format.js';
import type { PlanIssue } from '../../errors.js';
import { BASE, pathKey, report, type ColumnStep, type ValuesState } from './state.js';
import { kindLabels } from './columns.js';

/** A column as a message names it: its heading, or kind and year when the heading is empty. */
const columnName = (column: ValuesState['columns'][number]) => column.label.trim() || `${kindLabels[column.kind]} ${column.year}`;

export const capitalAndDeficit: ColumnStep<ValuesState> = (state, ci) => {
  const issues: PlanIssue[] = [];
  const warnings: PlanIssue[] = [];
  const { unit, capital } = state.input;
  const column = state.columns[ci]!;
  const name = columnName(column);
  const closing = state.totals.closingCapital[ci]!;
  const path = [...BASE, 'columns', ci];
  if (closing !== null && closing < 0) {
    issues.push({ path, message: `eget kapital blir ${formatInteger(closing)} ${unit} vid slutet av ${name}; kapitalet får aldrig bli negativt` });
  }
  if (closing !== null && capital?.ceiling !== undefined && closing > capital.ceiling) {
    // Acknowledged by the column's id, not its place: a year on (vplan next) the first column is another year's.
    warnings.push({
      path,
      code: `ceiling:${column.id}`,
      message: `eget kapital ${formatInteger(closing)} ${unit} vid slutet av ${name} är över taket ${formatInteger(capital.ceiling)} ${unit}`,
    });
  }
  const yearResult = state.totals.result[ci]!;
  const planned = (column.kind === 'budget' || column.kind === 'plan') && column.year >= (state.context.budgetYear ?? column.year);
  if (planned && yearResult !== null && yearResult < 0) {
    warnings.push({
      path,
      code: `deficit:${column.id}`,
      message: `planerat underskott i ${name}: kostnaderna överstiger årets intäkter med ${formatInteger(-yearResult)} ${unit}; planen bör säga varför (t.ex. att sparat kapital används)`,
    });
  }
  return report(state, issues, warnings);
};

/**
 * An outcome column (utfall) with a row left blank while others have outcomes: the sums and the
 * result count the blank as 0, and a follow-up then shows a saving that is only a missing figure.
 */
export const missingOutcomes: ColumnStep<ValuesState> = (state, ci) => {
  const column = state.columns[ci]!;
  if (column.kind !== 'utfall') return state;
  const cellsOf = (path: readonly (string | number)[]) => state.rowCells.get(pathKey([...path]));
  const inUse = state.rows.some((row) => (cellsOf(row.path)?.[ci] ?? null) !== null);
  if (!inUse) return state;
  const warnings: PlanIssue[] = [];
  for (const row of state.rows) {
    const cells = cellsOf(row.path);
    if (!cells || cells[ci] !== null || !cells.some((v, i) => i !== ci && v !== null)) continue;
    warnings.push({
      path: [...row.path, 'values'],
      message: `raden "${row.input.label}" har inget belopp i ${columnName(column)}, som andra rader har; summorna och resultatet räknar den som 0 – skriv 0 om det stämmer, annars utfallet`,
    });
  }
  return report(state, [], warnings);
};

/**
 * An income row named as a party of the contributions table ("Gislaveds kommun") that does not take
 * its amount from it (source) but states another: the PDF would show two figures for one member's
 * contribution, in the budget and in the table, without a word.
 */
export const contributionMismatch: ColumnStep<ValuesState> = (state, ci) => {
  const column = state.columns[ci]!;
  const named = state.context.contributionPartsByName;
  if (!named || named.size === 0) return state;
  const warnings: PlanIssue[] = [];
  const key = (name: string) => name.trim().toLocaleLowerCase('sv');
  const byKey = new Map([...named].map(([name, party]) => [key(name), { name, ...party }]));
  for (const row of state.rows) {
    if (row.side !== 'income' || row.input.source !== undefined) continue;
    const party = byKey.get(key(row.input.label));
    const part = party?.parts.get(column.id);
    const value = state.rowCells.get(pathKey(row.path))?.[ci] ?? null;
    const { unit } = state.input;
    // In tkr, a part rounded from kronor may fairly be written one thousand off.
    if (!party || part === undefined || value === null || Math.abs(value - part) <= (unit === 'tkr' ? 1 : 0)) continue;
    // A source row takes its part only from a contributions column with budgetColumn.
    const link = `${party.id ? `source: { contributions: ${party.id} }` : 'source: { contributions: ID } (med ett "id" på finansiären)'}${
      party.linked.has(column.id) ? '' : ` och budgetColumn: ${column.id} på medlemsbidragens kolumn för ${column.year}`
    }`;
    warnings.push({
      path: [...row.path, 'values'],
      message: `raden "${row.input.label}" har ${formatInteger(value)} ${unit} i ${columnName(column)}, men medlemsbidragen ger ${party.name} ${formatInteger(part)} ${unit}; låt raden hämta beloppet med ${link}, eller rätta det ena`,
    });
  }
  return report(state, [], warnings);
};

/**
 * A column with no amount in any row (vplan next leaves a new plan year so): it prints as an empty
 * column, its sums blank, and nothing else would say so once the plan builds.
 */
export const emptyColumn: ColumnStep<ValuesState> = (state, ci) => {
  const column = state.columns[ci]!;
  const cellsOf = (path: readonly (string | number)[]) => state.rowCells.get(pathKey([...path]));
  if (state.rows.length === 0 || state.rows.some((row) => (cellsOf(row.path)?.[ci] ?? null) !== null)) return state;
  // A column that carries its capital on from this one starts from its opening capital, as if the year broke even.
  const carried = Object.entries(state.input.capital?.carryForward ?? {}).flatMap(([to, from]) => {
    const next = from === column.id ? state.columns.find((c) => c.id === to) : undefined;
    return next ? [columnName(next)] : [];
  });
  const carry = carried.length > 0 ? `; ${carried.join(' och ')} för över kapitalet från den som om året gick jämnt ut` : '';
  const fill = column.kind === 'utfall' ? `fyll i utfallet för ${column.year}` : 'fyll i beloppen';
  const message = `kolumnen ${columnName(column)} har inget belopp i någon rad och skrivs ut tom${carry}; ${fill} eller ta bort kolumnen`;
  return report(state, [], [{ path: [...BASE, 'columns', ci], code: `emptyColumn:${column.id}`, message }]);
};
