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

/** The text of the first `pageLimit` pages (all by default). */
export async function readPrintedText({ getDocument }: Pdfjs, pdf: Uint8Array, pageLimit = Infinity): Promise<PrintedText> {
  // pdf.js takes ownership of the buffer it is given (the worker's own copy).
  const doc = await getDocument({ data: pdf, verbosity: 0, isEvalSupported: false }).promise;
  try {
    const pages: PrintedPage[] = [];
    const items: PrintedItem[] = [];
    for (let number = 1; number <= Math.min(doc.numPages, pageLimit); number++) {
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
