// What the templates make of a section's parts, in the renderer's HTML (no browser): where textAfter
// stands, how goals are labelled, how an organ is titled.
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { computePlan } from '../src/compute/computePlan.js';
import { renderHtml } from '../src/render/html.js';
import type { SectionInput } from '../src/load/schema.js';
import { basePlan, budget } from './helpers/plans.js';

const render = async (sections: SectionInput[], overrides: Parameters<typeof basePlan>[0] = {}) => {
  const outcome = computePlan(basePlan({ sections, ...overrides }), path.resolve('test/fixtures/plan.json'));
  expect(outcome.issues).toEqual([]);
  return renderHtml(outcome.plan!, { generator: 'vplan test' });
};

/** The HTML's visible text, tags and soft hyphens dropped, whitespace folded. */
const textOf = (html: string) =>
  html
    .replace(/<style[^]*?<\/style>/g, '')
    .replace(/<[^>]*>/g, ' ')
    .replaceAll('\u00ad', '')
    .replace(/\s+/g, ' ');

/** The visible text from the section with this anchor on (avsnitt-0: the plan's first section). */
const from = (html: string, anchor: string) => textOf(html.slice(html.indexOf('>', html.indexOf(`id="${anchor}"`)) + 1));

describe('textAfter', () => {
  const last = 'EFTERTEXT';
  const cases: [string, SectionInput, string][] = [
    [
      'goals',
      { type: 'goals', title: 'Mål', groupHeadings: 'numbered', groups: [{ title: 'Övergripande', goals: [{ text: 'Fler i arbete' }] }, { title: 'Delmål', goals: [{ text: 'Sista delmålet' }] }], textAfter: last },
      'Sista delmålet',
    ],
    [
      'goals without group headings',
      { type: 'goals', title: 'Mål', groups: [{ goals: [{ text: 'Fler i arbete' }] }, { goals: [{ text: 'Sista delmålet' }] }], textAfter: last },
      'Sista delmålet',
    ],
    [
      'initiatives',
      { type: 'initiatives', title: 'Insatser', items: [{ name: 'Första', text: 'Om den.' }, { name: 'Sista', text: 'Sista insatsens text.', goals: ['Sista insatsmålet'] }], textAfter: last },
      'Sista insatsmålet',
    ],
    [
      'organisation with body headings',
      { type: 'organisation', title: 'Organisation', bodyHeadings: 'numbered', bodies: [{ role: 'styrelse', text: 'Sju ledamöter.' }, { role: 'kansli', duties: ['Sista uppgiften'] }], textAfter: last },
      'Sista uppgiften',
    ],
    [
      'organisation without body headings',
      { type: 'organisation', title: 'Organisation', bodies: [{ role: 'styrelse', text: 'Sju ledamöter.' }, { role: 'kansli', duties: ['Sista uppgiften'] }], textAfter: last },
      'Sista uppgiften',
    ],
    [
      'a text section with sub-sections',
      { type: 'text', title: 'Inledning', text: 'Före.', sections: [{ type: 'text', title: 'Bakgrund', text: 'Sista underavsnittet.' }], textAfter: last },
      'Sista underavsnittet.',
    ],
    [
      'vision',
      { type: 'vision', title: 'Vision', showStatement: false, cornerstones: [{ title: 'Samverkan', text: 'Sista hörnstenen.' }], textAfter: last },
      'Sista hörnstenen.',
    ],
    [
      'targetGroup',
      { type: 'targetGroup', title: 'Målgrupp', priorityGroups: { items: ['Unga', 'Sista gruppen'] }, textAfter: last },
      'Sista gruppen',
    ],
    ['budget', { type: 'budget', title: 'Budget', textAfter: last }, 'Resultat'],
    ['contributions', { type: 'contributions', title: 'Medlemsbidrag', textAfter: last }, 'Totalt'],
  ];
  const contributions = {
    parties: [
      { name: 'Staten', role: 'stat' as const },
      { name: 'Regionen', role: 'region' as const },
      { name: 'Kommunen', role: 'kommun' as const },
    ],
    columns: [{ year: 2025, total: 1000 }],
  };

  it.each(cases)('stands after everything in %s, the generated sub-sections included', async (_, section, lastContent) => {
    const html = await render([section, { type: 'text', title: 'Nästa avsnitt', text: 'Text.' }], { budget: budget(), contributions });
    const text = from(html, 'avsnitt-0');
    expect(text.indexOf(lastContent)).toBeGreaterThan(-1);
    expect(text.indexOf(last)).toBeGreaterThan(text.indexOf(lastContent));
    expect(text.indexOf(last)).toBeLessThan(text.indexOf('Nästa avsnitt'));
  });
});

describe('the contents', () => {
  it('list a heading in textAfter after the section’s sub-sections, where it is printed', async () => {
    const html = await render([
      {
        type: 'goals',
        title: 'Mål',
        groupHeadings: 'numbered',
        groups: [{ title: 'Övergripande mål', goals: [{ text: 'Fler i arbete' }] }, { title: 'Delmål', goals: [{ text: 'Ett delmål' }] }],
        textAfter: '## Indikatorer\n\nSå följs målen upp.',
      },
    ]);
    const nav = html.slice(html.indexOf('<nav class="contents"'), html.indexOf('</nav>'));
    const titles = [...nav.matchAll(/<span class="contents-title">([^<]*)</g)].map((m) => m[1]!.replaceAll('\u00ad', ''));
    expect(titles).toEqual(['Mål', 'Övergripande mål', 'Delmål', 'Indikatorer']);
    const body = textOf(html.slice(html.indexOf('</nav>')));
    expect(body).toMatch(/Mål .*Övergripande mål .*Delmål .*Indikatorer Så följs målen upp\./);
  });
});

describe('organs without headings of their own', () => {
  it('print the title the plan gives an organ in bold over its text, and no title the plan does not give', async () => {
    const html = await render([
      {
        type: 'organisation',
        title: 'Organisation',
        bodies: [
          { role: 'styrelse', title: 'Förbundsstyrelse', text: 'Sju ledamöter.' },
          { role: 'kansli', text: 'Förbundet har ett kansli.' },
        ],
      },
    ]);
    const text = from(html, 'avsnitt-0');
    expect(html.replaceAll('\u00ad', '')).toMatch(/<p class="org-body-title">Förbundsstyrelse<\/p>\s*<div class="prose"><p>Sju ledamöter\.<\/p>/);
    expect(text).toContain('Organisation Förbundsstyrelse Sju ledamöter. Förbundet har ett kansli.');
  });
});
