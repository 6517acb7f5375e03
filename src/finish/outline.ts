// Reads the bookmarks (outline) that Chromium writes for every heading, with the page each points to,
// and the named destinations it writes for the targets of internal links.
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString } from 'pdf-lib';
import { openPdf } from './lazyPdf.js';

export interface OutlineEntry {
  title: string;
  level: number;
  /** 1-based page number. */
  page: number;
  /** The outline item itself, so its title can be rewritten. */
  item: PDFDict;
}

function text(value: unknown): string {
  if (value instanceof PDFString || value instanceof PDFHexString) return value.decodeText();
  return '';
}

/** Resolving a destination (an array, or a dict with one under /D) to its 1-based page; 0 when none. */
function destinationPages(doc: PDFDocument) {
  const pageNumbers = new Map<string, number>();
  doc.getPages().forEach((page, i) => pageNumbers.set(page.ref.toString(), i + 1));
  const context = doc.context;
  const lookupDict = (value: unknown): PDFDict | undefined => {
    const resolved = value instanceof PDFRef ? context.lookup(value) : value;
    return resolved instanceof PDFDict ? resolved : undefined;
  };
  const pageOf = (destination: unknown): number => {
    let resolved = destination instanceof PDFRef ? context.lookup(destination) : destination;
    if (resolved instanceof PDFDict) resolved = resolved.get(PDFName.of('D'));
    if (resolved instanceof PDFRef) resolved = context.lookup(resolved);
    const target = resolved instanceof PDFArray ? resolved.get(0) : undefined;
    return target instanceof PDFRef ? (pageNumbers.get(target.toString()) ?? 0) : 0;
  };
  return { lookupDict, pageOf };
}

const load = async (pdf: Uint8Array | PDFDocument) => (pdf instanceof PDFDocument ? pdf : openPdf(pdf));

export async function readOutline(pdf: Uint8Array | PDFDocument): Promise<OutlineEntry[]> {
  const doc = await load(pdf);
  const { lookupDict, pageOf } = destinationPages(doc);
  const entries: OutlineEntry[] = [];
  const walk = (first: unknown, level: number) => {
    let item = lookupDict(first);
    const seen = new Set<PDFDict>();
    while (item && !seen.has(item)) {
      seen.add(item);
      const destination = item.get(PDFName.of('Dest')) ?? lookupDict(item.get(PDFName.of('A')))?.get(PDFName.of('D'));
      entries.push({ title: text(item.get(PDFName.of('Title'))), level, page: pageOf(destination), item });
      walk(item.get(PDFName.of('First')), level + 1);
      item = lookupDict(item.get(PDFName.of('Next')));
    }
  };
  const outlines = lookupDict(doc.catalog.get(PDFName.of('Outlines')));
  if (outlines) walk(outlines.get(PDFName.of('First')), 1);
  return entries;
}

/**
 * The page of every named destination: Chromium writes one for each element an internal link points to
 * (the contents links to each section), tagged or not, with or without bookmarks.
 */
export async function readDestinations(pdf: Uint8Array | PDFDocument): Promise<Map<string, number>> {
  const doc = await load(pdf);
  const { lookupDict, pageOf } = destinationPages(doc);
  const pages = new Map<string, number>();
  const dests = lookupDict(doc.catalog.get(PDFName.of('Dests')));
  for (const [name, destination] of dests?.entries() ?? []) {
    const page = pageOf(destination);
    if (page > 0) pages.set(name.decodeText(), page);
  }
  return pages;
}

/**
 * Sets each bookmark's title to its heading's text. Chromium sometimes repeats a heading's text in the
 * bookmark title when the heading starts a page ("InledningInledning"); the DOM knows the true text.
 */
export function setOutlineTitles(outline: OutlineEntry[], titles: string[]): void {
  outline.forEach((entry, i) => {
    const title = titles[i];
    if (title !== undefined && title !== entry.title) entry.item.set(PDFName.of('Title'), PDFHexString.fromText(title));
  });
}
