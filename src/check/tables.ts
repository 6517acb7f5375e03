// Every figure the budget engine computed, looked for in the printed PDF: in its table, on its row's
// line, flush with its column's heading, and on the page. The tables are read in document order, a
// row's label and then its amounts, exactly as the templates format them.
import type { JsonPath, PlanIssue } from '../errors.js';
import { formatFixed, formatInteger, formatPercentTotal } from '../format.js';
import type { BudgetTable, ComputedPlan, ComputedSection } from '../model.js';
import { findFrom, matchAt, onPage, quoted, rightEdge, type Match } from './match.js';
import { matchKey, type PrintedItem, type PrintedText } from './printedText.js';

export interface ExpectedRow {
  label: string;
  path: JsonPath;
  /** As printed, column by column; null for a blank cell. Empty for a heading row. */
  cells: (string | null)[];
}

export interface ExpectedTable {
  /** How a message names the table: `tabellen "Budget"`. */
  name: string;
  path: JsonPath;
  labelHeader: string;
  columns: string[];
  rows: ExpectedRow[];
}


function budgetTable(table: BudgetTable, name: string, path: JsonPath): ExpectedTable {
  return {
    name,
    path,
    labelHeader: table.labelHeader,
    columns: table.columnLabels,
    // The column headings repeated above a group are headings, not figures.
    rows: table.rows.filter((row) => row.kind !== 'columnHeadings').map((row) => ({
      label: row.label,
      path: row.path,
      cells: row.kind === 'heading' || row.kind === 'groupHeading' ? [] : row.cells.map((v) => (v === null ? null : formatInteger(v))),
    })),
  };
}

/** The tables the templates print, in document order (a section's table before its subsections'). */
export function expectedTables(plan: ComputedPlan): ExpectedTable[] {
  const tables: ExpectedTable[] = [];
  const visit = (section: ComputedSection) => {
    const budget = plan.budget;
    if (section.type === 'budget' && budget) {
      tables.push(budgetTable(budget.table, budget.table.caption ? `tabellen ${quoted(budget.table.caption)}` : 'budgettabellen', ['budget']));
      if (section.content.showDetails) {
        budget.details.forEach((d, i) => tables.push(budgetTable(d, `tabellen ${quoted(d.caption ?? d.id)}`, ['budget', 'details', i])));
      }
    }
    const c = plan.contributions;
    if (section.type === 'contributions' && c) {
      tables.push({
        name: c.caption ? `tabellen ${quoted(c.caption)}` : 'tabellen över medlemsbidragen',
        path: ['contributions'],
        labelHeader: c.partyHeader,
        columns: [c.shareHeader, ...c.columns.map((col) => col.label)],
        rows: [
          ...c.parties.map((p, i) => ({
            label: p.name,
            path: ['contributions', 'parties', i],
            cells: [formatFixed(p.share, 2), ...p.amounts.map(formatInteger)],
          })),
          { label: c.totalLabel, path: ['contributions'], cells: [formatPercentTotal(c.totalShare), ...c.columns.map((col) => formatInteger(col.total))] },
        ],
      });
    }
    section.children.forEach(visit);
  };
  plan.sections.forEach(visit);
  return tables;
}

/**
 * The table's heading row: the label column's heading, then each column's, each a whole run or runs,
 * all ending on one line (the cells are aligned at the bottom). Gives where each column's right edge is.
 */
function findHeader(items: readonly PrintedItem[], from: number, table: ExpectedTable): { match: Match; edges: number[] } | undefined {
  const keys = table.columns.map(matchKey);
  for (let start = from; start < items.length; start++) {
    const head = matchAt(items, start, matchKey(table.labelHeader));
    if (!head) continue;
    const edges: number[] = [];
    const baselines: PrintedItem[] = head.end > head.start ? [items[head.end - 1]!] : [];
    let at = head.end;
    for (const key of keys) {
      const column = matchAt(items, at, key);
      if (!column || column.end === at) break;
      edges.push(Math.max(...items.slice(column.start, column.end).map(rightEdge)));
      baselines.push(items[column.end - 1]!);
      at = column.end;
    }
    const oneLine = baselines.every((b) => b.page === baselines[0]!.page && Math.abs(b.y - baselines[0]!.y) <= 2);
    if (edges.length === keys.length && oneLine) return { match: { start, end: at }, edges };
  }
  return undefined;
}

/** First index whose run is on a later page than `page + 1`: a table row is never further away. */
function pageLimit(items: readonly PrintedItem[], from: number, page: number): number {
  let i = from;
  while (i < items.length && items[i]!.page <= page + 1) i++;
  return i;
}

