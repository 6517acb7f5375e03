// The budget as spreadsheet tables: the budget and each detail table, row by row as printed, with
// what each cell is: an amount the plan states (written back on import), a sum (an Excel formula over
// other cells), or a figure vplan computes (a balancing row, member contributions).
import type { JsonPath } from '../errors.js';
import { formatPath } from '../errors.js';
import { at, startsWith } from '../jsonPath.js';
import type { PlanInput, RowInput } from '../load/schema.js';
import type { ComputedPlan, TableRow, TableRowKind } from '../model.js';
import { sameText } from './rows.js';

/** Where an amount the plan states is written: a row's values, or the opening capital. */
export type CellTarget = { kind: 'values'; row: JsonPath; column: string; negate: boolean } | { kind: 'opening'; column: string };

/** One term of a formula: ±(a cell of some table). */
export interface Term {
  sign: 1 | -1;
  table: number;
  row: number;
  column: number;
}

/** A budget cell that takes the member contributions: one party's part (by id) or the total, of a budget column. */
export interface ContributionSource {
  party: string | undefined;
  budgetColumn: string;
}

export type CellRole =
  | { kind: 'value'; target: CellTarget }
  /** Computed by vplan: with terms, written as a formula; a sum when it adds rows up; from the contributions. */
  | { kind: 'derived'; terms?: Term[]; sum: boolean; contribution?: ContributionSource }
  | { kind: 'blank' };

export interface SheetCell {
  value: number | null;
  role: CellRole;
}

export interface SheetRow {
  /**
   * The row's id; else, where another row of the table has the same text, its path in the plan (which
   * changes when rows are added or moved in the plan, so it is written only where the text cannot tell
   * the rows apart).
   */
  key: string | undefined;
  /** Its path in the plan, as an earlier vplan wrote it in column A for every row without an id. */
  path: string;
  label: string;
  kind: TableRowKind;
  cells: SheetCell[];
}

export interface SheetColumn {
  id: string;
  heading: string;
  /** Other headings that name the same column on import (the label without the unit, the id). */
  aliases: string[];
}

export interface SheetTable {
  /** "vplan:budget" or "vplan:detail:ID": marks the table in the sheet's hidden first column. */
  key: string;
  name: string;
  labelHeader: string;
  /** The budget's unit: a heading may name it ("Budget 2025 (kr)"). */
  unit: 'kr' | 'tkr';
  columns: SheetColumn[];
  rows: SheetRow[];
}

export const KEY_PREFIX = 'vplan:';

/** A sheet name Excel accepts: no []:*?/\, at most 31 characters, unique in the workbook. */
function sheetName(wanted: string, taken: Set<string>): string {
  const base = wanted.replace(/[[\]:*?/\\]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 31) || 'Blad';
  let name = base;
  for (let n = 2; [...taken].some((t) => t.toLowerCase() === name.toLowerCase()); n++) name = `${base.slice(0, 28)} ${n}`;
  taken.add(name);
  return name;
}

