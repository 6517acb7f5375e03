// The contents pass: print, read where each heading landed from the PDF's bookmarks, write those page
// numbers into the innehållsförteckning and print again, until the numbers no longer move. The first
// numbers come from the plan's last build (contentsCache.ts) or from a quick draft print.
import type { ContentsEntry } from '../model.js';
import type { DocumentHeading, LoadedDocument } from '../print/pdf.js';
import type { PDFDocument } from 'pdf-lib';
import { openPdf } from './lazyPdf.js';
import { readDestinations, readOutline, type OutlineEntry } from './outline.js';
import { VplanError } from '../errors.js';

const MAX_PASSES = 5;
/**
 * Page of each contents entry. Chromium writes one bookmark per heading in document order, so the
 * i-th bookmark belongs to the i-th heading of the page; the headings carry their section's anchor.
 */
export function pagesFromOutline(entries: ContentsEntry[], outline: OutlineEntry[], headings: DocumentHeading[]): Record<string, string> {
  if (outline.length !== headings.length) {
    throw new VplanError(`PDF:en har ${outline.length} bokmärken men dokumentet ${headings.length} rubriker; innehållsförteckningen kan inte få sina sidnummer.`);
  }
  const pageOf = new Map<string, number>();
  headings.forEach((h, i) => {
    if (h.anchor !== null) pageOf.set(h.anchor, outline[i]!.page);
  });
  const pages: Record<string, string> = {};
  for (const entry of entries) {
    const page = pageOf.get(entry.anchor);
    if (page === undefined || page === 0) throw new VplanError(`Innehållsförteckningen: rubriken "${entry.label} ${entry.title}" hittades inte i PDF:en.`);
    pages[entry.anchor] = String(page);
  }
  return pages;
}

export interface ContentsResult {
  pdf: Uint8Array;
  /** The final PDF already parsed, so finishing need not parse it again. */
  doc: PDFDocument;
  pages: Record<string, string>;
  passes: number;
}

/**
 * The page of every contents entry from a print's named destinations (the contents links to each
 * section): the guess a draft gives. Undefined when an entry has none.
 */
export function pagesFromDestinations(entries: ContentsEntry[], destinations: Map<string, number>): Record<string, string> | undefined {
  const pages: Record<string, string> = {};
  for (const entry of entries) {
    const page = destinations.get(entry.anchor);
    if (page === undefined) return undefined;
    pages[entry.anchor] = String(page);
  }
  return pages;
}

export async function printWithContents(
  document: LoadedDocument,
  entries: ContentsEntry[],
  headings: DocumentHeading[],
  guess?: Record<string, string>,
): Promise<ContentsResult> {
  // With a good guess (the numbers of the plan's last build, in watch mode) one print is enough.
  let shown: Record<string, string> | undefined;
  if (guess && entries.every((e) => guess[e.anchor] !== undefined)) shown = guess;
  else {
    // Without one, a draft finds the numbers (next to nothing drawn: a fraction of a print's time); the prints
    // after it check them by their bookmarks, as they would any guess.
    const draft = await document.print({ draft: true });
    shown = pagesFromDestinations(entries, await readDestinations(draft));
  }
  if (shown) await document.setContentsPages(shown);
  let pdf = await document.print();
  for (let pass = 1; pass <= MAX_PASSES; pass++) {
    const doc = await openPdf(pdf);
    const pages = pagesFromOutline(entries, await readOutline(doc), headings);
    const before = shown;
    if (before && entries.every((e) => pages[e.anchor] === before[e.anchor])) return { pdf, doc, pages, passes: pass };
    await document.setContentsPages(pages);
    shown = pages;
    pdf = await document.print();
  }
  throw new VplanError(`Innehållsförteckningens sidnummer blev inte stabila efter ${MAX_PASSES} utskrifter.`);
}
