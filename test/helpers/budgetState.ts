// The budget engine's state at each phase, for testing one step alone.
import type { BudgetInput } from '../../src/load/schema.js';
import { columns } from '../../src/compute/budget/columns.js';
import { tree } from '../../src/compute/budget/tree.js';
import { columnOrder } from '../../src/compute/budget/capital.js';
import { initValues } from '../../src/compute/budget/values.js';
import { runSteps, type BudgetContext, type OrderedState, type TreeState, type ValuesState } from '../../src/compute/budget/state.js';
import { columnSteps, valueSteps } from '../../src/compute/budget.js';
import { varav } from '../../src/compute/budget/varav.js';
import { budget } from './plans.js';

export const noContext: BudgetContext = { contributionTotals: new Map() };

export const treeState = (input: BudgetInput = budget(), context = noContext): TreeState =>
  tree(columns({ input, context, issues: [], warnings: [] }));
export const orderedState = (input?: BudgetInput, context?: BudgetContext): OrderedState => columnOrder(treeState(input, context));
/** Every row's cells filled, the columns not yet computed. */
export const filledState = (input?: BudgetInput, context?: BudgetContext): ValuesState => runSteps(initValues(orderedState(input, context)), valueSteps);
/** Everything computed, ready for assembly. */
export function computedState(input?: BudgetInput, context?: BudgetContext): ValuesState {
  let state = filledState(input, context);
  for (const ci of state.order) state = columnSteps.reduce((s, step) => step(s, ci), state);
  return varav(state);
}
export const messages = (state: { issues: readonly { message: string }[] }) => state.issues.map((i) => i.message.replace(/\u00a0/g, ' '));
