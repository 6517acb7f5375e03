// The printed PDF read back as a reader's viewer sees it: every run of text with its page and position,
// in the order the browser painted it (document order: a table row by row, a row cell by cell).
// The reading runs in the reader's worker thread (see reader.ts), which hands pdf.js in.
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';

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
  pages: PrintedPage[];
  /** Every non-blank run of text, page after page. */
  items: PrintedItem[];
}

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
 * Which pages a read takes: every `of`-th page from page `part` + 1 (part 0 of 2: pages 1, 3, 5 …),
 * up to page `limit` (Infinity: to the end). Two workers reading the two parts of a long PDF share its
 * pages evenly, which halves would not: a plan's pages differ in how much they hold.
 */
export interface PageSelection {
  part: number;
  of: number;
  limit: number;
}

const ALL_PAGES: PageSelection = { part: 0, of: 1, limit: Infinity };

/** The text of the selected pages (all by default), page by page. */
export async function readPrintedText({ getDocument }: Pdfjs, pdf: Uint8Array, { part, of, limit }: PageSelection = ALL_PAGES): Promise<PrintedText> {
  // pdf.js takes ownership of the buffer it is given (the worker's own copy).
  const doc = await getDocument({ data: pdf, verbosity: 0, isEvalSupported: false }).promise;
  try {
    const pages: PrintedPage[] = [];
    const items: PrintedItem[] = [];
    for (let number = part + 1; number <= Math.min(doc.numPages, limit); number += of) {
      const page = await doc.getPage(number);
      const [x0, y0, x1, y1] = page.view as [number, number, number, number];
      pages.push({ width: x1 - x0, height: y1 - y0 });
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
    return { pages, items };
  } finally {
    await doc.destroy();
  }
}

/**
 * The parts of one PDF read apart (`parts[k]`: part k of parts.length, as readPrintedText read it) as
 * one read of them all: pages in order, items page after page, each page's in the order read.
 */
export function mergeParts(parts: PrintedText[]): PrintedText {
  if (parts.length === 1) return parts[0]!;
  const pages: PrintedPage[] = [];
  const items: PrintedItem[] = [];
  const taken = parts.map(() => 0);
  const total = parts.reduce((sum, part) => sum + part.pages.length, 0);
  for (let index = 0; index < total; index++) {
    const k = index % parts.length;
    const { pages: partPages, items: partItems } = parts[k]!;
    const page = partPages[Math.floor(index / parts.length)];
    // Parts of one PDF leave no page out: part k has as many pages as part k + 1 or one more.
    if (!page) throw new Error(`De lästa delarna av PDF:en passar inte ihop (sidan ${index + 1} saknas).`);
    pages.push(page);
    let next = taken[k]!;
    while (next < partItems.length && partItems[next]!.page === index + 1) items.push(partItems[next++]!);
    taken[k] = next;
  }
  if (taken.some((count, k) => count !== parts[k]!.items.length)) throw new Error('De lästa delarna av PDF:en passar inte ihop (text utanför sidorna).');
  return { pages, items };
}
