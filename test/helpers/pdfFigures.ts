// The figures of a printed PDF as a reader's assistive technology and a viewer see them: the
// structure tree's /Figure elements with their /Alt, and every image drawn with its size on the page.
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFString, PDFHexString } from 'pdf-lib';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** The /Alt of every /Figure structure element that has one, in document order. */
export async function figureAlts(bytes: Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const root = doc.catalog.lookup(PDFName.of('StructTreeRoot'));
  const alts: string[] = [];
  const walk = (node: unknown) => {
    if (!(node instanceof PDFDict)) return;
    const alt = node.lookup(PDFName.of('Alt'));
    if (node.lookup(PDFName.of('S')) === PDFName.of('Figure') && (alt instanceof PDFString || alt instanceof PDFHexString)) alts.push(alt.decodeText());
    const kids = node.lookup(PDFName.of('K'));
    for (const kid of kids instanceof PDFArray ? kids.asArray() : [kids]) walk(doc.context.lookup(kid as never));
  };
  walk(root);
  return alts;
}

/** Every image painted, with its page and its size on the page in points. */
export async function paintedImages(bytes: Uint8Array): Promise<{ page: number; width: number; height: number }[]> {
  const doc = await getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
  const images: { page: number; width: number; height: number }[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const list = await (await doc.getPage(p)).getOperatorList();
    let ctm = [1, 0, 0, 1, 0, 0];
    const stack: number[][] = [];
    list.fnArray.forEach((fn, i) => {
      const args = list.argsArray[i] as number[];
      if (fn === OPS.save) stack.push(ctm);
      else if (fn === OPS.restore) ctm = stack.pop() ?? [1, 0, 0, 1, 0, 0];
      else if (fn === OPS.transform) {
        const [a, b, c, d, e, f] = args as [number, number, number, number, number, number];
        const [A, B, C, D, E, F] = ctm as [number, number, number, number, number, number];
        ctm = [a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F];
      } else if (fn === OPS.paintImageXObject || fn === OPS.paintInlineImageXObject) {
        images.push({ page: p, width: Math.hypot(ctm[0]!, ctm[1]!), height: Math.hypot(ctm[2]!, ctm[3]!) });
      }
    });
  }
  await doc.destroy();
  return images;
}
