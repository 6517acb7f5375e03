// Reads the bookmarks (outline) that Chromium writes for every heading, with the page each points to.
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString } from 'pdf-lib';

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

export async function readOutline(pdf: Uint8Array | PDFDocument): Promise<OutlineEntry[]> {
  const doc = pdf instanceof PDFDocument ? pdf : await PDFDocument.load(pdf, { updateMetadata: false, parseSpeed: Infinity });
  const pageNumbers = new Map<string, number>();
  doc.getPages().forEach((page, i) => pageNumbers.set(page.ref.toString(), i + 1));
  const context = doc.context;
  const lookupDict = (value: unknown): PDFDict | undefined => {
    const resolved = value instanceof PDFRef ? context.lookup(value) : value;
    return resolved instanceof PDFDict ? resolved : undefined;
  };

  const entries: OutlineEntry[] = [];
  const walk = (first: unknown, level: number) => {
    let item = lookupDict(first);
    const seen = new Set<PDFDict>();
    while (item && !seen.has(item)) {
      seen.add(item);
      let destination = item.get(PDFName.of('Dest'));
      if (!destination) {
        const action = lookupDict(item.get(PDFName.of('A')));
        destination = action?.get(PDFName.of('D'));
      }
      const resolvedDestination = destination instanceof PDFRef ? context.lookup(destination) : destination;
      let page = 0;
      if (resolvedDestination instanceof PDFArray) {
        const target = resolvedDestination.get(0);
        if (target instanceof PDFRef) page = pageNumbers.get(target.toString()) ?? 0;
      }
      entries.push({ title: text(item.get(PDFName.of('Title'))), level, page, item });
      walk(item.get(PDFName.of('First')), level + 1);
      item = lookupDict(item.get(PDFName.of('Next')));
    }
  };
  const outlines = lookupDict(doc.catalog.get(PDFName.of('Outlines')));
  if (outlines) walk(outlines.get(PDFName.of('First')), 1);
  return entries;
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
