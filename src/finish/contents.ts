// The contents pass: print, read where each heading landed from the PDF's bookmarks, write those page
// numbers into the innehållsförteckning and print again, until the numbers no longer move.
import type { ContentsEntry } from '../model.js';
import type { LoadedDocument } from '../print/pdf.js';
import { readOutline, type OutlineEntry } from './outline.js';
import { VplanError } from '../errors.js';

const MAX_PASSES = 5;
const squeeze = (s: string) => s.replace(/\s+/g, '');

/** Page of each contents entry, found by walking the bookmarks in document order. */
export function pagesFromOutline(entries: ContentsEntry[], outline: OutlineEntry[]): Record<string, string> {
  const pages: Record<string, string> = {};
  let next = 0;
  for (const entry of entries) {
    const expected = squeeze(`${entry.label}${entry.title}`);
    let found = -1;
    for (let i = next; i < outline.length; i++) {
      if (squeeze(outline[i]!.title) === expected) {
        found = i;
        break;
      }
    }
    if (found < 0) throw new VplanError(`Innehållsförteckningen: rubriken "${entry.label} ${entry.title}" saknas bland PDF:ens bokmärken.`);
    pages[entry.anchor] = String(outline[found]!.page);
    next = found + 1;
  }
  return pages;
}

export interface ContentsResult {
  pdf: Uint8Array;
  pages: Record<string, string>;
  passes: number;
}

export async function printWithContents(document: LoadedDocument, entries: ContentsEntry[]): Promise<ContentsResult> {
  let shown: Record<string, string> = {};
  let pdf = await document.print();
  for (let pass = 1; pass <= MAX_PASSES; pass++) {
    const pages = pagesFromOutline(entries, await readOutline(pdf));
    if (entries.every((e) => pages[e.anchor] === shown[e.anchor])) return { pdf, pages, passes: pass };
    await document.setContentsPages(pages);
    shown = pages;
    pdf = await document.print();
  }
  throw new VplanError(`Innehållsförteckningens sidnummer blev inte stabila efter ${MAX_PASSES} utskrifter.`);
}
