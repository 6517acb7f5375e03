// Page breaks and options on generated plans: a long table repeats its header and prints its sums
// once; a plan can go without contents.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { checkPlan, printPlan, PrintSession } from '../src/build.js';
import { normalize, pdfText } from './helpers/pdfText.js';
import { basePlan, budget } from './helpers/plans.js';
import type { PlanInput } from '../src/load/schema.js';

const session = new PrintSession();
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'vplan-breaks-'));
});
afterAll(async () => {
  await session.close();
  await rm(dir, { recursive: true, force: true });
});

async function print(plan: PlanInput) {
  const file = path.join(dir, `plan-${Math.random().toString(36).slice(2)}.json`);
  await writeFile(file, JSON.stringify(plan));
  const { plan: computed } = await checkPlan(file);
  const { pdf } = await printPlan(computed, session);
  return pdfText(pdf);
}

describe('page breaks', () => {
  it('repeats the header row of a table that runs onto the next page, and prints Summa once', async () => {
    const rows = Array.from({ length: 90 }, (_, i) => ({ label: `Insats nummer ${i + 1}`, values: { budget2025: 1000 + i } }));
    const text = await print(
      basePlan({
        sections: [{ type: 'budget', title: 'Budget 2025' }],
        budget: budget({ columns: [{ kind: 'budget', year: 2025, label: 'Kolumnrubrik 2025' }], costs: { rows } }),
      }),
    );
    const withTable = text.pages.filter((p) => p.includes('Insats nummer'));
    expect(withTable.length).toBeGreaterThanOrEqual(2);
    for (const page of withTable) expect(page).toContain('Kolumnrubrik 2025');
    expect(text.all.match(/Summa kostnader/g)).toHaveLength(1);
    // Every row stands whole on one page: its label and its value on the same page.
    for (let i = 1; i <= 90; i++) {
      const page = text.pages.find((p) => normalize(p).includes(`Insats nummer ${i} `))!;
      expect(normalize(page)).toMatch(new RegExp(`Insats nummer ${i} ${String(1000 + i - 1).replace(/^(\d)(\d{3})$/, '$1 $2')}`));
    }
  });

  it('starts a table longer than a page under the text before it, and moves a short one that does not fit to the next page whole', async () => {
    const filler = Array.from({ length: 10 }, (_, i) => `Fyllnadsstycke ${i + 1}.`).join('\n\n');
    const table = (rows: number) =>
      print(
        basePlan({
          document: { ...basePlan().document, tableOfContents: false },
          sections: [
            { type: 'text', title: 'Fyllnad', text: filler },
            { type: 'budget', title: 'Budget 2025', text: 'Budgeten enligt nedan:' },
          ],
          budget: budget({ costs: { rows: Array.from({ length: rows }, (_, i) => ({ label: `Insats nummer ${i + 1}`, values: { budget2025: 1000 + i } })) } }),
        }),
      );
    const pageOf = (text: Awaited<ReturnType<typeof print>>, phrase: string) => text.pages.findIndex((p) => normalize(p).includes(phrase));
    // Longer than a page: on the page of the text before it, not after a page left two thirds empty.
    const long = await table(70);
    expect(pageOf(long, 'Insats nummer 1 ')).toBe(pageOf(long, 'Fyllnadsstycke 10.'));
    expect(pageOf(long, 'Insats nummer 70 ')).toBeGreaterThan(pageOf(long, 'Insats nummer 1 '));
    // Half a page, where less than half is left: whole on the next page, with its heading and lead.
    const short = await table(22);
    expect(pageOf(short, 'Insats nummer 1 ')).toBe(pageOf(short, 'Fyllnadsstycke 10.') + 1);
    expect(pageOf(short, 'Insats nummer 22 ')).toBe(pageOf(short, 'Insats nummer 1 '));
    expect(pageOf(short, 'Budgeten enligt nedan:')).toBe(pageOf(short, 'Insats nummer 1 '));
  });

  it('keeps a group heading row with the first row under it where a long table runs onto the next page', async () => {
    const groups = Array.from({ length: 45 }, (_, i) => ({ heading: `Grupprubrik ${i + 1}`, rows: [{ label: `Gruppens rad ${i + 1}`, values: { budget2025: 100 + i } }] }));
    const text = await print(basePlan({ sections: [{ type: 'budget', title: 'Budget 2025' }], budget: budget({ costs: { rows: groups } }) }));
    const pages = text.pages.map(normalize);
    expect(pages.filter((p) => p.includes('Grupprubrik')).length).toBeGreaterThanOrEqual(2);
    const pageOf = (words: string) => pages.findIndex((p) => new RegExp(`${words}(?!\\d)`).test(p));
    for (let i = 1; i <= 45; i++) {
      expect(pageOf(`Grupprubrik ${i}`), `group ${i}`).toBeGreaterThanOrEqual(0);
      expect(pageOf(`Grupprubrik ${i}`), `group ${i}`).toBe(pageOf(`Gruppens rad ${i}`));
    }
  });

  it('leaves out the contents when the plan says tableOfContents: false', async () => {
    const plan = basePlan();
    plan.document.tableOfContents = false;
    const text = await print(plan);
    expect(text.all).not.toContain('Innehåll');
    expect(normalize(text.pages[1] ?? '')).toContain('Inledning');
  });
});
