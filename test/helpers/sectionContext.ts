// A context for the section builders without a budget engine or a browser: figures in prose are
// "filled" by a resolver that marks them and records where, so a test sees which fields were filled.
import type { SectionContext } from '../../src/compute/sections/context.js';
import type { JsonPath } from '../../src/errors.js';
import type { ComputedBudget, ComputedContributions } from '../../src/model.js';
import { computePlan } from '../../src/compute/computePlan.js';
import { basePlan, budget as budgetInput } from './plans.js';
import type { BudgetInput } from '../../src/load/schema.js';

export interface TestContext extends SectionContext {
  /** The JSON paths of every field filled, "sections/0/text". */
  filled: string[];
}

export function sectionContext(overrides: Partial<SectionContext> = {}): TestContext {
  const filled: string[] = [];
  const budget = overrides.budget;
  const contributions = overrides.contributions;
  return {
    filled,
    resolver: {
      resolve: (text: string, path: JsonPath) => {
        filled.push(path.join('/'));
        return text.replace(/\{\{\s*([^{}]*?)\s*\}\}/g, '[$1]');
      },
    },
    issues: [],
    visionStatement: undefined,
    hasBudget: budget !== undefined,
    budget,
    contributions,
    charts: {
      hasBudget: budget !== undefined,
      budget,
      hasContributions: contributions !== undefined,
      contributions,
      budgetYear: 2025,
      costsNegative: false,
      ceiling: undefined,
    },
    ...overrides,
  };
}

/** A budget computed by the engine from a small plan (helpers/plans.ts budget() with overrides). */
export function computedBudget(overrides: Partial<BudgetInput> = {}): ComputedBudget {
  const outcome = computePlan(basePlan({ budget: budgetInput(overrides), sections: [{ type: 'budget', title: 'Budget' }] }), 'plan.json');
  if (!outcome.plan?.budget) throw new Error(`the test budget was refused: ${outcome.issues.map((i) => i.message).join('; ')}`);
  return outcome.plan.budget;
}

/** Contributions as computed: two members, 60/40. */
export function computedContributions(): ComputedContributions {
  return {
    caption: undefined,
    unit: 'kr',
    partyHeader: 'Medlem',
    shareHeader: 'Andel %',
    totalLabel: 'Summa',
    columns: [{ id: 'y2025', year: 2025, label: '2025', budgetColumn: 'budget2025', total: 1000 }],
    parties: [
      { id: 'a', name: 'Kommunen', share: 6000, amounts: [600] },
      { id: 'b', name: 'Regionen', share: 4000, amounts: [400] },
    ],
    totalShare: 10000,
  };
}
