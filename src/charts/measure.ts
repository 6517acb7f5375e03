// Text widths for chart layout, from the bundled font files the browser prints the text with (the
// theme's font, then the fallbacks; fonts.ts picks the font per character exactly as the @font-face
// rules do). So the layout is exact and the same on every machine. A text of common characters is
// measured from the tables `npm run build` makes (render/fontTables.ts), without loading fontkit.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Font } from 'fontkit';
import { fontFor, type BundledFont } from '../render/fonts.js';
import { pairWidths, type PairWidths } from '../render/fontTables.js';

/** Width in CSS pixels of a line of text at a font size in pixels. */
export type Measure = (text: string, size: number) => number;

const files = new Map<string, Promise<Font>>();

function regularFile(font: BundledFont, subset: string): string {
  const face = font.faces.find((f) => f.weight === 400 && f.style === 'normal') ?? font.faces[0]!;
  return path.join(font.dir, `${font.id}-${subset}-${face.weight}-${face.style}.woff2`);
}

function openFont(file: string): Promise<Font> {
  let loaded = files.get(file);
  if (!loaded) {
    loaded = Promise.all([readFile(file), import('fontkit')]).then(([data, fontkit]) => fontkit.create(data) as Font);
    files.set(file, loaded);
    loaded.catch(() => files.delete(file));
  }
  return loaded;
}

const tables = new Map<string, Promise<PairWidths | undefined>>();

/** A bundled file's widths from the tables made at npm run build (see fontTables.ts), if they have it. */
function tableOf(file: string) {
  let table = tables.get(file);
  if (!table) {
    table = readFile(file).then(pairWidths);
    tables.set(file, table);
    table.catch(() => tables.delete(file));
  }
  return table;
}

/** Splits text into runs printed with one font file each. */
function runs(stack: readonly BundledFont[], text: string): { key: string; font: BundledFont; subset: string; text: string }[] {
  const out: { key: string; font: BundledFont; subset: string; text: string }[] = [];
  for (const char of text) {
    const hit = fontFor(stack, char.codePointAt(0)!) ?? (stack[0] && { font: stack[0], subset: stack[0].subsets[0]! });
    if (!hit) continue;
    const key = `${hit.font.id}|${hit.subset.name}`;
    const last = out.at(-1);
    if (last?.key === key) last.text += char;
    else out.push({ key, font: hit.font, subset: hit.subset.name, text: char });
  }
  return out;
}

/**
 * A measure for the given texts: their fonts are loaded first, so measuring is synchronous (the
 * templates call it). A text of common characters is measured from the font tables made at npm run
 * build, with the same result as fontkit's layout and without loading fontkit in a cold build; any
 * other text with its font file read by fontkit. A text not given here is measured with the tables
 * and fonts already loaded.
 */
export async function createMeasure(stack: readonly BundledFont[], texts: Iterable<string>): Promise<Measure> {
  type Run = ReturnType<typeof runs>[number];
  const fonts = new Map<string, Font>();
  const widths = new Map<string, PairWidths>();
  const given: Run[] = [];
  for (const text of texts) given.push(...runs(stack, text));
  const fileOf = new Map(given.map((run) => [run.key, regularFile(run.font, run.subset)]));
  await Promise.all(
    [...fileOf].map(async ([key, file]) => {
      const table = await tableOf(file).catch(() => undefined);
      if (table) widths.set(key, table);
    }),
  );
  // fontkit only for the files a given text needs it for (or that the tables do not know).
  const needed = new Set(given.filter((run) => widths.get(run.key)?.width(run.text) === undefined).map((run) => run.key));
  await Promise.all([...needed].map(async (key) => fonts.set(key, await openFont(fileOf.get(key)!))));
  // For a text not given here whose font is not loaded: the first font that is, else the tables' advances.
  const fallback = [...fonts.values()][0];
  const fallbackTable = [...widths.values()][0];
  return (text, size) => {
    let width = 0;
    for (const run of runs(stack, text)) {
      const table = widths.get(run.key);
      const units = table?.width(run.text);
      if (table && units !== undefined) {
        width += (units / table.unitsPerEm) * size;
        continue;
      }
      const font = fonts.get(run.key) ?? fallback;
      const approximate = table ?? fallbackTable;
      if (font) width += (font.layout(run.text).advanceWidth / font.unitsPerEm) * size;
      else if (approximate) width += (approximate.approximate(run.text) / approximate.unitsPerEm) * size;
    }
    return width;
  };
}
