// npm run build, a step after the bundle: what vplan reads from the bundled font files, read once here
// with fontkit into dist/fonts.tables.json, each file keyed by its SHA-256:
// - coverage: the code points each file has a glyph for (its cmap), for every regular and bold file;
// - advances: the advance width of each of those code points, for each latin-400-normal .woff2 file
//   (the running header measures its texts with these; no shaping), and for the characters of chart
//   labels their glyphs (ligatures too) and the adjustment fontkit's layout makes to each pair of them
//   (charts measure with these).
// At run time src/render/fontTables.ts takes a file's data from here when the file still has that hash,
// instead of parsing font files in a cold build; a file it does not know is read with fontkit as before.
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { create } from 'fontkit';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const fontsource = path.join(root, 'node_modules', '@fontsource');
const out = path.join(root, 'dist', 'fonts.tables.json');

/** Sorted code points as [from, to] ranges. */
function ranges(points) {
  const out = [];
  for (const cp of [...new Set(points)].sort((a, b) => a - b)) {
    const last = out.at(-1);
    if (last && last[1] === cp - 1) last[1] = cp;
    else out.push([cp, cp]);
  }
  return out;
}

const sha256 = (data) => createHash('sha256').update(data).digest('hex');

/**
 * The characters of chart labels, amounts and years (and the separators Swedish number formats use).
 * A text of these is measured as fontkit lays it out, without fontkit: split into the glyphs fontkit
 * draws (a character, or a ligature such as Carlito's "ti"), each glyph's advance plus an adjustment
 * per pair of neighbouring glyphs (kerning).
 */
const PAIR_CHARACTERS = [
  ...new Set(" !\"#%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ[]_abcdefghijklmnopqrstuvwxyz|§°ÄÅÉÖÜäåéöü\u00a0\u2009\u202f–—−…€"),
];

/**
 * The glyphs (characters and the ligatures fontkit forms of two or three of them) with their advances,
 * and the adjustment of each pair of glyphs where it is not zero (keyed "first\tsecond").
 */
function pairAdjustments(font) {
  const chars = PAIR_CHARACTERS.filter((c) => font.hasGlyphForCodePoint(c.codePointAt(0)));
  const oneGlyph = (text) => font.layout(text).glyphs.length === 1;
  const pairs = chars.flatMap((a) => chars.map((b) => a + b)).filter(oneGlyph);
  const triples = pairs.flatMap((pair) => chars.map((c) => pair + c)).filter(oneGlyph);
  const glyphs = {};
  for (const text of [...chars, ...pairs, ...triples]) glyphs[text] = font.layout(text).advanceWidth;
  const adjust = {};
  for (const a of Object.keys(glyphs)) {
    for (const b of Object.keys(glyphs)) {
      const delta = font.layout(a + b).advanceWidth - glyphs[a] - glyphs[b];
      if (delta !== 0) adjust[`${a}\t${b}`] = delta;
    }
  }
  return { glyphs, adjust };
}

const coverage = {};
const advances = {};
for (const pkg of (await readdir(fontsource).catch(() => [])).sort()) {
  const dir = path.join(fontsource, pkg, 'files');
  const files = (await readdir(dir).catch(() => [])).sort();
  for (const file of files.filter((f) => /-(400|700)-(normal|italic)\.woff$/.test(f))) {
    const data = await readFile(path.join(dir, file));
    coverage[sha256(data)] = ranges(create(data).characterSet);
  }
  for (const file of files.filter((f) => /-latin-400-normal\.woff2$/.test(f))) {
    const data = await readFile(path.join(dir, file));
    const font = create(data);
    const widths = {};
    for (const cp of font.characterSet) if (font.hasGlyphForCodePoint(cp)) widths[cp] = font.glyphForCodePoint(cp).advanceWidth;
    advances[sha256(data)] = { unitsPerEm: font.unitsPerEm, widths, pairs: pairAdjustments(font) };
  }
}
await mkdir(path.dirname(out), { recursive: true });
await writeFile(out, JSON.stringify({ coverage, advances }));
