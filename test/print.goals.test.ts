// Goals as printed: a goal repeated over its sub-goals in another group carries the label it was printed
// with in its own group, and sub-goals in a numbered list are lettered (README: "a, b …").
import { afterAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { printPlan, PrintSession } from '../src/build.js';
import { computePlan } from '../src/compute/computePlan.js';
import type { SectionInput } from '../src/load/schema.js';
import { basePlan } from './helpers/plans.js';
import { normalize, pdfText } from './helpers/pdfText.js';

const session = new PrintSession();
afterAll(() => session.close());

const printed = async (goals: Extract<SectionInput, { type: 'goals' }>['groups']) => {
  const outcome = computePlan(basePlan({ sections: [{ type: 'goals', title: 'Mål', groupHeadings: 'numbered', groups: goals }] }), path.resolve('test/fixtures/plan.json'));
  expect(outcome.issues).toEqual([]);
  const { pdf } = await printPlan(outcome.plan!, session);
  const text = normalize((await pdfText(pdf)).all).replaceAll('\u00ad', '');
  return text.slice(text.lastIndexOf('1.1 Övergripande mål'));
};

describe('goals in the PDF', () => {
  it('repeat a goal of a numbered group over its sub-goals with its number, and letter the sub-goals', async () => {
    const text = await printed([
      { title: 'Övergripande mål', style: 'numbered', goals: [{ id: 'A', text: 'Fler i arbete.' }, { id: 'B', text: 'Bättre samverkan.' }, { id: 'C', text: 'Ekonomi i balans.' }] },
      { title: 'Delmål', style: 'numbered', goals: [{ parent: 'A', text: 'Minst 35 % i arbete.' }, { parent: 'A', text: 'Minst 260 deltagare.' }, { parent: 'C', text: 'Kapitalet under taket.' }] },
    ]);
    expect(text).toContain('1.1 Övergripande mål 1. Fler i arbete. 2. Bättre samverkan. 3. Ekonomi i balans.');
    expect(text).toContain('1.2 Delmål 1. Fler i arbete. a. Minst 35 % i arbete. b. Minst 260 deltagare. 3. Ekonomi i balans. a. Kapitalet under taket.');
    expect(text).not.toMatch(/\b[ABC]\. /);
  });

  it('repeat a labelled goal with its label', async () => {
    const text = await printed([
      { title: 'Övergripande mål', goals: [{ id: 'A', text: 'Fler i arbete.' }, { id: 'B', text: 'Bättre samverkan.' }] },
      { title: 'Delmål', style: 'numbered', goals: [{ parent: 'B', text: 'Fler styrgrupper.' }] },
    ]);
    expect(text).toContain('1.1 Övergripande mål A. Fler i arbete. B. Bättre samverkan.');
    expect(text).toContain('1.2 Delmål B. Bättre samverkan. a. Fler styrgrupper.');
  });
});
