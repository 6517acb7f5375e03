import { describe, expect, it } from 'vitest';
import { buildChart } from '../../../src/compute/sections/charts.js';
import { computedBudget, computedContributions, sectionContext } from '../../helpers/sectionContext.js';

describe('chart sections', () => {
  it('compute every chart in order', () => {
    const ctx = sectionContext({ budget: computedBudget(), contributions: computedContributions() });
    const { content, children } = buildChart({ type: 'chart', title: 'Diagram', charts: [{ kind: 'contributions' }, { kind: 'costs' }] }, ['sections', 9], ctx);
    expect(children).toEqual([]);
    expect(content.charts?.map((c) => c.kind)).toEqual(['contributions', 'costs']);
    expect(ctx.issues).toEqual([]);
  });

  it('leave out a chart with a problem, naming its path', () => {
    const ctx = sectionContext({ contributions: computedContributions() });
    const { content } = buildChart({ type: 'chart', title: 'Diagram', charts: [{ kind: 'costs' }, { kind: 'contributions' }] }, ['sections', 9], ctx);
    expect(content.charts?.map((c) => c.kind)).toEqual(['contributions']);
    expect(ctx.issues.map((i) => i.path)).toEqual([['sections', 9, 'charts', 0, 'kind']]);
  });
});
