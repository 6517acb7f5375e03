// Which font prints each run of text, read with pdf.js: for checks that a text is bold or italic.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface TextFont {
  page: number;
  text: string;
  /** The font's PostScript name without the subset tag, e.g. "Carlito-BoldItalic". */
  font: string;
  /** The font size in points. */
  size: number;
}

export async function textFonts(data: Uint8Array, pages?: number[]): Promise<TextFont[]> {
  const doc = await getDocument({ data: new Uint8Array(data), verbosity: 0, fontExtraProperties: true }).promise;
  const out: TextFont[] = [];
  for (let number = 1; number <= doc.numPages; number++) {
    if (pages && !pages.includes(number)) continue;
    const page = await doc.getPage(number);
    const content = await page.getTextContent();
    await page.getOperatorList();
    for (const item of content.items) {
      if (!('str' in item) || item.str.trim() === '') continue;
      const font = page.commonObjs.get(item.fontName) as { name?: string } | undefined;
      out.push({ page: number, text: item.str, font: (font?.name ?? '').replace(/^[A-Z]{6}\+/, ''), size: Math.hypot(item.transform[2], item.transform[3]) });
    }
  }
  await doc.destroy();
  return out;
}
