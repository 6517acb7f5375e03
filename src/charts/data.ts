// The figures of each chart the plan asks for, read from the computed budget and contributions (the
// model's types only: the budget engine is not called here). Bad options become Swedish issues naming
// the chart's path in the plan.
import type { JsonPath, PlanIssue } from '../errors.js';
import type { ChartInput } from '../load/schema/charts.js';
import type { BudgetColumn, ComputedBudget, ComputedContributions, TableRow, Unit } from '../model.js';
import { formatPercentTotal } from '../format.js';
import { altText } from './alt.js';
import type { ChartBar, ComputedChart } from './model.js';
import { chartAmount, chartValue, wholePercent } from './units.js';

/** What charts are computed from: the computed parts, and the two settings of the budget they need. */
export interface ChartSources {
  /** The plan has a budget; it may have been refused, and then `budget` is undefined. */
  hasBudget: boolean;
  budget: ComputedBudget | undefined;
  hasContributions: boolean;
  contributions: ComputedContributions | undefined;
  budgetYear: number;
  /** Costs printed negative in the table (budget.costSign "negative"): the chart shows them positive. */
  costsNegative: boolean;
  /** budget.capital.ceiling, in the budget's unit. */
  ceiling: number | undefined;
}

const list = (values: string[]) => values.map((v) => `"${v}"`).join(', ');
/** "a", "a och b", "a, b och c". */
const listed = (values: string[]) => (values.length < 2 ? values.join('') : `${values.slice(0, -1).join(', ')} och ${values.at(-1)}`);

/** Every chart of a `charts` list; a chart with a problem adds an issue and is left out. */
export function computeCharts(inputs: readonly ChartInput[], sources: ChartSources, path: JsonPath, issues: PlanIssue[]): ComputedChart[] {
  const charts: ComputedChart[] = [];
  inputs.forEach((input, i) => {
    const at = [...path, i];
    const chart = computeChart(input, sources, at, issues);
    if (!chart) return;
    const computed = { ...chart, alt: altText(chart) };
    // As JSON a chart is what the plan says of it (vplan diff compares sections as JSON): its figures
    // follow from the budget, whose changes are listed as such, and its id from where it stands.
    Object.defineProperty(computed, 'toJSON', { value: () => input, enumerable: false });
    charts.push(computed);
  });
  return charts;
}

type Draft = Omit<ComputedChart, 'alt'>;

function computeChart(input: ChartInput, sources: ChartSources, at: JsonPath, issues: PlanIssue[]): Draft | undefined {
  const id = `diagram-${at.filter((p) => p !== 'sections' && p !== 'charts').join('-')}`;
  if (input.kind === 'contributions') {
    if (!sources.hasContributions) {
      issues.push({ path: [...at, 'kind'], message: 'diagrammet visar medlemsbidragen, men planen har ingen "contributions"; lägg till dem eller ta bort diagrammet' });
    }
    return sources.contributions && contributionsChart(input, sources.contributions, sources.budgetYear, id, at, issues);
  }
  if (!sources.hasBudget) {
    const what = input.kind === 'costs' ? 'budgetens kostnader' : 'budgetens kapital';
    issues.push({ path: [...at, 'kind'], message: `diagrammet visar ${what}, men planen har ingen "budget"; lägg till den eller ta bort diagrammet` });
    return undefined;
  }
  const budget = sources.budget;
  if (!budget) return undefined; // refused: its problems are reported already
  return input.kind === 'costs' ? costsChart(input, budget, sources, id, at, issues) : capitalChart(input, budget, sources, id, at, issues);
}

function bar(label: string, amount: number, from: Unit, input: ChartInput, share?: string): ChartBar {
  const unit = input.unit ?? from;
  return { label, amount, value: chartValue(amount, from, unit), text: chartAmount(amount, from, unit), share };
}