/** How many rows of a table have each text (as import compares them). */
function textCounts(rows: TableRow[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(sameText(row.label), (counts.get(sameText(row.label)) ?? 0) + 1);
  return counts;
}

function rowKey(row: TableRow, input: unknown, texts: Map<string, number>): string | undefined {
  const id = row.kind === 'row' || row.kind === 'varav' ? (input as { id?: unknown } | undefined)?.id : undefined;
  if (typeof id === 'string') return id;
  return texts.get(sameText(row.label)) === 1 ? undefined : pathKey(row);
}

function pathKey(row: TableRow): string {
  const path = formatPath(row.path);
  return row.kind === 'row' || row.kind === 'varav' ? path : `${path}:${row.kind}`;
}

/** The tables of a computed plan's budget; none when it has no budget. */
export function sheetTables(input: PlanInput, plan: ComputedPlan): SheetTable[] {
  const budget = plan.budget;
  if (!budget || !input.budget) return [];
  const ids = budget.columns.map((c) => c.id);
  const negative = input.budget.costSign === 'negative';
  const unitSuffix = (label: string, printed: string) => (printed === label ? [] : [printed]);
  const contributionColumns = new Set((plan.contributions?.columns ?? []).flatMap((c) => (c.budgetColumn ? [c.budgetColumn] : [])));
  const taken = new Set<string>();
  const unit = input.budget.unit ?? 'kr';
  const detailIds = budget.details.map((d) => d.id);

  const tables: SheetTable[] = [];
  const main = budget.table;
  tables.push({
    key: `${KEY_PREFIX}budget`,
    name: sheetName('Budget', taken),
    labelHeader: main.labelHeader || 'Budgetpost',
    unit,
    columns: budget.columns.map((c, i) => ({ id: c.id, heading: main.columnLabels[i]!, aliases: [c.label, c.id, ...unitSuffix(c.label, main.columnLabels[i]!), `${c.label} (${unit})`] })),
    rows: [],
  });
  budget.details.forEach((d) => {
    tables.push({
      key: `${KEY_PREFIX}detail:${d.id}`,
      name: sheetName(d.caption ?? d.id, taken),
      labelHeader: d.labelHeader || 'Rad',
      unit,
      columns: budget.columns.map((c, i) => ({ id: c.id, heading: d.columnLabels[i]!, aliases: [c.label, c.id, `${c.label} (${unit})`] })),
      rows: [],
    });
  });

  const sideOf = (path: JsonPath): 'income' | 'costs' => (path[1] === 'costs' ? 'costs' : 'income');
  const detailSide = (id: string): 'income' | 'costs' => {
    const user = main.rows.find((r) => r.kind === 'row' && (at(input, r.path) as { detail?: string } | undefined)?.detail === id);
    return user ? sideOf(user.path) : 'income';
  };
  const terms = (table: number, rows: number[], column: number, sign: 1 | -1 = 1): Term[] => rows.map((row) => ({ sign, table, row, column }));

  // ---- the budget table
  const mainRows = main.rows;
  const indexOf = (kind: TableRowKind, path: JsonPath) => mainRows.findIndex((r) => r.kind === kind && formatPath(r.path) === formatPath(path));
  const leafRows = (prefix: JsonPath) => mainRows.flatMap((r, i) => (r.kind === 'row' && startsWith(r.path, prefix) ? [i] : []));
  const capitalRow = mainRows.findIndex((r) => r.kind === 'capital');
  // The result is Summa intäkter − Summa kostnader; in the balance convention Summa tillgångar − Summa kostnader.
  const balanceConvention = budget.convention === 'balance';
  const incomeSum = indexOf('sum', balanceConvention ? ['budget', 'totals', 'assets'] : ['budget', 'income']);
  const costSum = indexOf('sum', ['budget', 'costs']);
  const resultRow = mainRows.findIndex((r) => r.kind === 'result');
  const capital = input.budget.capital ?? {};

  const mainTexts = textCounts(mainRows);
  tables[0]!.rows = mainRows.map((row) => {
    const rowInput = at(input, row.path) as Record<string, unknown> | undefined;
    const cells = row.cells.map((value, ci): SheetCell => {
      const column = ids[ci]!;
      const values = (negate: boolean): SheetCell => ({ value, role: { kind: 'value', target: { kind: 'values', row: row.path, column, negate } } });
      const computed = (t?: Term[], sum = false): SheetCell => ({ value, role: { kind: 'derived', ...(t ? { terms: t } : {}), sum } });
      const negate = negative && sideOf(row.path) === 'costs';
      switch (row.kind) {
        case 'heading':
        case 'groupHeading':
        case 'columnHeadings':
          return { value: null, role: { kind: 'blank' } };
        case 'row': {
          const r = rowInput as { detail?: string; balance?: unknown; source?: RowInput['source'] };
          if (r.detail !== undefined) {
            const t = 1 + detailIds.indexOf(r.detail);
            // The detail table is shown with the sign of the row that uses it: its SUMMA is this cell.
            const sumRow = budget.details[t - 1]!.rows.length - 1;
            return computed([{ sign: 1, table: t, row: sumRow, column: ci }], true);
          }
          const balance = r.balance as true | { columns?: string[] } | undefined;
          if (balance === true || (typeof balance === 'object' && (balance.columns === undefined || balance.columns.includes(column)))) return computed();
          if (r.source !== undefined && contributionColumns.has(column)) {
            const party = typeof r.source === 'object' ? r.source.contributions : undefined;
            return { value, role: { kind: 'derived', sum: false, contribution: { party, budgetColumn: column } } };
          }
          return values(negate);
        }
        case 'varav': {
          if ((rowInput as { remainder?: boolean }).remainder) {
            const parentPath = row.path.slice(0, -2);
            const parent = indexOf('row', parentPath);
            const others = mainRows.flatMap((o, i) =>
              o.kind === 'varav' && formatPath(o.path.slice(0, -2)) === formatPath(parentPath) && o !== row ? [i] : [],
            );
            return computed([...terms(0, [parent], ci), ...terms(0, others, ci, -1)]);
          }
          return values(negate);
        }
        case 'capital': {
          const from = capital.carryForward?.[column];
          if (from !== undefined && resultRow >= 0 && balanceConvention) return computed([{ sign: 1, table: 0, row: resultRow, column: ids.indexOf(from) }]);
          if (from !== undefined) return computed();
          return { value, role: { kind: 'value', target: { kind: 'opening', column } } };
        }
        case 'subtotal':
          return computed(terms(0, leafRows(row.path), ci), true);
        case 'sum': {
          const side = row.path[1] === 'costs' ? 'costs' : 'income';
          const parts = leafRows(['budget', side]);
          // Summa tillgångar: the income and the opening capital.
          if (row.path[1] === 'totals' && capitalRow >= 0) parts.push(capitalRow);
          return computed(terms(0, parts, ci), true);
        }
        case 'result':
          if (incomeSum < 0 || costSum < 0) return computed();
          return computed([...terms(0, [incomeSum], ci), ...terms(0, [costSum], ci, negative ? 1 : -1)], true);
      }
    });
    return { key: rowKey(row, rowInput, mainTexts), path: pathKey(row), label: row.label, kind: row.kind, cells };
  });

  // ---- detail tables
  budget.details.forEach((detail, di) => {
    const t = di + 1;
    const negate = negative && detailSide(detail.id) === 'costs';
    const plain = detail.rows.flatMap((r, i) => (r.kind === 'row' ? [i] : []));
    const texts = textCounts(detail.rows);
    tables[t]!.rows = detail.rows.map((row) => {
      const rowInput = at(input, row.path) as Record<string, unknown> | undefined;
      const cells = row.cells.map((value, ci): SheetCell => {
        if (row.kind === 'sum') return { value, role: { kind: 'derived', terms: terms(t, plain, ci), sum: true } };
        if (row.kind === 'varav' && (rowInput as { remainder?: boolean }).remainder) {
          const parentPath = formatPath(row.path.slice(0, -2));
          const parent = detail.rows.findIndex((r) => r.kind === 'row' && formatPath(r.path) === parentPath);
          const others = detail.rows.flatMap((o, i) => (o.kind === 'varav' && o !== row && formatPath(o.path.slice(0, -2)) === parentPath ? [i] : []));
          return { value, role: { kind: 'derived', terms: [...terms(t, [parent], ci), ...terms(t, others, ci, -1)], sum: false } };
        }
        return { value, role: { kind: 'value', target: { kind: 'values', row: row.path, column: ids[ci]!, negate } } };
      });
      return { key: rowKey(row, rowInput, texts), path: pathKey(row), label: row.label, kind: row.kind, cells };
    });
  });
  return tables;
}
