import { describe, expect, it } from 'vitest';
import { buildTargetGroup } from '../../../src/compute/sections/targetGroup.js';
import { sectionContext } from '../../helpers/sectionContext.js';

describe('targetGroup sections', () => {
  it('keep the age range and fill the figures into every priority group', () => {
    const ctx = sectionContext();
    const built = buildTargetGroup(
      { type: 'targetGroup', title: 'Målgrupp', ageRange: { from: 16, to: 64 }, priorityGroups: { intro: 'Särskilt:', items: ['Unga', 'Budget {{budgetYear}}'] } },
      ['sections', 1],
      ctx,
    );
    expect(built).toEqual({
      content: { ageRange: { from: 16, to: 64 }, priorityGroups: { intro: 'Särskilt:', items: ['Unga', 'Budget [budgetYear]'] } },
      children: [],
    });
    expect(ctx.filled).toEqual(['sections/1/priorityGroups/items/0', 'sections/1/priorityGroups/items/1']);
    expect(ctx.issues).toEqual([]);
  });

  it('refuses an age range whose "från" is above its "till"', () => {
    const ctx = sectionContext();
    const built = buildTargetGroup({ type: 'targetGroup', title: 'Målgrupp', ageRange: { from: 30, to: 20 } }, ['sections', 0], ctx);
    expect(built.content).toEqual({ ageRange: { from: 30, to: 20 }, priorityGroups: undefined });
    expect(ctx.issues).toEqual([{ path: ['sections', 0, 'ageRange'], message: 'åldern "från" (30) är större än "till" (20)' }]);
  });
});
