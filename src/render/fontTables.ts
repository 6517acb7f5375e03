// What vplan reads from the bundled font files, made once at `npm run build` (scripts/font-tables.mjs
// writes dist/fonts.tables.json, each file keyed by its SHA-256): a file with a known hash is looked up
// there, any other is read with fontkit. The same data either way, without parsing font files (and
// decoding WOFF2) in a cold build.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Font } from 'fontkit';
import { PROJECT_ROOT } from '../root.js';

export const FONT_TABLES_FILE = path.join(PROJECT_ROOT, 'dist', 'fonts.tables.json');

/** A font's advance widths per code point (fontkit's Font is one too). */
export interface Advances {
  unitsPerEm: number;
  hasGlyphForCodePoint(codePoint: number): boolean;
  glyphForCodePoint(codePoint: number): { advanceWidth: number };
}

interface Tables {
  coverage: Record<string, [number, number][]>;
  advances: Record<string, { unitsPerEm: number; widths: Record<string, number>; pairs?: { glyphs: Record<string, number>; adjust: Record<string, number> } }>;
}

let tables: Promise<Partial<Tables>> | undefined;

function known(): Promise<Partial<Tables>> {
  tables ??= readFile(FONT_TABLES_FILE, 'utf8').then(
    (text) => JSON.parse(text) as Partial<Tables>,
    () => ({}),
  );
  return tables;
}

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');
const lookup = <T>(table: Record<string, T> | undefined, key: string): T | undefined =>
  table && Object.hasOwn(table, key) ? table[key] : undefined;

async function openFont(data: Uint8Array): Promise<Font> {
  const { create } = await import('fontkit');
  return create(Buffer.from(data.buffer, data.byteOffset, data.byteLength)) as Font;
}

/** The code points of a font file, given its bytes, as sorted [from, to] ranges. */
export async function coverage(data: Uint8Array): Promise<[number, number][]> {
  const ranges = lookup((await known()).coverage, sha256(data));
  if (Array.isArray(ranges)) return ranges;
  const points = [...new Set((await openFont(data)).characterSet)].sort((a, b) => a - b);
  const found: [number, number][] = [];
  for (const cp of points) {
    const last = found.at(-1);
    if (last && last[1] === cp - 1) last[1] = cp;
    else found.push([cp, cp]);
  }
  return found;
}

/** The code points of a font file, given its bytes. */
export async function characterSet(data: Uint8Array): Promise<number[]> {
  const points: number[] = [];
  for (const [from, to] of await coverage(data)) for (let cp = from; cp <= to; cp++) points.push(cp);
  return points;
}

/** The advance widths of a font file, given its bytes; undefined when fontkit cannot read it as one font. */
export async function advances(data: Uint8Array): Promise<Advances | undefined> {
  const table = lookup((await known()).advances, sha256(data));
  if (table) {
    const { unitsPerEm, widths } = table;
    return {
      unitsPerEm,
      hasGlyphForCodePoint: (cp) => Object.hasOwn(widths, cp),
      glyphForCodePoint: (cp) => ({ advanceWidth: widths[cp] ?? 0 }),
    };
  }
  const font = await openFont(data);
  return 'glyphForCodePoint' in font ? font : undefined;
}

/**
 * The width of a text in font units as fontkit lays it out, for a file the tables know and a text of
 * the characters their pairs were made for (chart labels, amounts, years); undefined for any other text
 * or file, which needs fontkit itself. The text is split into glyphs as fontkit's ligatures split it
 * (the longest first, from the left).
 */
export type TextWidth = (text: string) => number | undefined;

export interface PairWidths {
  unitsPerEm: number;
  width: TextWidth;
  /** Advances alone, half an em for a character the file lacks: for a text no loaded font can measure. */
  approximate(text: string): number;
}

export async function pairWidths(data: Uint8Array): Promise<PairWidths | undefined> {
  const table = lookup((await known()).advances, sha256(data));
  if (!table?.pairs) return undefined;
  const { unitsPerEm, widths, pairs } = table;
  const glyph = (text: string) => (Object.hasOwn(pairs.glyphs, text) ? pairs.glyphs[text] : undefined);
  const width: TextWidth = (text) => {
    const chars = [...text];
    let total = 0;
    let before: string | undefined;
    for (let i = 0; i < chars.length; ) {
      const length = [3, 2, 1].find((n) => i + n <= chars.length && glyph(chars.slice(i, i + n).join('')) !== undefined);
      if (length === undefined) return undefined;
      const current = chars.slice(i, i + length).join('');
      total += glyph(current)! + (before === undefined ? 0 : (pairs.adjust[`${before}\t${current}`] ?? 0));
      before = current;
      i += length;
    }
    return total;
  };
  const approximate = (text: string) => [...text].reduce((sum, char) => sum + (widths[char.codePointAt(0)!] ?? unitsPerEm / 2), 0);
  return { unitsPerEm, width, approximate };
}
