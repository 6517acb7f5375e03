// The bundled fonts: a theme's own font, then Noto Sans and Noto Sans Symbols 2 as fallbacks that every
// theme shares, all from Fontsource packages in node_modules. This module knows which characters each
// font covers (its cmap, see fontTables.ts, within the unicode-range of each subset file) and writes the
// @font-face rules for the subsets a document's text needs, inlined so the page loads nothing.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { coverage } from './fontTables.js';
import { intersection, pointSet } from './codePoints.js';
import { RunError } from '../errors.js';
import { projectRequire } from '../root.js';

const require = projectRequire;

export interface FontSpec {
  /** A Fontsource package from the npm registry, e.g. "@fontsource/carlito". */
  package: string;
  /** The family name the theme's CSS uses, e.g. "Carlito". */
  family: string;
}

/**
 * After the theme's fonts, in this order: Noto Sans for Latin, Greek, Cyrillic and Devanagari, Noto
 * Sans Symbols 2 for symbols, dingbats and braille, and Open Sans (a theme font anyway) for its math
 * subset (≤ ≥ ≈ ≠ ∞ √ ∑), which neither Noto package has.
 */
export const FALLBACK_FONTS: readonly FontSpec[] = [
  { package: '@fontsource/noto-sans', family: 'Noto Sans' },
  { package: '@fontsource/noto-sans-symbols-2', family: 'Noto Sans Symbols 2' },
  { package: '@fontsource/open-sans', family: 'Open Sans' },
];

/** The weights the templates use; a font without 700 is printed in its 400 (no synthetic bold). */
const WEIGHTS = [400, 700];

interface Subset {
  name: string;
  ranges: [number, number][];
  /** Code points this subset's file has a glyph for, within its unicode-range (no control characters). */
  covered: Set<number>;
}

export interface BundledFont {
  spec: FontSpec;
  /** The folder with the font files. */
  dir: string;
  /** File name stem, e.g. "noto-sans". */
  id: string;
  faces: { weight: number; style: string }[];
  subsets: Subset[];
}

const missingPackage = (font: FontSpec) =>
  new RunError(`Typsnittet ${font.family} saknas (paketet ${font.package}).`, 'Kör npm install i vplan-mappen.');

/** U+0000-00FF,U+0131 → [[0, 255], [305, 305]] */
export function parseUnicodeRange(value: string): [number, number][] {
  return [...value.matchAll(/U\+([0-9A-F]+)(?:-([0-9A-F]+))?/gi)].map((m) => [parseInt(m[1]!, 16), parseInt(m[2] ?? m[1]!, 16)]);
}

/** Every code point but the control characters (isControl): tab, line feed and carriage return stay. */
export const NOT_CONTROL: readonly [number, number][] = [
  [0x09, 0x0a],
  [0x0d, 0x0d],
  [0x20, 0x7e],
  [0xa0, 0x10ffff],
];

async function readJson<T>(file: string, font: FontSpec): Promise<T> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as T;
  } catch {
    throw missingPackage(font);
  }
}

async function loadFont(spec: FontSpec): Promise<BundledFont> {
  let root: string;
  try {
    root = path.dirname(require.resolve(`${spec.package}/package.json`));
  } catch {
    throw missingPackage(spec);
  }
  const meta = await readJson<{ id: string; subsets: string[]; weights: number[]; styles: string[] }>(path.join(root, 'metadata.json'), spec);
  const ranges = await readJson<Record<string, string>>(path.join(root, 'unicode.json'), spec);
  const dir = path.join(root, 'files');
  const weights = WEIGHTS.filter((w) => meta.weights.includes(w));
  const styles = (['normal', 'italic'] as const).filter((s) => meta.styles.includes(s));
  if (weights.length === 0 || styles.length === 0) throw missingPackage(spec);
  const faces = weights.flatMap((weight) => styles.map((style) => ({ weight, style })));
  const subsets = await Promise.all(
    meta.subsets
      .filter((name) => ranges[name])
      .map(async (name) => {
        const subsetRanges = parseUnicodeRange(ranges[name]!);
        // The regular face's cmap stands for the family: the faces of a Fontsource subset share it.
        const file = path.join(dir, `${meta.id}-${name}-${faces[0]!.weight}-${faces[0]!.style}.woff`);
        const data = await readFile(file).catch(() => {
          throw new RunError(`Typsnittsfilen ${file} saknas.`, 'Kör npm install i vplan-mappen.');
        });
        const covered = pointSet(intersection(await coverage(data), subsetRanges, NOT_CONTROL));
        return { name, ranges: subsetRanges, covered };
      }),
  );
  return { spec, dir, id: meta.id, faces, subsets };
}

const fontCache = new Map<string, Promise<BundledFont>>();

export function bundledFont(spec: FontSpec): Promise<BundledFont> {
  const key = `${spec.package}|${spec.family}`;
  let font = fontCache.get(key);
  if (!font) {
    font = loadFont(spec);
    fontCache.set(key, font);
    font.catch(() => fontCache.delete(key));
  }
  return font;
}

