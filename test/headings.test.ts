// Headings: numbers "5.1" or "5.1.", how many levels are numbered, unnumbered headings in the contents
// or not, and ## headings in a section's text as its sub-headings: in the contents (whose page numbers
// the self-check reads back), in the bookmarks at their level, and set no larger than the section's.
import { afterAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { printPlan, PrintSession } from '../src/build.js';
import { computePlan } from '../src/compute/computePlan.js';
import { readOutline } from '../src/finish/outline.js';
import { planSchema, type PlanInput } from '../src/load/schema.js';
import { basePlan } from './helpers/plans.js';
import { normalize, pdfText } from './helpers/pdfText.js';
import { textFonts } from './helpers/pdfTextFonts.js';

const session = new PrintSession();
afterAll(() => session.close());

function plan(headings: NonNullable<PlanInput['document']['headings']>): PlanInput {
  const p = basePlan({
    sections: [
      { type: 'text', title: 'Inledning', text: 'Inledande text.\n\n## Bakgrund\n\nOm bakgrunden.\n\n### Förbundets **uppdrag**\n\nOm uppdraget.' },
      {
        type: 'text',
        title: 'Verksamhet',
        text: 'Om verksamheten.',
        sections: [{ type: 'text', title: 'Insatser', text: 'Om insatserna.', sections: [{ type: 'text', title: 'Nivå tre', text: 'Djupt.' }] }],
      },
      { type: 'text', title: 'Mål 2019', numbered: false, text: 'Fjolårets mål.' },
    ],
  });
  p.document.headings = headings;
  expect(planSchema.safeParse(p).success).toBe(true);
  return p;
}

async function print(p: PlanInput) {
  const outcome = computePlan(p, path.resolve('test/fixtures/plan.json'));
  expect(outcome.issues).toEqual([]);
  // printPlan reads the contents back from the PDF: every entry on the page it gives, or it throws.
  const { pdf } = await printPlan(outcome.plan!, session);
  return { pdf, text: (await pdfText(pdf)).pages.map(normalize), outline: await readOutline(pdf) };
}

describe('headings', () => {
  it('numbers "5.1." to the depth asked, and lists text sub-headings and unnumbered headings in the contents', async () => {
    const { pdf, text, outline } = await print(plan({ numbering: '5.1.', depth: 2 }));
    const contents = text[1]!;
    expect(contents).toMatch(/1\. Inledning \.* ?3 Bakgrund \.* ?3 Förbundets uppdrag \.* ?3 2\. Verksamhet \.* ?3 2\.1\. Insatser \.* ?3 Nivå tre \.* ?3 Mål 2019 \.* ?3/);
    const body = text.slice(2).join(' ');
    expect(body).toMatch(/1\. Inledning Inledande text\. Bakgrund Om bakgrunden\. Förbundets uppdrag Om uppdraget\./);
    expect(body).toMatch(/2\.1\. Insatser Om insatserna\. Nivå tre Djupt\./);
    expect(body).not.toMatch(/2\.1\.1/);

    // Bookmarks: the text's headings nested under their section, one level below it and below each other.
    const level = (title: string) => outline.find((e) => e.title === title)?.level;
    expect(level('Bakgrund')).toBe(level('1. Inledning')! + 1);
    expect(level('Förbundets uppdrag')).toBe(level('1. Inledning')! + 2);
    expect(level('Nivå tre')).toBe(level('2. Verksamhet')! + 2);

    // A text's heading is set no larger than its section's heading.
    const runs = await textFonts(pdf, [3]);
    const size = (t: string) => runs.find((r) => r.text.includes(t))!.size;
    expect(size('Bakgrund')).toBeLessThan(size('Inledning'));
    expect(size('Bakgrund')).toBe(size('Insatser'));
  });

  it('leaves unnumbered headings out of the contents when asked, and keeps "5." and "5.1" by default', async () => {
    const { text } = await print(plan({ unnumberedInContents: false }));
    const contents = text[1]!;
    expect(contents).toMatch(/1\. Inledning \.* ?3 2\. Verksamhet \.* ?3 2\.1 Insatser \.* ?3 2\.1\.1 Nivå tre \.* ?3/);
    expect(contents).not.toMatch(/Bakgrund|uppdrag|Mål 2019/);
    expect(text.slice(2).join(' ')).toMatch(/Mål 2019 Fjolårets mål\./);
  });
});

describe('headings in texts without a heading of their own', () => {
  // A förbund writes "# Ledamöter" in an organ's text, or "# Till läsaren" in the preface, as it would in
  // Word: a second h1 beside the chapters, at the top of the bookmarks. They belong under what holds them.
  const p = basePlan({
    sections: [
      { type: 'text', title: 'Inledning', text: 'Text.' },
      {
        type: 'organisation',
        title: 'Organisation',
        text: 'Om organisationen.',
        bodies: [{ role: 'styrelse', text: '# Ledamöter\n\nSju ledamöter.', duties: ['Beslutar om budget.'], textAfter: '## Möten\n\nSex möten.' }],
        textAfter: '# Samverkan\n\nOm samverkan.',
      },
      {
        type: 'vision',
        title: 'Vision',
        showStatement: false,
        cornerstones: [{ title: 'Samverkan', text: '# Så arbetar vi\n\nTillsammans.' }],
      },
    ],
  });
  p.document.preface = '# Till läsaren\n\nDetta är planen.';

  it('sets them one level below the section (the preface: below the title) and lists them in the contents', async () => {
    const { text, outline } = await print(p);
    const level = (title: string) => outline.find((e) => e.title.replace(/^\d+\.? /, '') === title)?.level;
    expect(level('Organisation')).toBe(level('Inledning'));
    expect(level('Ledamöter')).toBe(level('Organisation')! + 1);
    // Each text's highest heading is the one below the section, whatever its number of #.
    expect(level('Möten')).toBe(level('Organisation')! + 1);
    expect(level('Samverkan')).toBe(level('Organisation')! + 1);
    expect(level('Så arbetar vi')).toBe(level('Vision')! + 1);
    expect(level('Till läsaren')).toBe(level('Verksamhetsplan 2025')! + 1);
    // In the contents in the order printed: the organ's headings before the section's text after.
    expect(text[1]).toMatch(/Organisation \.* ?3 Ledamöter \.* ?3 Möten \.* ?3 Samverkan \.* ?3 \d+\.? Vision \.* ?\d Så arbetar vi \.* ?\d/);
    expect(text[1]).not.toMatch(/Till läsaren/);
  });
});
