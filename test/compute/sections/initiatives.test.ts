import { describe, expect, it } from 'vitest';
import { buildInitiatives } from '../../../src/compute/sections/initiatives.js';
import type { SectionInputOf } from '../../../src/compute/sections/types.js';
import { sectionContext } from '../../helpers/sectionContext.js';

type Participants = SectionInputOf<'initiatives'>['items'][number]['participants'];

const participants = (p: Participants) => {
  const ctx = sectionContext();
  const [child] = buildInitiatives({ type: 'initiatives', title: 'Insatser', items: [{ name: 'A', participants: p }] }, ['sections', 4], ctx).children;
  return { text: child?.type === 'initiative' ? child.content.participants : 'not an initiative', issues: ctx.issues.map((i) => i.message) };
};

describe('initiatives sections', () => {
  it('make each insats an unnumbered sub-section with its target group and goals', () => {
    const ctx = sectionContext();
    const built = buildInitiatives(
      {
        type: 'initiatives',
        title: 'Insatser',
        items: [
          { name: 'Steget vidare', text: 'Stöd {{budgetYear}}.', targetGroup: 'Unga', goals: ['Arbete', 'Studier'] },
          { name: 'Hälsa', goalsIntro: 'Insatsen ska:' },
        ],
      },
      ['sections', 4],
      ctx,
    );
    expect(built.content).toEqual({});
    expect(built.children).toEqual([
      {
        type: 'initiative',
        title: 'Steget vidare',
        numbered: false,
        path: ['sections', 4, 'items', 0],
        text: 'Stöd [budgetYear].',
        textAfter: undefined,
        content: { targetGroup: 'Unga', participants: undefined, goalsIntro: 'Mål:', goals: ['Arbete', 'Studier'] },
        children: [],
      },
      {
        type: 'initiative',
        title: 'Hälsa',
        numbered: false,
        path: ['sections', 4, 'items', 1],
        text: undefined,
        textAfter: undefined,
        content: { targetGroup: undefined, participants: undefined, goalsIntro: 'Insatsen ska:', goals: [] },
        children: [],
      },
    ]);
    expect(ctx.filled).toEqual(['sections/4/items/0/text', 'sections/4/items/0/targetGroup', 'sections/4/items/0/goals/0', 'sections/4/items/0/goals/1']);
  });

  it('write the participants as a count or a range, per year unless told', () => {
    expect(participants({ count: 40 })).toEqual({ text: '40 deltagare per år', issues: [] });
    expect(participants({ count: 40, approximate: true, per: 'termin' })).toEqual({ text: 'ca 40 deltagare per termin', issues: [] });
    expect(participants({ min: 40, max: 60 })).toEqual({ text: '40–60 deltagare per år', issues: [] });
  });

  it('refuse a count with a range, half a range, and a range upside down', () => {
    expect(participants({ count: 40, max: 60 })).toEqual({ text: undefined, issues: ['ange antingen "count" eller "min" och "max"'] });
    expect(participants({ min: 40 })).toEqual({ text: undefined, issues: ['ange "count", eller både "min" och "max"'] });
    expect(participants({ min: 60, max: 40 }).issues).toEqual(['"min" (60) är större än "max" (40)']);
  });
});
