// Reads a PDF's text page by page with pdfjs-dist, the way a reader's copy-paste would see it.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfText {
  pages: string[];
  all: string;
  info: Record<string, unknown>;
}

/** Text of each page, items joined by spaces, non-breaking spaces kept as they are. */
export async function pdfText(data: Uint8Array): Promise<PdfText> {
  const doc = await getDocument({ data: new Uint8Array(data), verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const content = await page.getTextContent();
    pages.push(
      content.items
        .map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : ''))
        .join('')
        .replace(/[ \t]+/g, ' '),
    );
  }
  const { info } = (await doc.getMetadata()) as { info: Record<string, unknown> };
  await doc.destroy();
  return { pages, all: pages.join('\n'), info };
}

/** Collapses all whitespace (including NBSP) to single spaces, for phrase matching. */
export function normalize(text: string): string {
  return text.replace(/[\s\u00a0\u202f]+/g, ' ');
}

/** The PDF's text as pdftotext gives it: laid out as printed (lines and columns) unless `layout` is false; `pages`: first and last. */
export async function pdftotext(file: string, { layout = true, pages }: { layout?: boolean; pages?: [number, number] } = {}): Promise<string> {
  const { execFile } = await import('node:child_process');
  const { promisify } = await import('node:util');
  const range = pages ? ['-f', String(pages[0]), '-l', String(pages[1])] : [];
  const { stdout } = await promisify(execFile)('pdftotext', [...(layout ? ['-layout'] : []), ...range, file, '-']);
  return stdout;
}
