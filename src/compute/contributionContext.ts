// What the budget engine gets from the member contributions: per budget column, the total and each
// party's part (by party id), in the budget's unit.
import type { PlanInput } from '../load/schema.js';
import type { ComputedContributions } from '../model.js';
import type { PlanIssue } from '../errors.js';
import type { BudgetContext } from './budget.js';
import { convertAmount } from './references.js';

export function contributionContext(input: PlanInput, contributions: ComputedContributions | undefined, issues: PlanIssue[]): Omit<BudgetContext, 'budgetYear'> {
  const contributionTotals = new Map<string, number>();
  const contributionParts = new Map<string, Map<string, number>>();
  if (contributions && input.budget) {
    const budget = input.budget;
    const budgetColumnIds = new Set(budget.columns.map((c) => c.id ?? `${c.kind}${c.year}`));
    for (const party of contributions.parties) if (party.id) contributionParts.set(party.id, new Map());
    contributions.columns.forEach((column, i) => {
      if (column.budgetColumn === undefined) return;
      if (!budgetColumnIds.has(column.budgetColumn)) {
        issues.push({
          path: ['contributions', 'columns', i, 'budgetColumn'],
          message: `budgeten har ingen kolumn "${column.budgetColumn}"; kolumnerna är ${[...budgetColumnIds].join(', ')}`,
        });
        return;
      }
      contributionTotals.set(column.budgetColumn, convertAmount(column.total, contributions.unit, budget.unit, 0));
      for (const party of contributions.parties) {
        if (party.id) contributionParts.get(party.id)!.set(column.budgetColumn, convertAmount(party.amounts[i]!, contributions.unit, budget.unit, 0));
      }
    });
  } else if (contributions?.columns.some((c) => c.budgetColumn !== undefined)) {
    issues.push({ path: ['contributions', 'columns'], message: '"budgetColumn" pekar på en budget, men planen har ingen "budget"' });
  }
  return { contributionTotals, contributionParts, contributionsRefused: input.contributions !== undefined && contributions === undefined };
}
