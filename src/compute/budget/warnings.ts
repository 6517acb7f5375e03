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
    warnings.push({
      path,
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
