// What charts are computed from, gathered from the plan and its computed parts (computePlan's hook).
import type { PlanInput } from '../load/schema.js';
import type { ComputedBudget, ComputedContributions } from '../model.js';
import type { ChartSources } from './data.js';

export function chartSources(
  input: Pick<PlanInput, 'budget' | 'contributions' | 'document'>,
  budget: ComputedBudget | undefined,
  contributions: ComputedContributions | undefined,
): ChartSources {
  return {
    hasBudget: input.budget !== undefined,
    budget,
    hasContributions: input.contributions !== undefined,
    contributions,
    budgetYear: input.document.budgetYear,
    costsNegative: input.budget?.costSign === 'negative',
    ceiling: input.budget?.capital?.ceiling,
  };
}
