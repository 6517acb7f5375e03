// npm run build, a step after the bundle: which code points each bundled font file has a glyph for
// (its cmap), read once here with fontkit into dist/fonts.coverage.json, keyed by the SHA-256 of the
// file. At run time src/render/fonts.ts takes a file's code points from there when the file still has
// that hash, instead of parsing every subset file of every font of the stack (~100 ms of a cold build);
// a font file it does not know is read with fontkit as before.
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { create } from 'fontkit';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const fontsource = path.join(root, 'node_modules', '@fontsource');
const out = path.join(root, 'dist', 'fonts.coverage.json');

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

const coverage = {};
for (const pkg of (await readdir(fontsource).catch(() => [])).sort()) {
  const dir = path.join(fontsource, pkg, 'files');
  for (const file of (await readdir(dir).catch(() => [])).filter((f) => /-(400|700)-(normal|italic)\.woff$/.test(f)).sort()) {
    const data = await readFile(path.join(dir, file));
    const hash = createHash('sha256').update(data).digest('hex');
    coverage[hash] = ranges(create(data).characterSet);
  }
}
await mkdir(path.dirname(out), { recursive: true });
await writeFile(out, JSON.stringify(coverage));