/** Largest first; equal amounts keep the plan's order. */
const largestFirst = (bars: ChartBar[]) => bars.map((b, i) => [b, i] as const).sort(([a, i], [b, j]) => b.amount - a.amount || i - j).map(([b]) => b);

function findColumn(budget: ComputedBudget, id: string, at: JsonPath, issues: PlanIssue[]): number | undefined {
  const index = budget.columns.findIndex((c) => c.id === id);
  if (index < 0) issues.push({ path: at, message: `budgeten har ingen kolumn "${id}"; skriv en av ${list(budget.columns.map((c) => c.id))}` });
  return index < 0 ? undefined : index;
}

/** The budget year's budget column, else the first budget column, else the first column. */
function defaultColumn(columns: BudgetColumn[], budgetYear: number): number {
  const exact = columns.findIndex((c) => c.kind === 'budget' && c.year === budgetYear);
  if (exact >= 0) return exact;
  return Math.max(0, columns.findIndex((c) => c.kind === 'budget'));
}

const columnTitle = (what: string, column: BudgetColumn) => (column.kind === 'budget' ? `${what} ${column.year}` : `${what}, ${column.label.toLowerCase()}`);

const isUnder = (path: JsonPath, prefix: JsonPath) => path.length > prefix.length && prefix.every((p, i) => path[i] === p);
const samePath = (a: JsonPath, b: JsonPath) => a.length === b.length && a.every((p, i) => b[i] === p);

/** A group's name in a chart: its heading, else its subtotal's text without "Delsumma", else its id. */
function groupLabel(rows: TableRow[], path: JsonPath, index: number): string {
  const heading = rows.find((r) => r.kind === 'groupHeading' && samePath(r.path, path));
  if (heading?.label.trim()) return heading.label;
  const subtotal = rows.find((r) => r.kind === 'subtotal' && samePath(r.path, path));
  const name = subtotal?.label.replace(/^\s*(delsumma|summa)\s+/i, '').trim();
  if (name) return name.charAt(0).toUpperCase() + name.slice(1);
  return subtotal?.id ?? `Grupp ${index + 1}`;
}

function costsChart(
  input: Extract<ChartInput, { kind: 'costs' }>,
  budget: ComputedBudget,
  sources: ChartSources,
  id: string,
  at: JsonPath,
  issues: PlanIssue[],
): Draft | undefined {
  const column = input.column === undefined ? defaultColumn(budget.columns, sources.budgetYear) : findColumn(budget, input.column, [...at, 'column'], issues);
  if (column === undefined) return undefined;
  const sign = sources.costsNegative ? -1 : 1;
  const costs: JsonPath = ['budget', 'costs', 'rows'];
  const rows = budget.table.rows;
  const leaves = rows.filter((r) => r.kind === 'row' && isUnder(r.path, costs));
  const value = (r: TableRow) => (r.cells[column] === null || r.cells[column] === undefined ? null : sign * r.cells[column]!);
  const parts: { label: string; amount: number | null }[] = [];
  if (input.by === 'row') {
    for (const row of leaves) parts.push({ label: row.label, amount: value(row) });
  } else {
    // One bar per item at the top of the costs: a group's bar is the sum of its rows.
    const tops = new Map<number, TableRow[]>();
    for (const row of leaves) {
      const top = row.path[costs.length] as number;
      tops.set(top, [...(tops.get(top) ?? []), row]);
    }
    for (const [top, members] of tops) {
      const single = members.length === 1 && members[0]!.path.length === costs.length + 1;
      const amounts = members.map(value).filter((v): v is number => v !== null);
      parts.push({
        label: single ? members[0]!.label : groupLabel(rows, [...costs, top], top),
        amount: amounts.length === 0 ? null : amounts.reduce((a, b) => a + b, 0),
      });
    }
  }
  const total = budget.totals.costs[column] ?? 0;
  const shown = parts.filter((p): p is { label: string; amount: number } => p.amount !== null && p.amount !== 0);
  const col = budget.columns[column]!;
  if (shown.length === 0) {
    issues.push({ path: [...at, input.column === undefined ? 'kind' : 'column'], message: `kolumnen "${col.id}" har inga kostnader att visa; välj en annan kolumn med "column"` });
    return undefined;
  }
  // What the bars are in the title too: a plan may show the same column by group and by row.
  const title = columnTitle(input.by === 'row' ? 'Kostnader per rad' : 'Kostnader per grupp', col);
  const positive = shown.every((p) => p.amount > 0);
  return {
    kind: 'costs',
    id,
    title,
    caption: input.caption ?? title,
    unit: input.unit ?? budget.unit,
    orientation: 'horizontal',
    // Shares only of costs that are all costs: beside a refund (a negative row) a share would mislead.
    bars: largestFirst(shown.map((p) => bar(p.label, p.amount, budget.unit, input, positive ? wholePercent(p.amount, total) : undefined))),
  };
}

