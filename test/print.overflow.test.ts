// Something wider than the page's text makes Chromium shrink every page of the PDF or cut off what runs
// past the edge, without a word: vplan measures it at the page's width before each print and warns,
// naming the section and what to do. The examples and a plan of long words have nothing of the kind.
import { afterAll, describe, expect, it } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import { buildPlan, PrintSession } from '../src/build.js';
import { PrintCheckError } from '../src/check/check.js';
import { basePlan, budget } from './helpers/plans.js';
import { useTempDir } from './helpers/tempDir.js';
import { pdftotext } from './helpers/pdfText.js';
import { placedText } from './helpers/pdfPositions.js';

const dir = useTempDir('vplan-overflow');
const session = new PrintSession();
afterAll(() => session.close());

const WIDE = /bred, men sidans text bara \d+ mm; då förminskar webbläsaren varje sida i PDF:en eller skär av det som sticker ut/;

describe('something wider than the page', () => {
  it('is a warning at its section: a budget table of ten columns of nine-digit amounts', async () => {
    const years = [2024, 2025, 2026, 2027, 2028, 2029, 2030, 2031, 2032, 2033];
    const values = (base: number) => Object.fromEntries(years.map((y) => [`plan${y}`, base]));
    const plan = basePlan({
      sections: [
        { type: 'text', title: 'Inledning', text: 'Text.' },
        { type: 'budget', title: 'Budget' },
      ],
      budget: budget({
        columns: years.map((year) => ({ kind: 'plan' as const, year })),
        income: { rows: [{ label: 'Medlemsbidrag', values: values(987_654_321) }] },
        costs: { rows: [{ label: 'Kansli', values: values(987_654_321) }] },
      }),
    });
    plan.document.budgetYear = 2024;
    const file = path.join(dir(), 'wide.json');
    await writeFile(file, JSON.stringify(plan, null, 2));
    const { warnings } = await buildPlan(file, path.join(dir(), 'wide.pdf'), session);
    const wide = warnings.filter((w) => WIDE.test(w.message));
    expect(wide).toHaveLength(1);
    expect(wide[0]!.path).toEqual(['sections', 1]);
    expect(wide[0]!.message).toMatch(/^en tabell är \d+ mm bred, men sidans text bara 163 mm;.* ta bort en kolumn, eller visa beloppen i tkr: skriv "unit": "tkr" i delen "budget"$/);
    // At the section's line in the plan file.
    const lines = (await readFile(file, 'utf8')).split('\n');
    expect(lines[wide[0]!.line! - 1]).toMatch(/"type": "budget"|\{/);
    // The same plan in YAML is told what to write in YAML.
    const yamlFile = path.join(dir(), 'wide.yaml');
    await writeFile(yamlFile, stringify(plan));
    const { warnings: inYaml } = await buildPlan(yamlFile, path.join(dir(), 'wide-yaml.pdf'), session);
    expect(inYaml.filter((w) => WIDE.test(w.message)).map((w) => w.message)).toEqual([expect.stringMatching(/eller visa beloppen i tkr: skriv unit: tkr under budget:$/)]);
  });

  it('comes first among the self-check’s errors when it cut figures off at the page’s edge', async () => {
    const years = Array.from({ length: 14 }, (_, i) => 2024 + i);
    const values = Object.fromEntries(years.map((y) => [`plan${y}`, 98_765_432_100]));
    const plan = basePlan({
      sections: [{ type: 'budget', title: 'Budget' }],
      budget: budget({
        columns: years.map((year) => ({ kind: 'plan' as const, year })),
        income: { rows: [{ label: 'Medlemsbidrag', values }] },
        costs: { rows: [{ label: 'Kansli', values }] },
      }),
    });
    plan.document.budgetYear = 2024;
    const file = path.join(dir(), 'wider.json');
    await writeFile(file, JSON.stringify(plan, null, 2));
    const error = await buildPlan(file, path.join(dir(), 'wider.pdf'), session).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PrintCheckError);
    const [first, ...rest] = (error as PrintCheckError).describe().split('\n').slice(1);
    expect(first).toMatch(/wider\.json:\d+:\d+ sections\[0\]: en tabell är \d+ mm bred, men sidans text bara 163 mm/);
    expect(rest.join('\n')).toMatch(/står utanför sidan|PDF:en visar/);
  });

  it('is not what a table of eight columns of amounts in kr becomes: it is set smaller, its row texts readable', async () => {
    const years = [2024, 2025, 2026, 2027, 2028, 2029, 2030, 2031];
    const values = (base: number) => Object.fromEntries(years.map((y) => [`plan${y}`, base]));
    const plan = basePlan({
      sections: [{ type: 'budget', title: 'Budget' }],
      budget: budget({
        columns: years.map((year) => ({ kind: 'plan' as const, year })),
        income: {
          rows: [
            { label: 'Gislaveds kommun', values: values(505_250) },
            { label: 'Region Jönköpings län', values: values(1_264_500) },
            { label: 'Staten gm Försäkringskassan', values: values(2_529_000) },
          ],
        },
        costs: {
          rows: [
            {
              label: 'Samverkansteam Finnveden',
              values: values(4_298_750),
              varav: [{ label: 'Lönekostnader', values: values(3_100_000) }],
            },
          ],
        },
      }),
    });
    plan.document.budgetYear = 2024;
    const file = path.join(dir(), 'eight.json');
    await writeFile(file, JSON.stringify(plan, null, 2));
    const out = path.join(dir(), 'eight.pdf');
    const { warnings } = await buildPlan(file, out, session);
    expect(warnings.filter((w) => WIDE.test(w.message))).toEqual([]);
    // Each row's text on its amounts' line, whole: not a letter or a syllable a line.
    const text = await pdftotext(out);
    expect(text).toMatch(/^\s*Gislaveds kommun\s+505 250( +505 250){7}\s*$/m);
    expect(text).toMatch(/^\s*Region Jönköpings län\s+1 264 500( +1 264 500){7}\s*$/m);
    // A varav row indented under its row, its amounts apart, in smaller type than the row's.
    const rows = (await placedText(new Uint8Array(await readFile(out)))).flatMap((page) => page.items);
    const row = rows.find((item) => item.text.startsWith('Samverkansteam'))!;
    const varav = rows.find((item) => item.text.startsWith('Lönekostnader'))!;
    expect(varav.x).toBeGreaterThan(row.x + 5);
    // Amounts of as many digits: the narrower is in the smaller type.
    const amount = (text: string) => rows.find((item) => item.text.replace(/\s/g, ' ') === text)!;
    expect(amount('3 100 000').width).toBeLessThan(amount('4 298 750').width * 0.97);
    expect(text).toMatch(/Lönekostnader\s+3 100 000( +3 100 000){7}\s*$/m);
  });

  it('is nowhere in the examples', async () => {
    for (const example of ['data/finnveden-2025.json', 'data/sodra-vatterbygden-2013.yaml', 'data/botkyrka-huddinge-salem-2018']) {
      const { warnings } = await buildPlan(example, path.join(dir(), `${path.basename(example)}.pdf`), session);
      expect(warnings.filter((w) => WIDE.test(w.message)), example).toEqual([]);
    }
  });
});
