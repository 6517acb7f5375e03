import { describe, expect, it } from 'vitest';
import { buildGoals } from '../../../src/compute/sections/goals.js';
import type { SectionInputOf } from '../../../src/compute/sections/types.js';
import type { GoalGroupContent } from '../../../src/model.js';
import { sectionContext } from '../../helpers/sectionContext.js';

const groupsOf = (section: Omit<SectionInputOf<'goals'>, 'type' | 'title'>) => {
  const ctx = sectionContext();
  const children = buildGoals({ type: 'goals', title: 'Mål', ...section }, ['sections', 5], ctx).children;
  const contents = children.map((c): GoalGroupContent => {
    if (c.type !== 'goalGroup') throw new Error(`a ${c.type} among the goal groups`);
    return c.content;
  });
  return { ctx, children, contents };
};

describe('goals sections', () => {
  it('make each group a sub-section, numbered when the section says so', () => {
    const { children, ctx } = groupsOf({
      groupHeadings: 'numbered',
      groups: [{ title: 'Övergripande mål', text: 'Före {{budgetYear}}.', textAfter: 'Efter.', goals: [{ text: 'Fler i arbete' }] }, { goals: [{ text: 'Mål' }] }],
    });
    expect(children.map((c) => [c.type, c.title, c.numbered, c.path, c.text, c.textAfter])).toEqual([
      ['goalGroup', 'Övergripande mål', true, ['sections', 5, 'groups', 0], 'Före [budgetYear].', 'Efter.'],
      ['goalGroup', '', true, ['sections', 5, 'groups', 1], undefined, undefined],
    ]);
    expect(ctx.filled).toEqual(['sections/5/groups/0/goals/0/text', 'sections/5/groups/0/text', 'sections/5/groups/0/textAfter', 'sections/5/groups/1/goals/0/text']);
  });

  it('list goals as bullets, or labelled when one has a label, unless the group picks a style', () => {
    const { contents } = groupsOf({
      groups: [
        { kind: 'huvudmal', goals: [{ text: 'Ett' }] },
        { goals: [{ id: 'A', text: 'Ett' }, { text: 'Två' }] },
        { style: 'numbered', goals: [{ id: 'B', text: 'Ett' }] },
      ],
    });
    expect(contents.map((c) => [c.kind, c.style, c.parentStyle])).toEqual([
      ['huvudmal', 'bullets', 'paragraphs'],
      [undefined, 'labelled', 'paragraphs'],
      [undefined, 'numbered', 'numbered'],
    ]);
    expect(contents[1]!.goals).toEqual([
      { label: 'A', parent: undefined, text: 'Ett', subgoals: [] },
      { label: undefined, parent: undefined, text: 'Två', subgoals: [] },
    ]);
  });

  it('list sub-goals under the goal they name, even from another group', () => {
    const { contents, ctx } = groupsOf({
      groups: [
        { goals: [{ id: 'A', text: 'Fler i arbete {{budgetYear}}' }, { id: 'B', text: 'Fler studerar' }] },
        { goals: [{ text: 'A1', parent: 'A' }, { text: 'B1', parent: 'B' }, { text: 'A2', parent: 'A' }, { text: 'Lös' }] },
      ],
    });
    expect(contents[1]!.goals).toEqual([{ label: undefined, parent: undefined, text: 'Lös', subgoals: [] }]);
    expect(contents[1]!.byParent).toEqual([
      { parent: { id: 'A', label: 'A', text: 'Fler i arbete [budgetYear]' }, goals: [{ label: undefined, parent: 'A', text: 'A1' }, { label: undefined, parent: 'A', text: 'A2' }] },
      { parent: { id: 'B', label: 'B', text: 'Fler studerar' }, goals: [{ label: undefined, parent: 'B', text: 'B1' }] },
    ]);
    expect(ctx.issues).toEqual([]);
  });

  it('list sub-goals of a goal in the same group under that goal, once, and the rest under the goal repeated', () => {
    const { contents, ctx } = groupsOf({
      groups: [
        { style: 'numbered', goals: [{ id: 'A', text: 'Fler i arbete' }, { text: 'A1', parent: 'A' }, { id: 'B', text: 'Fler studerar' }, { text: 'B1', parent: 'B' }] },
        { goals: [{ text: 'A2', parent: 'A' }] },
      ],
    });
    expect(contents[0]!.goals).toEqual([
      { label: 'A', parent: undefined, text: 'Fler i arbete', subgoals: [{ label: undefined, parent: 'A', text: 'A1' }] },
      { label: 'B', parent: undefined, text: 'Fler studerar', subgoals: [{ label: undefined, parent: 'B', text: 'B1' }] },
    ]);
    expect(contents[0]!.byParent).toEqual([]);
    // Repeated as what it is shown as in its numbered group: "1.", not its label.
    expect(contents[1]!.byParent).toEqual([{ parent: { id: 'A', label: '1', text: 'Fler i arbete' }, goals: [{ label: undefined, parent: 'A', text: 'A2' }] }]);
    expect(ctx.issues).toEqual([]);
  });

  it('refuse a label given twice and a parent no goal has', () => {
    const { ctx } = groupsOf({ groups: [{ goals: [{ id: 'A', text: 'Ett' }, { id: 'A', text: 'Två' }, { text: 'Del', parent: 'C' }] }] });
    expect(ctx.issues).toEqual([
      {
        path: ['sections', 5, 'groups', 0, 'goals', 1, 'id'],
        message: 'beteckningen "A" har redan ett annat mål i avsnittet; ge varje mål en egen beteckning (t.ex. Ab)',
      },
      { path: ['sections', 5, 'groups', 0, 'goals', 2, 'parent'], message: 'inget mål i avsnittet har beteckningen "C"' },
    ]);
  });
});
