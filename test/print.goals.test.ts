// Goals on the printed page: each goal once, its sub-goals under it (README: a goal with `id` can have
// sub-goals with `parent`), whether they stand in its own group or in another.
import { afterAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { printPlan, PrintSession } from '../src/build.js';
import { computePlan } from '../src/compute/computePlan.js';
import { basePlan } from './helpers/plans.js';
import { normalize, pdfText } from './helpers/pdfText.js';

const session = new PrintSession();
afterAll(() => session.close());

const occurrences = (text: string, phrase: string) => text.split(phrase).length - 1;

describe('goals with sub-goals', () => {
  it('print a goal once with the sub-goals of its own group under it, lettered in a numbered list', async () => {
    const outcome = computePlan(
      basePlan({
        sections: [
          {
            type: 'goals',
            title: 'Mål och indikatorer',
            groups: [
              {
                title: 'Övergripande mål',
                style: 'numbered',
                goals: [
                  { id: 'A', text: 'Fler går till arbete.' },
                  { parent: 'A', text: 'Indikator för arbete.' },
                  { id: 'B', text: 'Parterna samverkar.' },
                  { parent: 'B', text: 'Indikator för samverkan.' },
                ],
              },
              { title: 'Egna mål', goals: [{ id: 'C', text: 'Kansliet utvecklas.' }, { parent: 'C', text: 'Indikator för kansliet.' }] },
              { title: 'Delmål', style: 'paragraphs', goals: [{ parent: 'A', text: 'Delmål i en annan grupp.' }] },
            ],
          },
        ],
      }),
      path.resolve('test/fixtures/plan.json'),
    );
    expect(outcome.issues).toEqual([]);
    const text = normalize((await pdfText((await printPlan(outcome.plan!, session)).pdf)).all);
    const ownGroups = text.slice(0, text.indexOf('Delmål A.'));
    for (const goal of ['Fler går till arbete.', 'Parterna samverkar.', 'Kansliet utvecklas.']) expect(occurrences(ownGroups, goal), goal).toBe(1);
    expect(text).toMatch(/1\. ?Fler går till arbete\. a\. ?Indikator för arbete\. 2\. ?Parterna samverkar\. a\. ?Indikator för samverkan\./);
    expect(text).toMatch(/C\. Kansliet utvecklas\. Indikator för kansliet\./);
    // A sub-goal in another group stands under its goal's label and text, as in Finnveden's plan.
    expect(text).toMatch(/Delmål A\. Fler går till arbete\. Delmål i en annan grupp\./);
  });
});
