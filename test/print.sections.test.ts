// The parts of a section on the printed page, in order: goals once each with their sub-goals under them
// (README: a goal with `id` can have sub-goals with `parent`), and a budget's specifications by its table.
import { afterAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { printPlan, PrintSession } from '../src/build.js';
import { computePlan } from '../src/compute/computePlan.js';
import { basePlan, budget } from './helpers/plans.js';
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
    const ownGroups = text.slice(0, text.indexOf('Delmål 1.'));
    for (const goal of ['Fler går till arbete.', 'Parterna samverkar.', 'Kansliet utvecklas.']) expect(occurrences(ownGroups, goal), goal).toBe(1);
    expect(text).toMatch(/1\. ?Fler går till arbete\. a\. ?Indikator för arbete\. 2\. ?Parterna samverkar\. a\. ?Indikator för samverkan\./);
    expect(text).toMatch(/C\. Kansliet utvecklas\. Indikator för kansliet\./);
    // A sub-goal in another group stands under its goal's text, as in Finnveden's plan, and the label the
    // goal is printed with in its own group: its number there, that group being numbered.
    expect(text).toMatch(/Delmål 1\. Fler går till arbete\. Delmål i en annan grupp\./);
  });
});

describe('a budget section', () => {
  it('prints its specifications right after the budget table, and its charts after them', async () => {
    const outcome = computePlan(
      basePlan({
        sections: [{ type: 'budget', title: 'Budget', charts: [{ kind: 'costs' }] }],
        budget: budget({
          costs: { rows: [{ label: 'Kansli', detail: 'kansli' }, { label: 'Insatser', values: { budget2025: 100 } }] },
          details: [{ id: 'kansli', title: 'Specifikation kansli', rows: [{ label: 'Lön till förbundschef', values: { budget2025: 700 } }] }],
        }),
      }),
      path.resolve('test/fixtures/plan.json'),
    );
    expect(outcome.issues).toEqual([]);
    const text = normalize((await pdfText((await printPlan(outcome.plan!, session)).pdf)).all);
    const at = (phrase: string) => {
      expect(text, phrase).toContain(phrase);
      return text.indexOf(phrase);
    };
    const order = [at('Summa kostnader'), at('Specifikation kansli'), at('Lön till förbundschef'), at('Kostnader per grupp 2025')];
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });
});
