// The state the budget engine's steps pass along. Each phase adds what its steps computed; a step
// never changes the state it is given, it returns a new one (see ../budget.ts for the chain).
import type { BudgetInput, GroupInput, RowInput } from '../../load/schema.js';
import type { BudgetColumn, Cells, Totals } from '../../model.js';
import type { JsonPath, PlanIssue } from '../../errors.js';

export interface BudgetContext {
  /** Member-contribution totals by budget column id, already in the budget's unit. */
  contributionTotals: Map<string, number>;
  /** Each party's contribution (by party id, then budget column id), in the budget's unit. */
  contributionParts?: Map<string, Map<string, number>>;
  /** The same by the party's name, as written in the contributions table: a budget row of the same name is compared with it. */
  contributionPartsByName?: Map<string, { id: string | undefined; parts: Map<string, number>; linked: Set<string> }>;
  /** The plan's budget year: deficits are only warned about from this year on, not in past columns. */
  budgetYear?: number;
  /** The plan's plan years (document.planYears), for naming a plan column whose year is typed wrong. */
  planYears?: readonly number[];
  /**
   * The plan has member contributions that could not be computed (their errors are reported): a row
   * that takes them stops the budget after its checks, without an error of its own, rather than being
   * told that no contributions column feeds the budget.
   */
  contributionsRefused?: boolean;
}

export type VaravInput = NonNullable<RowInput['varav']>[number];
export type Side = 'income' | 'costs';

export interface VaravNode {
  path: JsonPath;
  input: VaravInput;
}
export interface RowNode {
  kind: 'row';
  side: Side;
  path: JsonPath;
  input: RowInput;
  varav: VaravNode[];
}
export interface GroupNode {
  kind: 'group';
  side: Side;
  path: JsonPath;
  input: GroupInput;
  items: BudgetNode[];
}
export type BudgetNode = RowNode | GroupNode;

/** What every state carries: refusals (the plan is not built) and warnings, in the order found. */
export interface Findings {
  readonly issues: readonly PlanIssue[];
  readonly warnings: readonly PlanIssue[];
}

export interface StartState extends Findings {
  readonly input: BudgetInput;
  readonly context: BudgetContext;
}

export interface ColumnsState extends StartState {
  readonly columns: readonly BudgetColumn[];
  /** Column id → position; a repeated id keeps its first position. */
  readonly columnIndex: ReadonlyMap<string, number>;
}

export interface TreeState extends ColumnsState {
  readonly income: readonly BudgetNode[];
  readonly costs: readonly BudgetNode[];
  /** Every row, income first, in the order printed. */
  readonly rows: readonly RowNode[];
  readonly groups: readonly GroupNode[];
  /** Detail id → the budget row whose value is its SUMMA (the first row pointing to it). */
  readonly detailUsers: ReadonlyMap<string, JsonPath>;
}

export interface OrderedState extends TreeState {
  /** Column positions in evaluation order: a column whose capital is carried forward after its source. */
  readonly order: readonly number[];
}

export interface ValuesState extends OrderedState {
  /** Per detail table, per row, the row's cells. */
  readonly detailRowCells: readonly (readonly Cells[])[];
  readonly detailSums: ReadonlyMap<string, Cells>;
  /** Cells of every budget row, by path key. */
  readonly rowCells: ReadonlyMap<string, Cells>;
  /** Per column position: the row that balances it, if any. */
  readonly balancing: readonly (RowNode | undefined)[];
  /** Cells of every varav row (budget rows and detail rows), by path key. */
  readonly varavCells: ReadonlyMap<string, Cells>;
  readonly totals: Totals;
}

/** A step of one phase: takes the state, returns it with what it found or computed. */
export type Step<S> = (state: S) => S;
/** A step run once per column, in evaluation order (values that depend on the column before). */
export type ColumnStep<S> = (state: S, column: number) => S;

/** Runs steps in order, like markdown-it's rules. */
export function runSteps<S>(state: S, steps: readonly Step<S>[]): S {
  return steps.reduce((s, step) => step(s), state);
}

/** The state with more issues and warnings added. */
export function report<S extends Findings>(state: S, issues: readonly PlanIssue[] = [], warnings: readonly PlanIssue[] = []): S {
  if (issues.length === 0 && warnings.length === 0) return state;
  return { ...state, issues: [...state.issues, ...issues], warnings: [...state.warnings, ...warnings] };
}

export const pathKey = (path: JsonPath) => path.join('/');
export const BASE: JsonPath = ['budget'];

/** Sum of cells; blank only when every part is blank. */
export function sumCells(values: (number | null)[]): number | null {
  let sum: number | null = null;
  for (const v of values) if (v !== null) sum = (sum ?? 0) + v;
  return sum;
}

export const blankCells = (n: number): Cells => new Array<number | null>(n).fill(null);

/** A copy of `cells` with one cell changed. */
export function withCell(cells: Cells, column: number, value: number | null): Cells {
  const out = [...cells];
  out[column] = value;
  return out;
}

/** A copy of `map` with the cell at `key`, `column` changed. */
export function setCell(map: ReadonlyMap<string, Cells>, key: string, column: number, value: number | null, n: number): Map<string, Cells> {
  const out = new Map(map);
  out.set(key, withCell(map.get(key) ?? blankCells(n), column, value));
  return out;
}
