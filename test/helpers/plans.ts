// Small plans for tests, built from a minimal valid base.
import type { BudgetInput, PlanInput } from '../../src/load/schema.js';

export function basePlan(overrides: Partial<PlanInput> = {}): PlanInput {
  return {
    document: {
      association: { name: 'Testförbundet' },
      title: 'Verksamhetsplan 2025',
      budgetYear: 2025,
      status: { state: 'förslag' },
    },
    sections: [{ type: 'text', title: 'Inledning', text: 'Text.' }],
    ...overrides,
  };
}

export function budget(overrides: Partial<BudgetInput> = {}): BudgetInput {
  return {
    unit: 'kr',
    convention: 'result',
    columns: [{ kind: 'budget', year: 2025 }],
    income: { rows: [{ label: 'Medlemsbidrag', values: { budget2025: 1000 } }] },
    costs: { rows: [{ label: 'Kansli', values: { budget2025: 800 } }] },
    ...overrides,
  };
}
