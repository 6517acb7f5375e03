import { describe, expect, it } from 'vitest';
import { buildFollowUp } from '../../../src/compute/sections/followUp.js';
import { computedBudget, sectionContext } from '../../helpers/sectionContext.js';

const withOutcome = () =>
  computedBudget({
    columns: [{ kind: 'budget', year: 2025 }, { kind: 'utfall', year: 2025 }],
    income: { rows: [{ label: 'Medlemsbidrag', values: { budget2025: 1000, utfall2025: 1000 } }] },
    costs: { rows: [{ label: 'Kansli', values: { budget2025: 800, utfall2025: 750 } }] },
  });

describe('followUp sections', () => {
  it('compare the outcome with the budget, row by row', () => {
    const ctx = sectionContext({ budget: withOutcome() });
    const { content, children } = buildFollowUp({ type: 'followUp', title: 'Uppföljning', differenceLabel: 'Skillnad' }, ['sections', 7], ctx);
    expect(children).toEqual([]);
    expect(content.table?.columnLabels).toEqual(['Budget 2025', 'Utfall 2025', 'Skillnad']);
    expect(content.table?.rows.find((r) => r.label === 'Kansli')?.cells).toEqual([800, 750, -50]);
    expect(ctx.issues).toEqual([]);
  });

  it('have no table without a budget, or when the budget was refused', () => {
    const none = sectionContext();
    expect(buildFollowUp({ type: 'followUp', title: 'Uppföljning' }, ['sections', 7], none).content).toEqual({ table: undefined });
    expect(none.issues).toEqual([{ path: ['sections', 7, 'type'], message: 'uppföljningen jämför budgetens kolumner, men planen har ingen "budget"' }]);

    const refused = sectionContext({ hasBudget: true });
    expect(buildFollowUp({ type: 'followUp', title: 'Uppföljning' }, ['sections', 7], refused).content).toEqual({ table: undefined });
    expect(refused.issues).toEqual([]);
  });
});