/** The whole stack a theme prints with: its own fonts, then the shared fallbacks. */
export async function fontStack(themeFonts: readonly FontSpec[]): Promise<BundledFont[]> {
  const specs = [...themeFonts, ...FALLBACK_FONTS.filter((f) => !themeFonts.some((t) => t.family === f.family))];
  return Promise.all(specs.map(bundledFont));
}

/** C0 and C1 control characters: no font draws them, and they print as a box. Tab and line breaks are white space. */
export function isControl(cp: number): boolean {
  return (cp < 0x20 && cp !== 0x09 && cp !== 0x0a && cp !== 0x0d) || (cp >= 0x7f && cp <= 0x9f);
}

/** Characters that print as nothing and need no glyph: joiners, variation selectors, soft hyphen, bidi marks. */
const NEEDS_NO_GLYPH = /^[\t\n\r\p{Default_Ignorable_Code_Point}]$/u;

/** The font and subset the browser prints a character with, or undefined when no bundled font has it. */
export function fontFor(stack: readonly BundledFont[], cp: number): { font: BundledFont; subset: Subset } | undefined {
  for (const font of stack) {
    for (const subset of font.subsets) if (subset.covered.has(cp)) return { font, subset };
  }
  return undefined;
}

/** Whether the character prints as a box: no bundled font has it (control characters never do). */
export function lacksGlyph(stack: readonly BundledFont[], cp: number): boolean {
  if (isControl(cp)) return true;
  if (NEEDS_NO_GLYPH.test(String.fromCodePoint(cp))) return false;
  return fontFor(stack, cp) === undefined;
}

/**
 * The characters of an HTML document as the browser sees them: character references decoded, and in
 * its stylesheets the CSS escapes of running headers. Markup and CSS are ASCII and cost nothing to include.
 */
export function documentCodePoints(html: string): Set<number> {
  const cssEscapes = (css: string) => css.replace(/\\([0-9a-f]{1,6}) ?/gi, (_m, code: string) => safeChar(parseInt(code, 16)));
  const decoded = html.replace(
    /(<style[^>]*>)([\s\S]*?)(<\/style>)|&#x([0-9a-f]+);|&#([0-9]+);/gi,
    (_m, open: string | undefined, css: string, close: string, hex: string | undefined, dec: string | undefined) =>
      open ? open + cssEscapes(css) + close : safeChar(hex ? parseInt(hex, 16) : parseInt(dec!, 10)),
  );
  const points = new Set<number>();
  for (const char of decoded) points.add(char.codePointAt(0)!);
  return points;
}

const safeChar = (cp: number) => (cp > 0 && cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff) ? String.fromCodePoint(cp) : '');

/** Code points in the document that no bundled font has, in order. */
export function missingGlyphs(stack: readonly BundledFont[], html: string): number[] {
  return [...documentCodePoints(html)].filter((cp) => lacksGlyph(stack, cp)).sort((a, b) => a - b);
}

const faceCache = new Map<string, Promise<string>>();

async function faceCss(font: BundledFont, subset: Subset): Promise<string> {
  const key = `${font.dir}|${font.spec.family}|${subset.name}`;
  let css = faceCache.get(key);
  if (!css) {
    const range = subset.ranges.map(([a, b]) => (a === b ? `U+${hex(a)}` : `U+${hex(a)}-${hex(b)}`)).join(',');
    css = Promise.all(
      font.faces.map(async ({ weight, style }) => {
        const file = path.join(font.dir, `${font.id}-${subset.name}-${weight}-${style}.woff2`);
        const data = await readFile(file).catch(() => {
          throw new RunError(`Typsnittsfilen ${file} saknas.`, 'Kör npm install i vplan-mappen.');
        });
        return `@font-face{font-family:'${font.spec.family}';font-style:${style};font-weight:${weight};font-display:block;src:url(data:font/woff2;base64,${data.toString('base64')}) format('woff2');unicode-range:${range};}`;
      }),
    ).then((faces) => faces.join('\n'));
    faceCache.set(key, css);
    css.catch(() => faceCache.delete(key));
  }
  return css;
}

const hex = (cp: number) => cp.toString(16).toUpperCase().padStart(4, '0');

/**
 * The fonts of a document: @font-face rules for each subset file the text needs (the first font of the
 * stack with a glyph for a character, as the browser picks it), and the stack's families as
 * --font-fallback for the stylesheet's font-family lists.
 */
export async function fontFaceCss(stack: readonly BundledFont[], html: string): Promise<string> {
  const needed = new Map<string, { font: BundledFont; subset: Subset }>();
  // The theme's basic Latin is always there, whatever the text.
  const first = stack[0]?.subsets.find((s) => s.name === 'latin');
  if (first) needed.set(`0|latin`, { font: stack[0]!, subset: first });
  for (const cp of documentCodePoints(html)) {
    const hit = fontFor(stack, cp);
    if (hit) needed.set(`${stack.indexOf(hit.font)}|${hit.subset.name}`, hit);
  }
  const faces = await Promise.all([...needed.values()].map(({ font, subset }) => faceCss(font, subset)));
  // The whole stack, theme fonts included: whatever family a rule names first, a character then falls
  // back through the same bundled fonts the glyph check counts, and never to the computer's.
  const fallback = stack.map((f) => `'${f.spec.family}'`).join(', ');
  return [`:root{--font-fallback:${fallback};}`, ...faces].join('\n');
}
