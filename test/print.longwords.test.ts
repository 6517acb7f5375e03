// Long words stay on the page: a 160-character compound or a pasted web address as a budget row's
// label, a 120-character word in a heading and the contents, and a 500-character title. The amounts
// keep their columns inside the page, the running header is shortened to fit, the title page wraps,
// and the PDF's text, bookmarks and properties carry the words without soft hyphens or stray spaces.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { buildPlan, PrintSession } from '../src/build.js';
import { readOutline } from '../src/finish/outline.js';
import { formatInteger } from '../src/format.js';
import { basePlan, budget } from './helpers/plans.js';
import { placedText, squeezed, type PlacedPages } from './helpers/pdfPositions.js';
import type { PlanInput } from '../src/load/schema.js';

const COMPOUND = 'Arbetsmarknadsinsatsutvärderingsprojektsamordningsförbundsgemensamma'.repeat(2) + 'kompetensutvecklingskostnader';
const ADDRESS = `https://www.example.se/${'verksamhetsplanering'.repeat(7)}`;
const HEADING_WORD = 'Samordningsförbundsgemensamma'.repeat(4);
const TITLE = 'Verksamhetsplan med budget för samordningsförbundets rehabiliteringsinsatser '.repeat(7).slice(0, 500).trim();
const YEARS = ['utfall2023', 'budget2024', 'prognos2024', 'budget2025', 'plan2026', 'plan2027'] as const;
const values = (base: number) => Object.fromEntries(YEARS.map((id, i) => [id, base + i * 1_111]));
/** Every row's figures, each printed once (sums included below). */
const ROWS = [
  { label: 'Medlemsbidrag från Försäkringskassan och Region Jönköpings län', values: values(2_529_000) },
  { label: COMPOUND, values: values(3_150_000) },
  { label: ADDRESS, values: values(1_264_500) },
  { label: 'Kompetensutveckling', values: values(200_000) },
];

function longPlan(): PlanInput {
  const plan = basePlan({
    sections: [
      { type: 'text', title: 'Inledning', text: 'Text.' },
      { type: 'text', title: `Om ${HEADING_WORD}`, text: 'Mer text.' },
      { type: 'budget', title: 'Budget' },
    ],
    budget: budget({
      columns: [
        { kind: 'utfall', year: 2023 },
        { kind: 'budget', year: 2024 },
        { kind: 'prognos', year: 2024 },
        { kind: 'budget', year: 2025 },
        { kind: 'plan', year: 2026 },
        { kind: 'plan', year: 2027 },
      ],
      income: { rows: [ROWS[0]!] },
      costs: { rows: ROWS.slice(1) },
    }),
  });
  plan.document.title = TITLE;
  plan.document.dnr = '2024:11';
  return plan;
}

const session = new PrintSession();
let dir: string;
const built = new Map<string, { pdf: Uint8Array; pages: PlacedPages[] }>();
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'vplan-long-'));
  const file = path.join(dir, 'long.json');
  await writeFile(file, JSON.stringify(longPlan()));
  for (const theme of ['kommunal', 'modern']) {
    const out = path.join(dir, `${theme}.pdf`);
    const { warnings } = await buildPlan(file, out, session, { theme });
    // Long words wrap or break; nothing is wider than the page (see print.overflow.test.ts).
    expect(warnings.filter((w) => /bred, men sidans text/.test(w.message))).toEqual([]);
    const pdf = new Uint8Array(await readFile(out));
    built.set(theme, { pdf, pages: await placedText(pdf) });
  }
}, 120_000);
afterAll(async () => {
  await session.close();
  await rm(dir, { recursive: true, force: true });
});

const RIGHT_MARGIN = 22 * (72 / 25.4);
const TOP_MARGIN = 24 * (72 / 25.4);

