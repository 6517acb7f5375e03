// What the budget engine gets from the member contributions: per budget column, the total and each
// party's part (by party id), in the budget's unit.
import type { PlanInput } from '../load/schema.js';
import type { ComputedContributions } from '../model.js';
import type { PlanIssue } from '../errors.js';
import type { BudgetContext } from './budget.js';
import { convertAmount } from './references.js';
import { allocate } from './allocate.js';
import { yearColumnHint } from './budget/columns.js';

export function contributionContext(input: PlanInput, contributions: ComputedContributions | undefined, issues: PlanIssue[]): Omit<BudgetContext, 'budgetYear'> {
  const contributionTotals = new Map<string, number>();
  const contributionParts = new Map<string, Map<string, number>>();
  const contributionPartsByName = new Map<string, { id: string | undefined; parts: Map<string, number>; linked: Set<string> }>();
  if (contributions && input.budget) {
    const budget = input.budget;
    const budgetColumnIds = new Set(budget.columns.map((c) => c.id ?? `${c.kind}${c.year}`));
    for (const party of contributions.parties) if (party.id) contributionParts.set(party.id, new Map());
    // The budget column a contributions column stands beside: its budgetColumn, or else the budget's
    // own column for the same year (for comparing a budget row of a party's name, not to fill one).
    const sameYear = (year: number) => {
      const found = budget.columns.find((c) => c.kind === 'budget' && c.year === year);
      return found && (found.id ?? `${found.kind}${found.year}`);
    };
    contributions.columns.forEach((column, i) => {
      const beside = column.budgetColumn ?? sameYear(column.year);
      if (beside === undefined) return;
      if (!budgetColumnIds.has(beside)) {
        const year = yearColumnHint(beside, budget.columns, input.document);
        issues.push({
          path: ['contributions', 'columns', i, 'budgetColumn'],
          message: `budgeten har ingen kolumn "${column.budgetColumn}"${year ? ` – ${year}` : ''}; kolumnerna är ${[...budgetColumnIds].join(', ')}`,
        });
        return;
      }
      const total = convertAmount(column.total, contributions.unit, budget.unit, 0);
      if (column.budgetColumn !== undefined) contributionTotals.set(column.budgetColumn, total);
      // Each party's part in the budget's unit, rounded so that the parts add up to the total, as the
      // contributions table's are: rounded one by one (kr → tkr), five parts could make 1 tkr more.
      const amounts = contributions.parties.map((party) => party.amounts[i]!);
      const split = amounts.every((a) => a >= 0) && amounts.some((a) => a > 0) ? allocate(total, amounts) : undefined;
      contributions.parties.forEach((party, k) => {
        const part = split ? split[k]! : convertAmount(party.amounts[i]!, contributions.unit, budget.unit, 0);
        if (party.id && column.budgetColumn !== undefined) contributionParts.get(party.id)!.set(column.budgetColumn, part);
        const byName = contributionPartsByName.get(party.name) ?? { id: party.id, parts: new Map<string, number>(), linked: new Set<string>() };
        byName.parts.set(beside, part);
        if (column.budgetColumn !== undefined) byName.linked.add(beside);
        contributionPartsByName.set(party.name, byName);
      });
    });
  } else if (contributions?.columns.some((c) => c.budgetColumn !== undefined)) {
    issues.push({ path: ['contributions', 'columns'], message: '"budgetColumn" pekar på en budget, men planen har ingen "budget"' });
  }
  return { contributionTotals, contributionParts, contributionPartsByName, contributionsRefused: input.contributions !== undefined && contributions === undefined };
}
