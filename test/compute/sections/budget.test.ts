import { describe, expect, it } from 'vitest';
import { buildBudget } from '../../../src/compute/sections/budget.js';
import { computedBudget, sectionContext } from '../../helpers/sectionContext.js';

describe('budget sections', () => {
  it('show the specifications unless told not to, and compute their charts', () => {
    const ctx = sectionContext({ budget: computedBudget() });
    expect(buildBudget({ type: 'budget', title: 'Budget' }, ['sections', 6], ctx)).toEqual({ content: { showDetails: true, charts: undefined }, children: [] });
    const built = buildBudget({ type: 'budget', title: 'Budget', showDetails: false, charts: [{ kind: 'costs', by: 'row' }] }, ['sections', 6], ctx);
    expect(built.content.showDetails).toBe(false);
    expect(built.content.charts?.map((c) => [c.kind, c.bars.map((b) => [b.label, b.value])])).toEqual([['costs', [['Kansli', 800]]]]);
    expect(ctx.issues).toEqual([]);
  });

  it('need the plan to have a budget', () => {
    const ctx = sectionContext();
    buildBudget({ type: 'budget', title: 'Budget' }, ['sections', 6], ctx);
    expect(ctx.issues).toEqual([{ path: ['sections', 6, 'type'], message: 'avsnittet visar budgeten, men planen har ingen "budget"' }]);
  });
});
