// Text widths for chart layout, from the bundled font files the browser prints the text with (the
// theme's font, then the fallbacks; fonts.ts picks the font per character exactly as the @font-face
// rules do). So the layout is exact and the same on every machine.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Font } from 'fontkit';
import { fontFor, type BundledFont } from '../render/fonts.js';

/** Width in CSS pixels of a line of text at a font size in pixels. */
export type Measure = (text: string, size: number) => number;

const files = new Map<string, Promise<Font>>();

function regularFace(font: BundledFont, subset: string): Promise<Font> {
  const face = font.faces.find((f) => f.weight === 400 && f.style === 'normal') ?? font.faces[0]!;
  const file = path.join(font.dir, `${font.id}-${subset}-${face.weight}-${face.style}.woff2`);
  let loaded = files.get(file);
  if (!loaded) {
    loaded = Promise.all([readFile(file), import('fontkit')]).then(([data, fontkit]) => fontkit.create(data) as Font);
    files.set(file, loaded);
    loaded.catch(() => files.delete(file));
  }
  return loaded;
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
 * A measure for the given texts: their font files are loaded first, so measuring is synchronous (the
 * templates call it). A text not given here is measured with the fonts already loaded.
 */
export async function createMeasure(stack: readonly BundledFont[], texts: Iterable<string>): Promise<Measure> {
  const fonts = new Map<string, Font>();
  const wanted = new Map<string, { font: BundledFont; subset: string }>();
  for (const text of texts) for (const run of runs(stack, text)) wanted.set(run.key, run);
  if (stack[0]?.subsets[0]) wanted.set(`${stack[0].id}|${stack[0].subsets[0].name}`, { font: stack[0], subset: stack[0].subsets[0].name });
  await Promise.all([...wanted].map(async ([key, { font, subset }]) => fonts.set(key, await regularFace(font, subset))));
  const fallback = [...fonts.values()][0];
  return (text, size) => {
    let width = 0;
    for (const run of runs(stack, text)) {
      const font = fonts.get(run.key) ?? fallback;
      if (!font) continue;
      width += (font.layout(run.text).advanceWidth / font.unitsPerEm) * size;
    }
    return width;
  };
}
