// The running header and footer: the förbund's name, the title and the dnr in the page margins. A
// margin box neither clips nor ellipsizes in Chromium (overflow and text-overflow are ignored there),
// so a long title would run over the other boxes and off the page. Each text is measured here with the
// theme's font and shortened with "…" to the width its box has (the title page shows it in full).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FontSpec } from './fonts.js';
import { advances, type Advances } from './fontTables.js';
import { projectRequire } from '../root.js';

const require = projectRequire;

/**
 * Font size of the header and footer texts in style.css (@top-left, @top-right, @bottom-left): 8.5pt,
 * which style.css rounds to 11.25px (8.44pt). Measured at the larger size, a text never runs over.
 */
const SIZE_PT = 8.5;
const MM = 72 / 25.4;
/** A4's 210 mm less the page margins (25 + 22 mm) is 163 mm: "FÖRSLAG" in the middle needs about 20. */
const HEADER_SIDE_PT = 68 * MM;
/** The footer shares its line only with the page number. */
const FOOTER_LEFT_PT = 120 * MM;
const ELLIPSIS = '\u2026';

export interface RunningTexts {
  /** @top-left: the förbund's name. */
  left: string;
  /** @top-right: the plan's title. */
  right: string;
  /** @bottom-left: "Dnr …", or undefined for none. */
  footer: string | undefined;
}

const fonts = new Map<string, Promise<Advances | undefined>>();

/** The theme's regular face (latin subset), or undefined when it cannot be read: then widths are estimated. */
function regularFace(spec: FontSpec): Promise<Advances | undefined> {
  let font = fonts.get(spec.package);
  if (!font) {
    font = (async () => {
      try {
        const dir = path.join(path.dirname(require.resolve(`${spec.package}/package.json`)), 'files');
        const id = spec.package.split('/').pop()!;
        return await advances(await readFile(path.join(dir, `${id}-latin-400-normal.woff2`)));
      } catch {
        return undefined;
      }
    })();
    fonts.set(spec.package, font);
  }
  return font;
}

/** An average letter, for a theme font that cannot be read (a wide one: the text comes out shorter). */
const AVERAGE_EM = 0.6;

/** Width in points of each character: the font's advance, or a full em for a character it lacks. */
function widths(text: string, font: Advances | undefined): number[] {
  return [...text].map((char) => {
    const code = char.codePointAt(0)!;
    if (!font) return AVERAGE_EM * SIZE_PT;
    if (!font.hasGlyphForCodePoint(code)) return SIZE_PT;
    return (font.glyphForCodePoint(code).advanceWidth / font.unitsPerEm) * SIZE_PT;
  });
}

/** The text as is when it fits `maxPt`, else cut (at a word if one is near) and ended with "…". */
export function fitText(text: string, maxPt: number, font: Advances | undefined): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  // Short texts fit whatever the font: no character is wider than an em.
  if (chars.length * SIZE_PT <= maxPt) return chars.join('');
  const advance = widths(chars.join(''), font);
  const total = advance.reduce((a, b) => a + b, 0);
  if (total <= maxPt) return chars.join('');
  const room = maxPt - widths(ELLIPSIS, font)[0]!;
  let used = 0;
  let cut = 0;
  while (cut < chars.length && used + advance[cut]! <= room) used += advance[cut++]!;
  const kept = chars.slice(0, cut).join('');
  // Back to the last space when that keeps most of the line: "… samordnings…" reads worse than "…".
  const space = kept.lastIndexOf(' ');
  const shortened = space > kept.length * 0.7 ? kept.slice(0, space) : kept;
  return `${shortened.replace(/[\s,.;:–-]+$/u, '')}${ELLIPSIS}`;
}

export async function runningTexts(
  doc: { associationName: string; title: string; dnr: string | undefined },
  bodyFont: FontSpec | undefined,
): Promise<RunningTexts> {
  const all = `${doc.associationName}${doc.title}${doc.dnr ?? ''}`;
  // The font is read only for a text long enough to need measuring.
  const font = bodyFont && [...all].length * SIZE_PT > HEADER_SIDE_PT ? await regularFace(bodyFont) : undefined;
  return {
    left: fitText(doc.associationName, HEADER_SIDE_PT, font),
    right: fitText(doc.title, HEADER_SIDE_PT, font),
    footer: doc.dnr === undefined ? undefined : fitText(`Dnr ${doc.dnr}`, FOOTER_LEFT_PT, font),
  };
}