const NUMBER = /^[−-]?\d[\d,.]*%?$/u;
/** Figures in messages with plain spaces (they are printed with non-breaking ones). */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ').trim();

export function checkTables(tables: ExpectedTable[], printed: PrintedText): PlanIssue[] {
  const issues: PlanIssue[] = [];
  let cursor = 0;
  for (const table of tables) cursor = checkTable(table, printed, cursor, issues);
  return issues;
}

/** One table from `cursor` on; returns where the next table's search begins. */
function checkTable(table: ExpectedTable, printed: PrintedText, cursor: number, issues: PlanIssue[]): number {
  const { items } = printed;
  const header = findHeader(items, cursor, table);
  if (!header) {
    // Its rows are still looked for, so that the message can name them; their columns cannot be checked.
    const columns = table.columns.map((c) => quoted(c, 30)).join(', ');
    issues.push({ path: table.path, message: `${table.name}: kolumnrubrikerna ${columns} syns inte i PDF:en (de saknas eller står utanför sidan)` });
  }
  let at = header ? header.match.end : cursor;
  // Without its heading row the table's first row may be anywhere further on.
  let page = header ? items[header.match.start]!.page : undefined;
  for (const row of table.rows) {
    const where = `${table.name}, raden ${quoted(row.label)}`;
    const label = findFrom(items, at, matchKey(row.label), page === undefined ? items.length : pageLimit(items, at, page));
    // A label that prints nothing (blank) leaves the row's first figure to say where the row is.
    const labelItems = label ? items.slice(label.start, Math.max(label.end, label.start + 1)) : [];
    if (!label || labelItems.length === 0) {
      issues.push({ path: row.path, message: `${where} syns inte i PDF:en (den saknas eller står utanför sidan)` });
      continue;
    }
    page = labelItems.at(-1)!.page;
    at = checkCells(table, row, where, labelItems, label.end, header?.edges, printed, issues);
  }
  return header || at > cursor ? at : cursor;
}

/** A row's figures after its label, in column order; returns the index after the last one found. */
function checkCells(
  table: ExpectedTable,
  row: ExpectedRow,
  where: string,
  labelItems: PrintedItem[],
  from: number,
  edges: number[] | undefined,
  { items, pages }: PrintedText,
  issues: PlanIssue[],
): number {
  const page = labelItems.at(-1)!.page;
  // A cell is on the row's line(s): between its label's first and last line, a line's height either side.
  const top = Math.max(...labelItems.map((i) => i.y + i.fontSize));
  const bottom = Math.min(...labelItems.map((i) => i.y - i.fontSize));
  const inRow = (item: PrintedItem | undefined): item is PrintedItem =>
    item !== undefined && item.page === page && item.y <= top && item.y >= bottom;
  // The column whose heading ends nearest: flush right under a right-aligned heading, and still
  // nearest its own when a theme centres the headings.
  const columnAt = (item: PrintedItem) => {
    let best = -1;
    (edges ?? []).forEach((edge, i) => {
      if (best < 0 || Math.abs(rightEdge(item) - edge) < Math.abs(rightEdge(item) - edges![best]!)) best = i;
    });
    return best;
  };
  const columnName = (column: number) => quoted(table.columns[column] ?? '', 30);
  let at = from;
  row.cells.forEach((expected, column) => {
    if (expected === null) return;
    const cell = `${where}, kolumnen ${columnName(column)}`;
    // Something printed in a blank column (a dash, a zero) is not this cell's figure.
    while (edges && inRow(items[at]) && row.cells[columnAt(items[at]!)] === null && columnAt(items[at]!) !== column) at++;
    const item = items[at];
    if (inRow(item) && item.key === matchKey(expected)) {
      at++;
      const sheet = pages[item.page - 1]!;
      if (!onPage(item, sheet)) {
        const span = `x ${Math.round(item.x)}–${Math.round(rightEdge(item))} pt, sidan är ${Math.round(sheet.width)} pt bred`;
        issues.push({ path: row.path, message: `${cell}: beloppet ${plain(expected)} hamnade utanför sidan ${item.page} (${span})` });
      } else if (edges && columnAt(item) !== column) {
        issues.push({ path: row.path, message: `${cell}: beloppet ${plain(expected)} står under kolumnen ${columnName(columnAt(item))}` });
      }
    } else if (inRow(item) && NUMBER.test(item.key)) {
      at++;
      issues.push({ path: row.path, message: `${cell}: PDF:en visar ${plain(item.text)} men budgeten räknade fram ${plain(expected)}` });
    } else {
      issues.push({ path: row.path, message: `${cell}: beloppet ${plain(expected)} syns inte i PDF:en (det saknas eller står utanför sidan)` });
    }
  });
  return at;
}
