// The self-check reads only the pages that can hold what it checks: the contents, the pages its entries'
// headings begin on, and the pages each table reaches, found from the print's bookmarks. What it then
// finds on them is what a read of every page finds; a print it cannot place this way is read whole.
import { afterAll, describe, expect, it } from 'vitest';
import { checkPlan, PrintSession } from '../src/build.js';
import { renderHtml } from '../src/render/html.js';
import { loadDocument } from '../src/print/pdf.js';
import { printWithContents } from '../src/finish/contents.js';
import { neededPagesOf, resolveNeededPages, type OutlineSource } from '../src/check/pages.js';
import { PdfReader } from '../src/check/reader.js';
import { readWhole } from '../src/check/printedText.js';
import { checkContents } from '../src/check/contents.js';
import { checkTables, expectedTables } from '../src/check/tables.js';
import { GENERATOR } from '../src/version.js';
import { EXAMPLE_FILES } from './helpers/exampleFiles.js';
import { builtExample } from './helpers/examples.js';
import { PrintCheckError, startPrintCheck } from '../src/check/check.js';

type Item = { dest: string | unknown[] | null; items: Item[] };

/** A document of `numPages` pages whose bookmarks point to `pages` (by page reference, by name, or nowhere). */
function outline(numPages: number, tree: Item[]): OutlineSource {
  return {
    numPages,
    getOutline: async () => tree,
    getDestination: async (id) => (id.startsWith('p') ? [{ num: 100 + Number(id.slice(1)), gen: 0 }, { name: 'XYZ' }] : null),
    getPageIndex: async (ref) => ref.num - 101,
  };
}
const to = (page: number): Item => ({ dest: [{ num: 100 + page, gen: 0 }, { name: 'XYZ' }], items: [] });

describe('the pages the check needs, from the bookmarks', () => {
  // Five headings, the third and fourth under the second, on pages 1, 2, 3, 3 and 6 of 8.
  const tree = (): Item[] => [to(1), { ...to(2), items: [to(3), { dest: 'p3', items: [] }] }, to(6)];

  it('reads the pages of the listed headings and every page a span reaches', async () => {
    const pages = await resolveNeededPages(outline(8, tree()), { headings: 5, at: [2], spans: [[1, 2], [4, 5]] });
    // Heading 2 on page 3; from heading 1 (page 2) to heading 2 (page 3); from heading 4 (page 6) to the end.
    expect(pages).toEqual([2, 3, 6, 7, 8]);
  });

  it('starts a span before the first heading on the first page', async () => {
    expect(await resolveNeededPages(outline(8, tree()), { headings: 5, at: [], spans: [[-1, 1]] })).toEqual([1, 2]);
  });

  it('cannot tell when the bookmarks are not one per heading, or one points nowhere or where pdf.js cannot follow', async () => {
    expect(await resolveNeededPages(outline(8, tree()), { headings: 6, at: [0], spans: [] })).toBeUndefined();
    const broken = tree();
    broken[2] = { dest: 'nowhere', items: [] };
    expect(await resolveNeededPages(outline(8, broken), { headings: 5, at: [0], spans: [] })).toBeUndefined();
    expect(await resolveNeededPages(outline(2, tree()), { headings: 5, at: [0], spans: [] })).toBeUndefined();
    const throwing = { ...outline(8, tree()), getPageIndex: () => Promise.reject(new Error('The reference does not point to a /Page dictionary.')) };
    expect(await resolveNeededPages(throwing, { headings: 5, at: [0], spans: [] })).toBeUndefined();
  });

  it('takes the headings the contents lists by their anchors', () => {
    const needed = neededPagesOf({ contents: [{ anchor: 'a' }, { anchor: 'c' }] }, [null, 'a', 'b', 'c', 'c'], [[0, 1]]);
    expect(needed).toEqual({ headings: 5, at: [1, 3, 4], spans: [[0, 1]] });
  });
});

describe('the check of a print read in part', () => {
  const reader = new PdfReader();
  afterAll(() => reader.close());

  /** Finnveden's plan and its printed text, read whole, and how many times a whole read was asked for. */
  async function setUp() {
    const { plan } = await checkPlan(EXAMPLE_FILES['finnveden-2025']);
    const whole = await reader.read((await builtExample('finnveden-2025')).bytes);
    expect(readWhole(whole)).toBe(true);
    const asked: boolean[] = [];
    return { plan, whole, asked };
  }

  it('reads nothing more when the pages read pass', async () => {
    const { plan, whole, asked } = await setUp();
    const partial = { ...whole, items: whole.items.filter((item) => item.page > 1), read: whole.read.filter((page) => page > 1) };
    await startPrintCheck(plan, async (all) => (asked.push(all), all ? whole : partial))();
    expect(asked).toEqual([false]);
  });

  it('reads the whole print when the pages read fail, and lets that read decide', async () => {
    const { plan, whole, asked } = await setUp();
    // The budget's page left out: its figures are missing from what was read.
    const budgetPage = whole.items.find((item) => item.text.includes('Summa kostnader'))!.page;
    const partial = { ...whole, items: whole.items.filter((item) => item.page !== budgetPage), read: whole.read.filter((page) => page !== budgetPage) };
    await startPrintCheck(plan, async (all) => (asked.push(all), all ? whole : partial))();
    expect(asked).toEqual([false, true]);
  });

  it('fails at once when every page was read', async () => {
    const { plan, whole, asked } = await setUp();
    const budgetPage = whole.items.find((item) => item.text.includes('Summa kostnader'))!.page;
    const broken = { ...whole, items: whole.items.filter((item) => item.page !== budgetPage) };
    const error = await startPrintCheck(plan, async (all) => (asked.push(all), broken))().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PrintCheckError);
    expect(String((error as Error).message)).toContain('syns inte i PDF:en');
    expect(asked).toEqual([false]);
  });
});

describe('a print read for the check', () => {
  const session = new PrintSession();
  const one = new PdfReader({ splitBytes: Infinity });
  const two = new PdfReader({ splitBytes: 0 });
  afterAll(() => Promise.all([session.close(), one.close(), two.close()]));

  it('skips the title page of Botkyrka, reads the rest, and finds all a whole read finds', async () => {
    const { plan } = await checkPlan(EXAMPLE_FILES['botkyrka-huddinge-salem-2018']);
    const document = await loadDocument(await session.page(), await renderHtml(plan, { generator: GENERATOR }), session.release);
    try {
      const headings = await document.headings();
      const spans = await document.headingSpans();
      // The contents (from its own heading) and the budget tables, each between two headings.
      expect(spans.length).toBeGreaterThanOrEqual(2);
      expect(spans[0]![0]).toBe(headings.findIndex((h) => h.text === 'Innehåll'));
      const needed = neededPagesOf(plan, headings.map((h) => h.anchor), spans);
      const { pdf } = await printWithContents(document, plan.contents ?? [], headings);
      const [alone, shared, whole] = await Promise.all([one.read(pdf, { needed }), two.read(pdf, { needed }), one.read(pdf)]);
      expect(shared).toEqual(alone);
      expect(alone.pages).toEqual(whole.pages);
      expect(alone.read).toEqual(Array.from({ length: whole.pages.length - 1 }, (_, i) => i + 2));
      expect(readWhole(alone)).toBe(false);
      expect(readWhole(whole)).toBe(true);
      expect(alone.items).toEqual(whole.items.filter((item) => item.page > 1));
      const tables = expectedTables(plan);
      expect(tables.length).toBeGreaterThan(0);
      expect([...checkTables(tables, alone), ...checkContents(plan, alone)]).toEqual([]);
    } finally {
      await document.close();
    }
  });
});
