// Layout on the printed page: the vision on the title page, headings and lead lines kept with what they
// introduce, and the tables' zebra shading and group headings. Positions and fonts are read from the PDF.
import { afterAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { printPlan, PrintSession } from '../src/build.js';
import { computePlan } from '../src/compute/computePlan.js';
import type { PlanInput } from '../src/load/schema.js';
import { basePlan } from './helpers/plans.js';
import { placedText } from './helpers/pdfPositions.js';
import { textFonts } from './helpers/pdfTextFonts.js';

const session = new PrintSession();
afterAll(() => session.close());

async function print(plan: PlanInput, theme?: string) {
  if (theme) plan.document.theme = theme;
  const outcome = computePlan(plan, path.resolve('test/fixtures/plan.json'));
  expect(outcome.issues).toEqual([]);
  return printPlan(outcome.plan!, session);
}

const withVision = (vision: NonNullable<PlanInput['document']['vision']>) => {
  const plan = basePlan();
  plan.document.vision = vision;
  return plan;
};

describe('the vision on the title page', () => {
  it('stands on the title page without a lead, bold in kommunal and italic in modern (the theme decides)', async () => {
    for (const [theme, face] of [['kommunal', /^Carlito-Bold$/], ['modern', /^OpenSans-Italic$/]] as const) {
      const { pdf, html } = await print(withVision({ statement: 'Plats för alla', showOnTitlePage: true }), theme);
      expect(html).not.toContain('<p class="tp-vision-lead"');
      const runs = (await textFonts(pdf, [1])).filter((r) => r.text.includes('Plats för alla'));
      expect(runs, theme).toHaveLength(1);
      expect(runs[0]!.font, theme).toMatch(face);
    }
  });

  it('shows the lead above it when there is one, and leaves the vision out when showOnTitlePage is false', async () => {
    const led = await textFonts((await print(withVision({ statement: 'Plats för alla', titlePageLead: 'Vår vision:' }))).pdf, [1]);
    expect(led.map((r) => r.text).join(' ')).toMatch(/Vår vision:.*Plats för alla/);
    const hidden = await textFonts(
      (await print(withVision({ statement: 'Plats för alla', titlePageLead: 'Vår vision:', showOnTitlePage: false }))).pdf,
      [1],
    );
    expect(hidden.map((r) => r.text).join(' ')).not.toMatch(/Vår vision|Plats för alla/);
  });
});

// ---------------------------------------------------------------- keep with next

const fillerText = (paragraphs: number) => Array.from({ length: paragraphs }, (_, i) => `Fyllnadsstycke ${i + 1}.`).join('\n\n');
const smallBudget = {
  unit: 'kr' as const,
  convention: 'result' as const,
  columns: [{ kind: 'budget' as const, year: 2025 }],
  income: { rows: [1, 2, 3, 4].map((i) => ({ label: `Intäktsrad ${i}`, values: { budget2025: 1000 + i } })) },
  costs: { rows: [1, 2, 3, 4, 5].map((i) => ({ label: `Kostnadsrad ${i}`, values: { budget2025: 1000 + i } })) },
};
const markdownTable = `| Post | Belopp |\n|---|--:|\n${[1, 2, 3, 4, 5, 6, 7, 8].map((i) => `| Tabellrad ${i} | ${100 + i} |`).join('\n')}`;

/**
 * The page of the first run matching each pattern. Each case's filler is chosen so that the table does
 * not fit under the filler: the break falls between them, and what introduces the table must follow it.
 */
async function pagesOf(plan: PlanInput, patterns: Record<string, RegExp>) {
  plan.document.tableOfContents = false;
  const runs = await textFonts((await print(plan)).pdf);
  return Object.fromEntries(Object.entries(patterns).map(([name, re]) => [name, runs.find((r) => re.test(r.text))?.page]));
}

describe('keep with next', () => {
  it('keeps a whole lead paragraph with its budget table: no last line alone at the top of the next page', async () => {
    const lead = `Budgeten ${'med en lång inledning som fortsätter '.repeat(7)}enligt nedan:`;
    const pages = await pagesOf(
      basePlan({
        sections: [
          { type: 'text', title: 'Fyllnad', text: fillerText(24) },
          { type: 'budget', title: 'Budgetrubrik', text: lead },
        ],
        budget: smallBudget,
      }),
      { filler: /Fyllnadsstycke 24\./, heading: /Budgetrubrik/, leadStart: /^Budgeten med/, leadEnd: /enligt nedan:/, row: /Intäktsrad 1/ },
    );
    expect(pages.filler).toBeLessThan(pages.row!);
    expect([pages.heading, pages.leadStart, pages.leadEnd]).toEqual([pages.row, pages.row, pages.row]);
  });

  it('keeps a heading in the text (### in Markdown) and a lead line with the Markdown table they introduce', async () => {
    const heading = await pagesOf(
      basePlan({ sections: [{ type: 'text', title: 'Fyllnad', text: `${fillerText(28)}\n\n### Tabellens rubrik\n\n${markdownTable}` }] }),
      { filler: /Fyllnadsstycke 28\./, heading: /Tabellens rubrik/, row: /Tabellrad 1/ },
    );
    expect(heading.filler).toBeLessThan(heading.row!);
    expect(heading.heading).toBe(heading.row);
    const lead = await pagesOf(
      basePlan({ sections: [{ type: 'text', title: 'Fyllnad', text: `${fillerText(29)}\n\nTabellen visar fördelningen enligt nedan:\n\n${markdownTable}` }] }),
      { filler: /Fyllnadsstycke 29\./, lead: /enligt nedan:/, row: /Tabellrad 1/ },
    );
    expect(lead.filler).toBeLessThan(lead.row!);
    expect(lead.lead).toBe(lead.row);
  });

  it("keeps a vision section's heading and lead with its cornerstones", async () => {
    const plan = basePlan({
      sections: [
        { type: 'text', title: 'Fyllnad', text: fillerText(24) },
        {
          type: 'vision',
          title: 'Vision och hörnstenar',
          lead: 'Förbundets vision är:',
          cornerstones: [1, 2, 3].map((i) => ({ title: `Hörnsten ${i}`, text: 'Text om hörnstenen. '.repeat(15) })),
        },
      ],
    });
    plan.document.vision = { statement: 'Plats för alla' };
    const pages = await pagesOf(plan, { filler: /Fyllnadsstycke 24\./, heading: /Vision och hörnstenar/, lead: /Förbundets vision/, first: /Hörnsten 1/ });
    expect(pages.filler).toBeLessThan(pages.first!);
    expect([pages.heading, pages.lead]).toEqual([pages.first, pages.first]);
  });
});

// ---------------------------------------------------------------- tables

const groupedBudget = {
  ...smallBudget,
  income: {
    rows: [
      { label: 'Staten', values: { budget2025: 1000 } },
      {
        label: 'Regionen',
        values: { budget2025: 500 },
        varav: [{ label: 'varav bidrag', values: { budget2025: 300 } }, { label: 'varav övrigt', remainder: true }],
      },
      { label: 'Kommunerna', values: { budget2025: 500 } },
      { label: 'Övrigt', values: { budget2025: 50 } },
    ],
  },
  costs: {
    rows: [
      {
        heading: 'Verksamhet',
        rows: [
          { label: 'Insats A', values: { budget2025: 400 }, varav: [{ label: 'varav lön', values: { budget2025: 300 } }] },
          { label: 'Insats B', values: { budget2025: 400 } },
        ],
      },
      { heading: 'Administration', rows: [{ label: 'Kansli', values: { budget2025: 500 } }] },
    ],
  },
};

describe('tables', () => {
  it('shades every other main row, a varav row with its main row, so the rhythm runs on after varav rows', async () => {
    const { html } = await print(basePlan({ sections: [{ type: 'budget', title: 'Budget' }], budget: groupedBudget }));
    const rows = [...html.matchAll(/<tr class="([^"]+)"><th scope="row[a-z]*" class="label"[^>]*>([^<]+)</g)].map(
      ([, classes, label]) => `${label!.replace(/\u00ad/g, '')}${classes!.split(' ').includes('stripe') ? ' ▒' : ''}`,
    );
    expect(rows).toEqual([
      'Intäkter',
      'Staten',
      'Regionen ▒',
      'varav bidrag ▒',
      'varav övrigt ▒',
      'Kommunerna',
      'Övrigt ▒',
      'Summa intäkter',
      'Kostnader',
      'Verksamhet',
      'Insats A',
      'varav lön',
      'Insats B ▒',
      'Administration',
      'Kansli',
      'Summa kostnader',
      'Resultat',
    ]);
  });

  it('sets every heading in a table alike: the sides and the groups, in the same font at the same indent', async () => {
    for (const [theme, bold] of [['kommunal', 'Carlito-Bold'], ['modern', 'OpenSans-Bold']] as const) {
      const plan = basePlan({ sections: [{ type: 'budget', title: 'Budget' }], budget: groupedBudget });
      plan.document.tableOfContents = false;
      const { pdf } = await print(plan, theme);
      const runs = await placedText(pdf);
      const fonts = await textFonts(pdf);
      const headings = ['Intäkter', 'Kostnader', 'Verksamhet', 'Administration'].map((label) => ({
        font: fonts.find((r) => r.text === label)?.font,
        x: runs.flatMap((p) => p.items).find((r) => r.text === label)?.x,
      }));
      expect(new Set(headings.map((h) => h.font)), theme).toEqual(new Set([bold]));
      expect(new Set(headings.map((h) => h.x?.toFixed(1))).size, theme).toBe(1);
    }
  });

  it('prints a Markdown table like a budget table: full width, bold head, numbers flush with the budget table', async () => {
    const plan = basePlan({
      sections: [
        { type: 'text', title: 'Fördelning', text: 'Kostnaderna enligt nedan:\n\n| Post | Belopp |\n|---|--:|\n| Hyra | 800 |\n| Resor | 200 |\n| **Summa** | **1 000** |' },
        { type: 'budget', title: 'Budget' },
      ],
      budget: smallBudget,
    });
    plan.document.tableOfContents = false;
    const { pdf, html } = await print(plan);
    expect(html).toMatch(/<div class="prose">[^]*?<table>/);
    // Tagged in the PDF as the budget table is: each label heads its row.
    expect(html).toMatch(/<th scope="col">Post<\/th>[^]*?<th scope="row">Hyra<\/th>\s*<td style="text-align:right">800<\/td>/);
    const items = (await placedText(pdf)).flatMap((p) => p.items);
    const fonts = await textFonts(pdf);
    const right = (text: string) => {
      const item = items.find((i) => i.text === text)!;
      return item.x + item.width;
    };
    // The Markdown table's amounts end where the budget table's do: both tables span the text width.
    expect(Math.abs(right('800') - right('1 001'))).toBeLessThan(1);
    expect(Math.abs(right('Belopp') - right('Budget 2025'))).toBeLessThan(1);
    expect(fonts.find((r) => r.text === 'Post')?.font).toBe('Carlito-Bold');
    expect(fonts.find((r) => r.text === 'Hyra')?.font).toBe('Carlito-Regular');
    // Same size as the budget table's rows.
    const size = (text: string) => fonts.find((r) => r.text === text)?.size;
    expect(size('Hyra')).toBeCloseTo(size('Intäktsrad 1')!, 1);
  });
});
