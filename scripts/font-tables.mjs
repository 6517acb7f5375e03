// npm run build, a step after the bundle: what vplan reads from the bundled font files, read once here
// with fontkit into dist/fonts.tables.json, each file keyed by its SHA-256:
// - coverage: the code points each file has a glyph for (its cmap), for every regular and bold file;
// - advances: the advance width of each of those code points, for each latin-400-normal .woff2 file
//   (the running header measures its texts with these; no shaping).
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
    advances[sha256(data)] = { unitsPerEm: font.unitsPerEm, widths };
  }
}
await mkdir(path.dirname(out), { recursive: true });
await writeFile(out, JSON.stringify({ coverage, advances }));
