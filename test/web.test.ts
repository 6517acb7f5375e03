// vplan build --web: every example as a web page, built by the command as a user runs it, then read in
// Chromium with every request refused and checked with axe-core (WCAG 2.1 A and AA), against the computed
// budget, and against the headings of the example's PDF.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'puppeteer-core';
import { chooseBrowser } from '../src/print/browser.js';
import { launchBrowser } from '../src/print/launch.js';
import { checkPlan } from '../src/build.js';
import { formatInteger } from '../src/format.js';
import { readOutline } from '../src/finish/outline.js';
import type { BudgetTable } from '../src/model.js';
import { EXAMPLE_FILES, exampleValue, type ExampleName } from './helpers/exampleFiles.js';
import { builtExample } from './helpers/examples.js';
import { runVplan } from './helpers/cli.js';
import { axeViolations, openPage as openIn } from './helpers/webPage.js';

const NAMES = Object.keys(EXAMPLE_FILES) as ExampleName[];
/** Each example in its own theme, and one in the other theme too. */
const PAGES = [...NAMES.map((name) => ({ name, page: name })), { name: 'finnveden-2025' as ExampleName, page: 'finnveden-2025-modern' }];

let dir = '';
let browser: Browser;
const html = new Map<string, string>();

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'vplan-web-'));
  // Several plans at once, as `vplan build data/* --web`, into output/ of the working folder.
  const all = await runVplan(dir, 'build', ...NAMES.map((n) => path.resolve(EXAMPLE_FILES[n])), '--web');
  expect(all.stderr.replace(/ {2}varning: .*\n/g, '')).toBe('');
  expect(all.code).toBe(0);
  const modern = await runVplan(dir, 'build', path.resolve(EXAMPLE_FILES['finnveden-2025']), '--web', '--theme', 'modern', '--out', 'finnveden-2025-modern.html');
  expect(modern.code).toBe(0);
  for (const { name, page } of PAGES) {
    const file = page === name ? path.join(dir, 'output', `${name}.html`) : path.join(dir, `${page}.html`);
    html.set(page, await readFile(file, 'utf8'));
  }
  browser = await launchBrowser(await chooseBrowser());
});

const openPage = (source: string) => openIn(browser, source);

