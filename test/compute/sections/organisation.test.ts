import { describe, expect, it } from 'vitest';
import { buildOrganisation } from '../../../src/compute/sections/organisation.js';
import type { SectionInputOf } from '../../../src/compute/sections/types.js';
import { sectionContext } from '../../helpers/sectionContext.js';

const bodies: SectionInputOf<'organisation'>['bodies'] = [
  { role: 'styrelse', text: 'Sex ledamöter.', duties: ['Beslutar om budget {{budgetYear}}'] },
  { role: 'beredningsgrupp', title: 'Beredningsgruppen', dutiesIntro: 'Gruppen har följande uppdrag:', duties: ['Bereda'], textAfter: 'Efter.' },
];

describe('organisation sections', () => {
  it('print the organs under the section, with the title the plan gives (none from the role: the text names the organ)', () => {
    const ctx = sectionContext();
    const built = buildOrganisation({ type: 'organisation', title: 'Organisation', bodies }, ['sections', 3], ctx);
    expect(built).toEqual({
      content: {
        bodies: [
          { title: undefined, role: 'styrelse', text: 'Sex ledamöter.', dutiesIntro: undefined, duties: ['Beslutar om budget [budgetYear]'], textAfter: undefined },
          { title: 'Beredningsgruppen', role: 'beredningsgrupp', text: undefined, dutiesIntro: 'Gruppen har följande uppdrag:', duties: ['Bereda'], textAfter: 'Efter.' },
        ],
      },
      children: [],
    });
    expect(ctx.filled).toEqual(['sections/3/bodies/0/text', 'sections/3/bodies/0/duties/0', 'sections/3/bodies/1/duties/0', 'sections/3/bodies/1/textAfter']);
  });

  it('make each organ a sub-section when the organs have headings', () => {
    const ctx = sectionContext();
    const built = buildOrganisation({ type: 'organisation', title: 'Organisation', bodyHeadings: 'plain', bodies }, ['sections', 3], ctx);
    expect(built.content).toEqual({ bodies: [] });
    expect(built.children).toEqual([
      {
        type: 'organisationBody',
        title: 'Styrelse',
        numbered: false,
        path: ['sections', 3, 'bodies', 0],
        text: 'Sex ledamöter.',
        textAfter: undefined,
        content: { dutiesIntro: undefined, duties: ['Beslutar om budget [budgetYear]'], role: 'styrelse' },
        children: [],
      },
      {
        type: 'organisationBody',
        title: 'Beredningsgruppen',
        numbered: false,
        path: ['sections', 3, 'bodies', 1],
        text: undefined,
        textAfter: 'Efter.',
        content: { dutiesIntro: 'Gruppen har följande uppdrag:', duties: ['Bereda'], role: 'beredningsgrupp' },
        children: [],
      },
    ]);
    expect(built.children.map((c) => c.numbered)).toEqual([false, false]);
    expect(buildOrganisation({ type: 'organisation', title: 'O', bodyHeadings: 'numbered', bodies }, [], ctx).children.map((c) => c.numbered)).toEqual([true, true]);
    expect(ctx.issues).toEqual([]);
  });

  it('need a title for an organ of role "annat" when the organs have headings', () => {
    const ctx = sectionContext();
    buildOrganisation({ type: 'organisation', title: 'Organisation', bodyHeadings: 'numbered', bodies: [{ role: 'annat' }] }, ['sections', 0], ctx);
    expect(ctx.issues).toEqual([
      { path: ['sections', 0, 'bodies', 0, 'title'], message: 'organet behöver en rubrik ("title") när organen har rubriker' },
    ]);
  });
});
