// The shapes a page paints (filled or stroked paths: rules, borders, a leader's dots), each as its box on
// the page, as far as the clip in force at the time lets it show. Read with pdf.js's operator list.
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** A box in points from the page's lower left corner. */
export interface PaintedBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

type Matrix = [number, number, number, number, number, number];

const PAINTS = new Set<number>([
  OPS.fill,
  OPS.eoFill,
  OPS.stroke,
  OPS.closeStroke,
  OPS.fillStroke,
  OPS.eoFillStroke,
  OPS.closeFillStroke,
  OPS.closeEOFillStroke,
]);

const intersect = (a: PaintedBox, b: PaintedBox): PaintedBox | undefined => {
  const box = { x0: Math.max(a.x0, b.x0), y0: Math.max(a.y0, b.y0), x1: Math.min(a.x1, b.x1), y1: Math.min(a.y1, b.y1) };
  return box.x0 < box.x1 && box.y0 <= box.y1 ? box : undefined;
};

/** Every path painted on page `number` (1-based), clipped to the clip's bounds; those clipped away left out. */
export async function paintedBoxes(data: Uint8Array, number: number): Promise<PaintedBox[]> {
  const doc = await getDocument({ data: new Uint8Array(data), verbosity: 0 }).promise;
  try {
    const page = await doc.getPage(number);
    const [px, py] = page.view as [number, number, number, number];
    const list = await page.getOperatorList();
    let ctm: Matrix = [1, 0, 0, 1, 0, 0];
    let clip: PaintedBox | undefined;
    let clipping = false;
    const stack: { ctm: Matrix; clip: PaintedBox | undefined }[] = [];
    const boxes: PaintedBox[] = [];
    const onPage = ([x0, y0, x1, y1]: number[]): PaintedBox => {
      const corners = [
        [x0!, y0!],
        [x1!, y0!],
        [x0!, y1!],
        [x1!, y1!],
      ].map(([x, y]) => [ctm[0] * x! + ctm[2] * y! + ctm[4] - px, ctm[1] * x! + ctm[3] * y! + ctm[5] - py] as const);
      const xs = corners.map(([x]) => x);
      const ys = corners.map(([, y]) => y);
      return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
    };
    list.fnArray.forEach((fn, i) => {
      const args = list.argsArray[i] as unknown[];
      if (fn === OPS.save) stack.push({ ctm, clip });
      else if (fn === OPS.restore) ({ ctm, clip } = stack.pop() ?? { ctm: [1, 0, 0, 1, 0, 0], clip: undefined });
      else if (fn === OPS.transform) {
        const [a, b, c, d, e, f] = args as Matrix;
        const [A, B, C, D, E, F] = ctm;
        ctm = [a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F];
      } else if (fn === OPS.clip || fn === OPS.eoClip) clipping = true;
      else if (fn === OPS.constructPath) {
        // pdf.js 5: [the painting operator, the path, its bounds [x0, y0, x1, y1] in the current space].
        const [paint, , minMax] = args as [number, unknown, ArrayLike<number> | null];
        if (!minMax) return;
        const box = onPage(Array.from(minMax));
        if (clipping) {
          clip = clip ? (intersect(clip, box) ?? { ...box, x1: box.x0 }) : box;
          clipping = false;
        }
        if (!PAINTS.has(paint)) return;
        const shown = clip ? intersect(clip, box) : box;
        if (shown) boxes.push(shown);
      }
    });
    return boxes;
  } finally {
    await doc.destroy();
  }
}