afterAll(async () => {
  await browser?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe.each(PAGES)('vplan build --web: $page', ({ name, page: pageName }) => {
  const source = () => html.get(pageName)!;

  it('has no WCAG 2.1 A or AA violation (axe-core), loads nothing and fits a phone', async () => {
    const { page, requests } = await openPage(source());
    try {
      const violations = await axeViolations(page);
      expect(violations).toEqual([]);
      expect(requests).toEqual([]);
      // The page itself never scrolls sideways on a phone; only a wide table does, in its own container.
      const widths = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
      expect(widths[0]).toBeLessThanOrEqual(widths[1]!);
    } finally {
      await page.close();
    }
  });

  it('has the PDF’s headings with the same numbers, in the same order, under the page’s one h1', async () => {
    const outline = await readOutline((await builtExample(name)).doc);
    expect(outline.length).toBeGreaterThan(3);
    const { page } = await openPage(source());
    try {
      const headings = await page.evaluate(() =>
        [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => ({
          level: Number(h.tagName[1]),
          text: (h.textContent ?? '').replace(/\s+/g, ' ').trim(),
        })),
      );
      const titles = outline.map((e) => e.title.replace(/\s+/g, ' ').trim());
      expect(headings.map((h) => h.text)).toEqual(titles);
      // One h1, the plan's title, first; then no level skipped: the contents and the sections h2, each
      // sub-heading one level below its section.
      const levels = headings.map((h) => h.level);
      expect(levels.filter((level) => level === 1), `rubriknivåer ${levels.join(' ')}`).toEqual([1]);
      expect(levels[0]).toBe(1);
      for (let i = 1; i < levels.length; i++) expect(levels[i], `rubrik ${i}: ${headings[i]!.text}`).toBeLessThanOrEqual(levels[i - 1]! + 1);
      // The PDF's bookmarks nest by heading level: the sections at the top beside the title page (the PDF
      // is a document of chapters), the contents under it. On the web page all of them are under the title.
      const pdfLevels = outline.map((e, i) => (i === 0 || titles[i] === 'Innehåll' ? e.level : e.level + 1));
      expect(levels.map((_, i) => nesting(levels, i))).toEqual(pdfLevels);
    } finally {
      await page.close();
    }
  });

  it('shows every row and every computed total of the budget tables, and the member contributions', async () => {
    const { plan } = await checkPlan(EXAMPLE_FILES[name]);
    const text = source();
    const tables = [plan.budget!.table, ...plan.budget!.details].filter((t) => t.rows.length > 0);
    const shown = budgetTables(text);
    for (const table of tables) expect(shown).toContainEqual(expectedRows(table));
    // The computed totals by themselves too: each sum, subtotal and result of every table.
    for (const row of tables.flatMap((t) => t.rows)) {
      if (!['sum', 'subtotal', 'result'].includes(row.kind)) continue;
      for (const value of row.cells) if (value !== null) contains(text, `<td class="num">${formatInteger(value)}</td>`);
    }
    for (const column of plan.contributions?.columns ?? []) contains(text, `<td class="num">${formatInteger(column.total)}</td>`);
    // Each table is captioned, with column and row headers, in a container named by its caption.
    const count = (re: RegExp) => (text.match(re) ?? []).length;
    const tableCount = count(/<table[\s>]/g);
    expect(tableCount).toBeGreaterThan(0);
    expect(count(/<caption id="vplan-tabell-\d+"><span class="table-caption( visually-hidden)?">[^<]+<\/span>/g)).toBe(tableCount);
    expect(count(/<div class="table-scroll" role="region" tabindex="0" aria-labelledby="vplan-tabell-\d+">/g)).toBe(tableCount);
    lacks(text, /<th(?=[\s>])(?![^>]*scope=)/);
  });

  it('has every chart of the plan, in every kind of section, as the PDF has', async () => {
    const { plan } = await checkPlan(EXAMPLE_FILES[name]);
    type Node = { content: unknown; children: Node[] };
    const chartsOf = (sections: Node[]): { caption?: string }[] =>
      sections.flatMap((s) => {
        const content = s.content as { charts?: { caption?: string }[] } | undefined;
        return [...(content?.charts ?? []), ...chartsOf(s.children)];
      });
    const charts = chartsOf(plan.sections as Node[]);
    const text = source();
    expect((text.match(/<figure class="chart-figure"/g) ?? []).length).toBe(charts.length);
    for (const chart of charts) if (chart.caption) contains(text, `-caption">${chart.caption}`);
  });

  it('is one page in Swedish with no script, no page furniture and nothing fetched from elsewhere', async () => {
    const { plan } = await checkPlan(EXAMPLE_FILES[name]);
    const text = source();
    expect(text.slice(0, 40)).toMatch(/^<!DOCTYPE html>\s*<html lang="sv">/);
    lacks(text, /<script|javascript:|<[^>]*\son[a-z]+=/i);
    contains(text, '<meta name="viewport" content="width=device-width, initial-scale=1">');
    // Fonts inlined as WOFF2, only the bundled ones.
    expect(text.match(/@font-face\{font-family:'[^']+';[^}]*src:url\(data:font\/woff2;base64,/)).not.toBeNull();
    lacks(text, /src:\s*local\(|@import/);
    // Every address in src or href is within the page, inlined, or a link the plan's own text has.
    const addresses = [...text.matchAll(/\s(?:src|href)="([^"]*)"/g)].map((m) => m[1]!);
    for (const address of addresses) {
      if (address.startsWith('#') || address.startsWith('data:')) continue;
      expect(address).toMatch(/^(https?|mailto):/);
      expect(plan.source).toContain(address.replace(/&amp;/g, '&'));
    }
    lacks(text, /url\((?!data:)/);
    // The PDF's furniture: running headers, page numbers and the contents' page column are not there.
    lacks(text, /counter\(pages?\)|@top-(left|right|center)\s*\{\s*content|data-toc-page|class="contents-(leader|page)"|FÖRSLAG/);
    // Contents: a link to each heading in the page.
    for (const entry of plan.contents ?? []) {
      contains(text, `<a href="#${entry.anchor}">`);
      contains(text, `id="${entry.anchor}"`);
    }
  });

  it('has no soft hyphen: headings, title, contents, captions and table headers read, copy and search as whole words', () => {
    // The PDF's templates put soft hyphens (U+00AD) into long words; a screen reader may spell out the
    // parts, and a copied heading or row label keeps the invisible character.
    const text = source();
    expect(text.includes('\u00ad'), 'mjukt bindestreck (U+00AD) på webbsidan').toBe(false);
    lacks(text, /&shy;|&#(173|x0*ad);/i);
  });

  it('says at the top what the plan is: förbund, title, year, status and decision', async () => {
    const { plan } = await checkPlan(EXAMPLE_FILES[name]);
    const doc = plan.document;
    const top = source().split('<main>')[0]!;
    const header = top.slice(top.indexOf('<header'));
    contains(header, `<h1 class="tp-title">${escapeHtml(doc.title)}</h1>`);
    contains(header, `<dt>Förbund</dt><dd>${escapeHtml(doc.associationName)}</dd>`);
    contains(header, `<dt>Budgetår</dt><dd>${doc.budgetYear}</dd>`);
    const stateWord = { utkast: 'Utkast', förslag: 'Förslag', fastställd: 'Fastställd', beslutad: 'Beslutad' } as const;
    if (doc.status.state !== 'ingen') contains(header, `<dt>Status</dt><dd>${stateWord[doc.status.state]}</dd>`);
    const decision = doc.status.decisionLine ?? doc.status.closingLine;
    if (doc.status.decisionDate) expect(decision).toMatch(/fastställ|beslut/i);
    if (decision) contains(header, `<dt>Beslut</dt><dd>${escapeHtml(decision)}</dd>`);
  });
});

describe('vplan build --web with a table and a link in the text', () => {
  it('gives the table column and row headers and its own container, and keeps the link; still no axe violation', async () => {
    const value = await exampleValue('finnveden-2025');
    value.sections[0].text += [
      '',
      '',
      'Läs mer på [förbundets webbplats](https://www.finnvedensamordningsforbund.se/om).',
      '',
      // A soft hyphen the plan's own text has (pasted from Word): not on the web page either.
      'Planen gäller för hela samordnings\u00adförbundet.',
      '',
      '| Insats | Deltagare 2024 | Deltagare 2025 |',
      '|---|--:|--:|',
      '| Samverkansteam | 120 | 130 |',
      '| **Summa** | **120** | **130** |',
    ].join('\n');
    const planFile = path.join(dir, 'med-tabell.json');
    await writeFile(planFile, JSON.stringify(value));
    const result = await runVplan(dir, 'build', planFile, '--web', '--out', 'med-tabell.html');
    expect(result.code).toBe(0);
    const text = await readFile(path.join(dir, 'med-tabell.html'), 'utf8');
    contains(text, '<a href="https://www.finnvedensamordningsforbund.se/om">förbundets webbplats</a>');
    contains(text, '<p>Planen gäller för hela samordningsförbundet.</p>');
    expect(text.match(/<div class="table-scroll" role="region" tabindex="0" aria-labelledby="vplan-tabell-1"><table><caption id="vplan-tabell-1"><span class="table-caption visually-hidden">Tabell: Inledning<\/span><\/caption>\s*<thead>\s*<tr>\s*<th scope="col">Insats<\/th>\s*<th scope="col" style="text-align:right">Deltagare 2024<\/th>/)).not.toBeNull();
    // Each row's label heads its row, as in the budget tables.
    expect(text).toMatch(/<tr>\s*<th scope="row">Samverkansteam<\/th>\s*<td style="text-align:right">120<\/td>/);
    contains(text, '<th scope="row"><strong>Summa</strong></th>');
    lacks(text, /<th(?=[\s>])(?![^>]*scope=)/);
    const { page, requests } = await openPage(text);
    try {
      expect(await axeViolations(page)).toEqual([]);
      expect(requests).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe('vplan build --web refuses', () => {
  it('to overwrite a file that is not a web page, and flags that belong to the PDF', async () => {
    const plan = path.resolve(EXAMPLE_FILES['finnveden-2025']);
    await writeFile(path.join(dir, 'notes.html'), 'mina anteckningar\n');
    const overwrite = await runVplan(dir, 'build', plan, '--web', '--out', 'notes.html');
    expect(overwrite.code).toBe(1);
    expect(overwrite.stderr).toContain('--out notes.html: filen finns redan och är ingen HTML-fil');
    expect(await readFile(path.join(dir, 'notes.html'), 'utf8')).toBe('mina anteckningar\n');
    const pdfName = await runVplan(dir, 'build', plan, '--web', '--out', 'plan.pdf');
    expect(pdfName.code).toBe(2);
    expect(pdfName.stderr).toContain('webbsidan ska ha ett namn som slutar på .html');
    expect(existsSync(path.join(dir, 'plan.pdf'))).toBe(false);
    const pdfa = await runVplan(dir, 'build', plan, '--web', '--pdfa');
    expect(pdfa.code).toBe(2);
    expect(pdfa.stderr).toContain('--pdfa gäller PDF:en');
  });
});

/** Each budget table in the page as its rows: kind, label and cells as text. */
function budgetTables(text: string): string[][][] {
  return [...text.matchAll(/<table class="budget">([\s\S]*?)<\/table>/g)].map((table) =>
    [...table[1]!.split('<tbody>')[1]!.matchAll(/<tr class="([a-zA-Z]+)[^"]*">([\s\S]*?)<\/tr>/g)].map((row) => [
      row[1]!,
      ...[...row[2]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((cell) => decode(cell[1]!)),
    ]),
  );
}

function expectedRows(table: BudgetTable): string[][] {
  return table.rows.map((row) =>
    row.kind === 'heading' || row.kind === 'groupHeading'
      ? [row.kind, row.label]
      : [row.kind, row.label, ...row.cells.map((v) => (v === null ? '' : formatInteger(v)))],
  );
}

/** Assertions on a whole page that name the part, not print the page (fonts make it a few hundred kB). */
const contains = (text: string, part: string) => expect(text.includes(part), `saknas: ${part}`).toBe(true);
const lacks = (text: string, pattern: RegExp) => expect(text.match(pattern)?.[0]).toBeUndefined();

const decode = (html: string) =>
  html.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&#x3D;/g, '=');
const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A heading's depth as bookmarks nest: one below the nearest earlier heading of a lower level. */
function nesting(levels: number[], i: number): number {
  const stack: number[] = [];
  for (let j = 0; j <= i; j++) {
    while (stack.length > 0 && stack[stack.length - 1]! >= levels[j]!) stack.pop();
    stack.push(levels[j]!);
  }
  return stack.length;
}
