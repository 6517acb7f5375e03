// The budget engine: pure integer arithmetic over a plan's budget. It computes every sum, subtotal,
// result, carry-forward, balancing value and varav remainder; the plan itself never states a total.
//
// The work is a chain of small pure steps (in budget/), run like markdown-it's rules: each takes the
// state and returns it with what it checked or computed. Three phases, each ending where refusals stop
// the chain: checks (negative costs, columns, tree, references, capital), the evaluation order, and
// values (row values, then per column: opening capital, balancing row, result chain, capital and
// deficit; then varav rows).
import type { BudgetInput } from '../load/schema.js';
import type { BudgetNames, ComputedBudget } from '../model.js';
import type { PlanIssue } from '../errors.js';
import { balance } from './budget/balance.js';
import { checkCapital, columnOrder, openingCapital } from './budget/capital.js';
import { checkDetails, checkNames, checkRows, takesRefusedContributions, warnUnusedDetails } from './budget/checks.js';
import { columns } from './budget/columns.js';
import { detailTables } from './budget/details.js';
import { namedValues, standInNames } from './budget/named.js';
import { negativeCosts } from './budget/negativeCosts.js';
import { sumLikeRows } from './budget/sumLikeRows.js';
import { capitalUseRows } from './budget/capitalUseRows.js';
import { largeAmounts } from './budget/largeAmounts.js';
import { resultChain } from './budget/result.js';
import { runSteps, type BudgetContext, type ColumnStep, type Step, type TreeState, type ValuesState } from './budget/state.js';
import { budgetTable } from './budget/table.js';
import { tree } from './budget/tree.js';
import { balancingRows, contributionValues, detailValues, givenValues, initValues } from './budget/values.js';
import { varav } from './budget/varav.js';
import { capitalAndDeficit, contributionMismatch, emptyColumn, missingOutcomes } from './budget/warnings.js';

export type { BudgetContext } from './budget/state.js';
export { sumCells } from './budget/state.js';

export interface BudgetOutcome {
  budget?: ComputedBudget;
  /** With refusals: the names figures in the text may quote, so that they are checked in the same run. */
  names?: BudgetNames;
  /** Refusals: the plan is not built. */
  issues: PlanIssue[];
  /** Worth telling the board about, but the plan is built. */
  warnings: PlanIssue[];
}

/** Checks of the plan's references, before anything is computed. */
export const checkSteps: readonly Step<TreeState>[] = [checkDetails, checkNames, checkRows, warnUnusedDetails, checkCapital];
/** Each row's cells, before the columns are computed one by one. */
export const valueSteps: readonly Step<ValuesState>[] = [givenValues, detailValues, contributionValues, balancingRows];
/** Per column, in evaluation order: the chain from opening capital to closing capital. */
export const columnSteps: readonly ColumnStep<ValuesState>[] = [openingCapital, balance, resultChain, capitalAndDeficit, missingOutcomes, emptyColumn, contributionMismatch];

export function computeBudget(input: BudgetInput, context: BudgetContext): BudgetOutcome {
  const checked = runSteps(tree(columns(largeAmounts(capitalUseRows(sumLikeRows(negativeCosts({ input, context, issues: [], warnings: [] })))))), checkSteps);
  if (checked.issues.length > 0 || takesRefusedContributions(checked)) return findings(checked);
  const ordered = columnOrder(checked);
  if (ordered.issues.length > 0) return findings(ordered);

  let state = runSteps(initValues(ordered), valueSteps);
  for (const ci of state.order) state = columnSteps.reduce((s, step) => step(s, ci), state);
  state = varav(state);
  if (state.issues.length > 0) return { ...findings(state), names: standInNames(state) };

  const budget: ComputedBudget = {
    unit: input.unit,
    convention: input.convention,
    columns: [...state.columns],
    table: budgetTable(state),
    details: detailTables(state),
    totals: state.totals,
    named: namedValues(state),
  };
  return { ...findings(state), budget };
}

const findings = (state: { issues: readonly PlanIssue[]; warnings: readonly PlanIssue[] }) => ({ issues: [...state.issues], warnings: [...state.warnings] });