function capitalChart(
  input: Extract<ChartInput, { kind: 'capital' }>,
  budget: ComputedBudget,
  sources: ChartSources,
  id: string,
  at: JsonPath,
  issues: PlanIssue[],
): Draft | undefined {
  const indices = input.columns
    ? input.columns.map((c, i) => findColumn(budget, c, [...at, 'columns', i], issues))
    : budget.columns.map((_, i) => i);
  if (indices.some((i) => i === undefined)) return undefined;
  const bars = (indices as number[]).flatMap((i) => {
    const amount = budget.totals.closingCapital[i];
    return amount === null || amount === undefined ? [] : [bar(budget.columns[i]!.label, amount, budget.unit, input)];
  });
  if (bars.length === 0) {
    issues.push({
      path: [...at, 'kind'],
      message: 'budgeten har inget utgående kapital att visa; ange ingående kapital i budget.capital.opening (eller budget.capital.carryForward)',
    });
    return undefined;
  }
  const unit = input.unit ?? budget.unit;
  const ceiling = sources.ceiling;
  // The columns chosen, in the title: two capital charts of different columns are told apart.
  const chosen = input.columns && listed((indices as number[]).map((i) => budget.columns[i]!.label.toLowerCase()));
  const title = chosen ? `Utgående eget kapital, ${chosen}` : 'Utgående eget kapital';
  return {
    kind: 'capital',
    id,
    title,
    caption: input.caption ?? title,
    unit,
    orientation: 'vertical',
    bars,
    limit:
      ceiling === undefined
        ? undefined
        : { label: 'Tak', value: chartValue(ceiling, budget.unit, unit), text: chartAmount(ceiling, budget.unit, unit) },
  };
}

function contributionsChart(
  input: Extract<ChartInput, { kind: 'contributions' }>,
  contributions: ComputedContributions,
  budgetYear: number,
  id: string,
  at: JsonPath,
  issues: PlanIssue[],
): Draft | undefined {
  const years = contributions.columns.map((c) => c.year);
  const year = input.year ?? (years.includes(budgetYear) ? budgetYear : years.at(-1)!);
  const column = years.indexOf(year);
  if (column < 0) {
    issues.push({ path: [...at, 'year'], message: `medlemsbidragen har inget år ${year}; skriv ett av ${years.join(', ')}` });
    return undefined;
  }
  const title = `Medlemsbidrag ${year}`;
  const bars = contributions.parties
    .map((p) => ({ p, amount: p.amounts[column] }))
    .filter((x): x is { p: (typeof contributions.parties)[number]; amount: number } => typeof x.amount === 'number')
    .map(({ p, amount }) => bar(p.name, amount, contributions.unit, input, formatPercentTotal(p.share)));
  return {
    kind: 'contributions',
    id,
    title,
    caption: input.caption ?? title,
    unit: input.unit ?? contributions.unit,
    orientation: 'horizontal',
    bars: largestFirst(bars),
  };
}
