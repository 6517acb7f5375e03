// Numbering and dispatch: every heading, a section's or a sub-part's, gets its number, level and anchor,
// and its typed content from the builder of its type.
import { describe, expect, it } from 'vitest';
import { computePlan } from '../../src/compute/computePlan.js';
import { walkSections } from '../../src/compute/sections.js';
import type { SectionInput } from '../../src/load/schema.js';
import { basePlan } from '../helpers/plans.js';

const computed = (sections: SectionInput[], headings?: { depth?: number }) => {
  const base = basePlan({ sections });
  const outcome = computePlan({ ...base, document: { ...base.document, headings } }, 'plan.json');
  if (!outcome.plan) throw new Error(outcome.issues.map((i) => i.message).join('; '));
  return walkSections(outcome.plan.sections);
};

describe('sections', () => {
  it('number headings to three levels, sub-parts included, and skip unnumbered and untitled ones', () => {
    const sections = computed([
      { type: 'text', title: 'Inledning', numbered: false },
      {
        type: 'organisation',
        title: 'Organisation',
        bodyHeadings: 'numbered',
        bodies: [{ role: 'styrelse' }, { role: 'kansli' }],
        sections: [{ type: 'text', title: 'Under', sections: [{ type: 'text', title: 'Djupt', sections: [{ type: 'text', title: 'Djupare' }] }] }],
      },
      { type: 'goals', title: 'Mål', groups: [{ goals: [{ text: 'Ett' }] }] },
    ]);
    expect(sections.map((s) => [s.type, s.number, s.level, s.title, s.anchor])).toEqual([
      ['text', null, 1, 'Inledning', 'avsnitt-0'],
      ['organisation', '1', 1, 'Organisation', 'avsnitt-1'],
      ['organisationBody', '1.1', 2, 'Styrelse', 'avsnitt-1-bodies-0'],
      ['organisationBody', '1.2', 2, 'Kansli', 'avsnitt-1-bodies-1'],
      ['text', '1.3', 2, 'Under', 'avsnitt-1-0'],
      ['text', '1.3.1', 3, 'Djupt', 'avsnitt-1-0-0'],
      ['text', null, 4, 'Djupare', 'avsnitt-1-0-0-0'],
      ['goals', '2', 1, 'Mål', 'avsnitt-2'],
      ['goalGroup', null, 2, '', 'avsnitt-2-groups-0'],
    ]);
  });

  it('number only as deep as the plan asks', () => {
    const sections = computed([{ type: 'text', title: 'A', sections: [{ type: 'text', title: 'B' }] }], { depth: 1 });
    expect(sections.map((s) => s.number)).toEqual(['1', null]);
  });

  it("give each section its type's content, and no more than its template prints (no JSON paths)", () => {
    const [vision, initiatives, initiative, organisation, goals, group] = computed([
      { type: 'vision', title: 'Vision', lead: 'Visionen:', showStatement: false },
      { type: 'initiatives', title: 'Insatser', items: [{ name: 'Steget', participants: { count: 12 } }] },
      { type: 'organisation', title: 'Organisation', bodies: [{ role: 'kansli', duties: ['Bereda'] }] },
      { type: 'goals', title: 'Mål', groups: [{ goals: [{ id: 'A', text: 'Ett' }] }] },
    ]);
    expect([vision?.type, vision?.content]).toEqual(['vision', { lead: 'Visionen:', statement: undefined, cornerstones: [] }]);
    expect([initiatives?.type, initiatives?.content]).toEqual(['initiatives', {}]);
    expect(initiative?.type === 'initiative' && initiative.content.participants).toBe('12 deltagare per år');
    expect(organisation?.content).toStrictEqual({
      bodies: [{ title: undefined, role: 'kansli', text: undefined, dutiesIntro: undefined, duties: ['Bereda'], textAfter: undefined }],
    });
    expect([goals?.type, goals?.content]).toEqual(['goals', {}]);
    expect(group?.content).toStrictEqual({
      kind: undefined,
      style: 'labelled',
      goals: [{ label: 'A', parent: undefined, text: 'Ett', subgoals: [] }],
      byParent: [],
      parentStyle: 'paragraphs',
    });
  });
});
