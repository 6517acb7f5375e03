// The printed PDF read back as a reader's viewer sees it: every run of text with its page and position,
// in the order the browser painted it (document order: a table row by row, a row cell by cell).
// The reading runs in the reader's worker thread (see reader.ts), which hands pdf.js in.
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';
import { resolveNeededPages, type NeededPages } from './pages.js';

export type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

export interface PrintedItem {
  /** 1-based page number. */
  page: number;
  text: string;
  /** The text as compared: see matchKey. */
  key: string;
  /** Left end of the baseline, in points from the page's lower left corner. */
  x: number;
  y: number;
  width: number;
  fontSize: number;
}

export interface PrintedPage {
  width: number;
  height: number;
}

export interface PrintedText {
  /** Every page's size, the first page's first (up to the selection's limit); a part's share, see PageSelection. */
  pages: PrintedPage[];
  /** Every non-blank run of text on the pages read, page after page. */
  items: PrintedItem[];
  /**
   * The numbers of the pages read, ascending: every page (up to the limit), or only those the check
   * needs (PageSelection's `needed`).
   */
  read: number[];
}

/** Whether every page (up to the limit) was read. */
export const readWhole = (text: PrintedText): boolean => text.read.length === text.pages.length;

/**
 * The characters compared: Latin letters, digits, ASCII punctuation but the hyphen, dashes, and the
 * minus sign of an amount. Whitespace (a label may wrap anywhere) and hyphens (a word may be broken at
 * a syllable, with a hyphen drawn at the break) are left out, and so is every other script: a
 * character no bundled font has prints as a box that reads back as nothing, which is a matter for
 * the font check, not this one.
 */
const COMPARED = /[\p{Script=Latin}\p{Nd}\u0021-\u002c\u002e\u002f\u003a-\u0040\u005b-\u0060\u007b-\u007e\u00a7\u00b0\u2013\u2014\u2212]/u;

/**
 * Text as compared between plan and PDF: compatibility form (ligatures apart), lower case (a theme may
 * set headings in capitals), compared characters only.
 */
export function matchKey(text: string): string {
  let key = '';
  for (const char of text.normalize('NFKC').toLocaleLowerCase('sv')) if (COMPARED.test(char)) key += char;
  return key;
}

/**
 * Which pages a read takes: of the pages chosen (every page up to page `limit`, Infinity: to the end; or
 * only those the check needs), every `of`-th from the `part` + 1st (part 0 of 2: the first, third, fifth
 * …). Two workers reading the two parts of a long PDF share its pages evenly, which halves would not: a
 * plan's pages differ in how much they hold. The sizes of the pages are shared alike: part k gives those
 * of pages k + 1, k + 1 + `of` … (up to `limit`), whether it reads them or not.
 */
export interface PageSelection {
  part: number;
  of: number;
  limit: number;
  /** Only the pages the check needs (pages.ts), where the print's bookmarks tell which; else every page. */
  needed?: NeededPages | undefined;
}

const ALL_PAGES: PageSelection = { part: 0, of: 1, limit: Infinity };

const size = (view: number[]): PrintedPage => ({ width: view[2]! - view[0]!, height: view[3]! - view[1]! });

/** The text of the selected pages (all by default), page by page, and its share of the pages' sizes. */
export async function readPrintedText({ getDocument }: Pdfjs, pdf: Uint8Array, { part, of, limit, needed }: PageSelection = ALL_PAGES): Promise<PrintedText> {
  // pdf.js takes ownership of the buffer it is given (the worker's own copy).
  const doc = await getDocument({ data: pdf, verbosity: 0, isEvalSupported: false }).promise;
  try {
    const last = Math.min(doc.numPages, limit);
    const chosen = needed ? await resolveNeededPages(doc, needed) : undefined;
    const reading = (chosen ?? Array.from({ length: doc.numPages }, (_, i) => i + 1)).filter((number) => number <= last);
    const pages: PrintedPage[] = [];
    for (let number = part + 1; number <= last; number += of) pages.push(size((await doc.getPage(number)).view));
    const items: PrintedItem[] = [];
    const read = reading.filter((_, k) => k % of === part);
    for (const number of read) {
      const page = await doc.getPage(number);
      const [x0, y0] = page.view as [number, number, number, number];
      const content = await page.getTextContent();
      for (const item of content.items) {
        if (!('str' in item)) continue;
        const text = (item as TextItem).str;
        const key = matchKey(text);
        if (key === '') continue;
        const [a, b, , , e, f] = item.transform as number[];
        items.push({ page: number, text, key, x: e! - x0, y: f! - y0, width: item.width, fontSize: Math.hypot(a!, b!) });
      }
      page.cleanup();
    }
    return { pages, items, read };
  } finally {
    await doc.destroy();
  }
}

/**
 * The parts of one PDF read apart (`parts[k]`: part k of parts.length, as readPrintedText read it) as
 * one read of them all: every page's size in order, and every part's items in page order, each page's in
 * the order read.
 */
export function mergeParts(parts: PrintedText[]): PrintedText {
  if (parts.length === 1) return parts[0]!;
  const pages: PrintedPage[] = [];
  const total = parts.reduce((sum, part) => sum + part.pages.length, 0);
  for (let index = 0; index < total; index++) {
    const page = parts[index % parts.length]!.pages[Math.floor(index / parts.length)];
    // Parts of one PDF leave no page out: part k has as many pages as part k + 1 or one more.
    if (!page) throw new Error(`De lästa delarna av PDF:en passar inte ihop (sidan ${index + 1} saknas).`);
    pages.push(page);
  }
  // Each page is one part's, its items in that part's order: a stable sort by page keeps them so.
  const items = parts.flatMap((part) => part.items).sort((a, b) => a.page - b.page);
  const outside = items.find((item) => item.page < 1 || item.page > pages.length);
  if (outside) throw new Error(`De lästa delarna av PDF:en passar inte ihop (text på sidan ${outside.page} av ${pages.length}).`);
  const read = parts.flatMap((part) => part.read).sort((a, b) => a - b);
  return { pages, items, read };
}
