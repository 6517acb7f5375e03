import { describe, expect, it } from 'vitest';
import { buildContributions } from '../../../src/compute/sections/contributions.js';
import { computedContributions, sectionContext } from '../../helpers/sectionContext.js';

describe('contributions sections', () => {
  it("compute the section's charts from the contributions", () => {
    const ctx = sectionContext({ contributions: computedContributions() });
    const { content } = buildContributions({ type: 'contributions', title: 'Medlemsbidrag', charts: [{ kind: 'contributions' }] }, ['sections', 8], ctx);
    expect(content.charts?.map((c) => c.bars.map((b) => [b.label, b.value]))).toEqual([[['Kommunen', 600], ['Regionen', 400]]]);
    expect(ctx.issues).toEqual([]);
    expect(buildContributions({ type: 'contributions', title: 'Medlemsbidrag' }, ['sections', 8], ctx).content).toEqual({ charts: undefined });
  });

  it('need the plan to have contributions', () => {
    const ctx = sectionContext();
    buildContributions({ type: 'contributions', title: 'Medlemsbidrag' }, ['sections', 8], ctx);
    expect(ctx.issues).toEqual([{ path: ['sections', 8, 'type'], message: 'avsnittet visar medlemsbidragen, men planen har ingen "contributions"' }]);
  });
});
