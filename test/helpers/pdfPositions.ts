// Where each run of text lands on its page, read with pdf.js: for checks that something is inside the
// page, in its column, or clear of its neighbours.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PlacedText {
  page: number;
  text: string;
  x: number;
  /** Baseline, from the bottom of the page. */
  y: number;
  width: number;
}

export interface PlacedPages {
  width: number;
  height: number;
  items: PlacedText[];
}

export async function placedText(data: Uint8Array): Promise<PlacedPages[]> {
  const doc = await getDocument({ data: new Uint8Array(data), verbosity: 0 }).promise;
  const pages: PlacedPages[] = [];
  for (let number = 1; number <= doc.numPages; number++) {
    const page = await doc.getPage(number);
    const [x0, y0, x1, y1] = page.view as [number, number, number, number];
    const items: PlacedText[] = [];
    for (const item of (await page.getTextContent()).items) {
      if (!('str' in item) || item.str.trim() === '') continue;
      items.push({ page: number, text: item.str, x: item.transform[4] - x0, y: item.transform[5] - y0, width: item.width });
    }
    pages.push({ width: x1 - x0, height: y1 - y0, items });
  }
  await doc.destroy();
  return pages;
}

/** Text without spaces, soft hyphens or hyphens: a wrapped or hyphenated word compares equal to itself. */
export const squeezed = (text: string) => text.replace(/[\s\u00a0\u00ad\u2010-]+/g, '');
