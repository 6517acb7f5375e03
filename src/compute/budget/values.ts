// Steps that fill in each budget row's cells: the values the plan gives, a specification's SUMMA, the
// member contributions, and which row balances each column (its value is computed later, see balance.ts).
import type { PlanIssue } from '../../errors.js';
import type { Cells } from '../../model.js';
import type { RowInput } from '../../load/schema.js';
import { blankCells, pathKey, report, sumCells, type OrderedState, type RowNode, type ValuesState } from './state.js';

/** The values state with every cell blank, and each specification's rows and SUMMA. */
export function initValues(state: OrderedState): ValuesState {
  const n = state.columns.length;
  const details = state.input.details ?? [];
  const detailRowCells = details.map((d) => d.rows.map((r) => state.columns.map((c) => r.values?.[c.id] ?? null)));
  const detailSums = new Map<string, Cells>();
  details.forEach((d, i) => {
    detailSums.set(d.id, state.columns.map((_, ci) => sumCells(detailRowCells[i]!.map((cells) => cells[ci]!))));
  });
  return {
    ...state,
    detailRowCells,
    detailSums,
    rowCells: new Map(state.rows.map((row) => [pathKey(row.path), blankCells(n)])),
    balancing: state.columns.map(() => undefined),
    varavCells: new Map(),
    totals: {
      income: blankCells(n),
      assets: blankCells(n),
      costs: blankCells(n),
      result: blankCells(n),
      openingCapital: blankCells(n),
      closingCapital: blankCells(n),
    },
  };
}

/** Returns the state with the cells of the rows `pick` chooses replaced, column by column. */
function fill(state: ValuesState, pick: (row: RowNode, column: string, ci: number) => number | null | undefined): ValuesState {
  const rowCells = new Map(state.rowCells);
  for (const row of state.rows) {
    const key = pathKey(row.path);
    const cells = [...rowCells.get(key)!];
    state.columns.forEach((c, ci) => {
      const value = pick(row, c.id, ci);
      if (value !== undefined) cells[ci] = value;
    });
    rowCells.set(key, cells);
  }
  return { ...state, rowCells };
}

/** The values the plan gives (a missing value is a blank cell). */
export const givenValues = (state: ValuesState): ValuesState => fill(state, (row, id) => row.input.values?.[id] ?? null);

/** A row with "detail" is its specification's SUMMA. */
export const detailValues = (state: ValuesState): ValuesState =>
  fill(state, (row, _id, ci) => (row.input.detail === undefined ? undefined : state.detailSums.get(row.input.detail)![ci]!));

/**
 * A row with source "contributions" is the member contributions' total, a row with source
 * { contributions: ID } that party's part, in the columns that have them.
 */
export function contributionValues(state: ValuesState): ValuesState {
  const issues: PlanIssue[] = [];
  const next = fill(state, (row, id, ci) => {
    const source = row.input.source;
    if (source === undefined) return undefined;
    const totals = source === 'contributions' ? state.context.contributionTotals : state.context.contributionParts?.get(source.contributions);
    if (!totals?.has(id)) return undefined;
    // null is an empty cell: nothing given, the place a list of values must keep.
    if (row.input.values?.[id] != null) {
      issues.push({
        path: [...row.path, 'values', id],
        message: `${state.columns[ci]!.label} hämtar medlemsbidragen från medlemsbidragstabellen; ta bort värdet här (i en lista: skriv null på dess plats)`,
      });
    }
    return totals.get(id)!;
  });
  return report(next, issues, missingContributions(next));
}

/**
 * A row that takes the member contributions is blank in a column the contributions table has no column
 * for (budgetColumn) and where the plan gives no value: with other amounts in that column, the income is
 * short by the contributions, and only the capital going below zero (or nothing) would say so.
 */
function missingContributions(state: ValuesState): PlanIssue[] {
  const warnings: PlanIssue[] = [];
  for (const row of state.rows) {
    const source = row.input.source;
    if (source === undefined) continue;
    const cells = state.rowCells.get(pathKey(row.path))!;
    const columns = state.columns.filter((column, ci) => {
      if (cells[ci] !== null) return false;
      return state.rows.some((other) => other !== row && state.rowCells.get(pathKey(other.path))![ci] !== null);
    });
    if (columns.length === 0) continue;
    const what = source === 'contributions' ? 'medlemsbidragens total' : `finansiärens bidrag (${source.contributions})`;
    const names = columns.map((c) => c.label).join(', ');
    warnings.push({
      path: row.path,
      code: `contributionsMissing:${columns.map((c) => c.id).join(',')}`,
      message:
        `raden "${row.input.label.trim()}" hämtar ${what} ur medlemsbidragstabellen, men tabellen har ingen kolumn för ${names}, så raden är tom där och intäkterna saknar bidragen. ` +
        `Lägg till en kolumn i contributions.columns med "budgetColumn": "${columns[0]!.id}" (och året), eller skriv beloppet här: "values": { "${columns[0]!.id}": … }`,
    });
  }
  return warnings;
}

const balancesIn = (r: RowInput, columnId: string) =>
  r.balance === true || (typeof r.balance === 'object' && (r.balance.columns === undefined || r.balance.columns.includes(columnId)));

/** Which row balances each column (one at most); its cells there stay blank until balance.ts computes them. */
export function balancingRows(state: ValuesState): ValuesState {
  const issues: PlanIssue[] = [];
  const balancing = state.columns.map((column) => {
    let found: RowNode | undefined;
    for (const row of state.rows) {
      if (row.input.balance === undefined || !balancesIn(row.input, column.id)) continue;
      if (found) issues.push({ path: [...row.path, 'balance'], message: `${column.label} har redan en balanserande rad ("${found.input.label}")` });
      found = row;
    }
    return found;
  });
  const next = fill(state, (row, id) => (row.input.balance !== undefined && balancesIn(row.input, id) ? null : undefined));
  return report({ ...next, balancing }, issues);
}

/** Sum of one side's rows in one column. */
export function sideSum(state: ValuesState, side: 'income' | 'costs', ci: number): number | null {
  return sumCells(state.rows.filter((r) => r.side === side).map((r) => state.rowCells.get(pathKey(r.path))![ci]!));
}