describe.each(['kommunal', 'modern'])('a plan of long words (%s)', (theme) => {
  const get = () => built.get(theme)!;

  it('prints every amount inside the page, right of its label and left of the right margin', () => {
    const { pages } = get();
    const expected = ROWS.flatMap((r) => Object.values(r.values)).map(formatInteger);
    const budgetPage = pages.find((p) => p.items.some((i) => squeezed(i.text) === squeezed(expected[0]!)))!;
    expect(budgetPage).toBeDefined();
    for (const amount of expected) {
      const found = budgetPage.items.filter((i) => squeezed(i.text) === squeezed(amount));
      expect(found.length, amount).toBeGreaterThan(0);
      for (const item of found) {
        expect(item.x, amount).toBeGreaterThan(0);
        expect(item.x + item.width, amount).toBeLessThanOrEqual(budgetPage.width - RIGHT_MARGIN + 1);
      }
    }
  });

  it('wraps the long labels in their cell, whole and in order', () => {
    const text = squeezed(get().pages.map((p) => p.items.map((i) => i.text).join('')).join(''));
    expect(text).toContain(squeezed(COMPOUND));
    expect(text).toContain(squeezed(ADDRESS));
  });

  it('shortens the 500-character title with "…" in the running header, inside the page and apart from its neighbours', () => {
    for (const page of get().pages.slice(1)) {
      const header = page.items.filter((i) => i.y > page.height - TOP_MARGIN).sort((a, b) => a.x - b.x);
      expect(header.length).toBeGreaterThan(0);
      for (const item of header) {
        expect(item.x).toBeGreaterThanOrEqual(0);
        expect(item.x + item.width).toBeLessThanOrEqual(page.width - RIGHT_MARGIN + 1);
      }
      for (let i = 1; i < header.length; i++) expect(header[i - 1]!.x + header[i - 1]!.width).toBeLessThanOrEqual(header[i]!.x + 0.5);
      expect(header.at(-1)!.text).toMatch(/^Verksamhetsplan med budget .*…$/);
    }
  });

  it('prints the 500-character title whole on a title page of its own', () => {
    const [first, second] = get().pages;
    // …and nowhere shortened but in the running header.
    expect(first!.items.some((i) => i.text.includes('…'))).toBe(false);
    expect(squeezed(first!.items.map((i) => i.text).join(''))).toContain(squeezed(TITLE));
    for (const item of first!.items) expect(item.x + item.width).toBeLessThanOrEqual(first!.width);
    expect(second!.items.some((i) => i.text === 'Innehåll')).toBe(true);
  });

  it('lists the long heading in the contents and prints it on the page given, inside the page', () => {
    const { pages } = get();
    const contents = pages[1]!;
    const key = squeezed(`2.Om${HEADING_WORD}`);
    expect(squeezed(contents.items.map((i) => i.text).join(''))).toContain(key);
    for (const item of contents.items) expect(item.x + item.width).toBeLessThanOrEqual(contents.width - RIGHT_MARGIN + 1);
    const onPage = pages.findIndex((p, i) => i > 1 && squeezed(p.items.map((t) => t.text).join('')).includes(key)) + 1;
    // The page number follows the entry's text, level with its last line (the entry takes several).
    const start = contents.items.findIndex((t) => t.text.startsWith('Om'));
    const at = contents.items.findIndex((i, k) => k > start && /^\d+$/.test(i.text));
    const entryPage = contents.items[at];
    expect(entryPage?.text).toBe(String(onPage));
    expect(Math.abs(contents.items[at - 1]!.y - entryPage!.y)).toBeLessThan(1);
    expect(entryPage!.y).toBeLessThan(contents.items[start]!.y - 5);
    for (const item of pages[onPage - 1]!.items) expect(item.x + item.width).toBeLessThanOrEqual(contents.width - RIGHT_MARGIN + 1);
  });

  it('reads back without soft hyphens or stray spaces in text, bookmarks and properties', async () => {
    const { pdf, pages } = get();
    const text = pages.map((p) => p.items.map((i) => i.text).join(' ')).join('\n').replace(/\s+/g, ' ');
    // Soft hyphens that did not end a line would read back as spaces inside words.
    expect(text).toContain(' Kompetensutveckling 200 000 ');
    expect(text).toContain('Medlemsbidrag från Försäkringskassan');
    const doc = await PDFDocument.load(pdf, { updateMetadata: false });
    expect(doc.getTitle()).toBe(TITLE);
    const titles = (await readOutline(doc)).map((e) => e.title);
    expect(titles).toContain(`2. Om ${HEADING_WORD}`);
    for (const title of titles) expect(title).not.toContain('\u00ad');
  });
});
