// npm run build, a step after the bundle: pdf.js (the legacy builds of its API and of its worker code,
// which the self-check reads prints back with) as one classic script, dist/pdfjs/pdfjs.cjs. The reader's
// worker thread runs it with a V8 code cache (src/check/pdfjsScript.ts): in Node 20 an ES module cannot
// have one, and compiling pdf.js's code afresh costs every cold build a few tenths of a second of
// processor time. The cache is made by the first read after this build, so any old one goes here.
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, 'dist', 'pdfjs');

await rm(outdir, { recursive: true, force: true });
const result = await build({
  absWorkingDir: root,
  stdin: {
    contents:
      "module.exports = { api: require('pdfjs-dist/legacy/build/pdf.min.mjs'), worker: require('pdfjs-dist/legacy/build/pdf.worker.min.mjs') };",
    resolveDir: root,
    sourcefile: 'pdfjs-script-entry.cjs',
  },
  outfile: path.join(outdir, 'pdfjs.cjs'),
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minify: true,
  // pdf.js finds its optional packages (@napi-rs/canvas) from its own module's URL: the loader passes
  // the real module's URL in under this name.
  define: { 'import.meta.url': '__vplanPdfjsUrl' },
  legalComments: 'inline',
  logLevel: 'warning',
});
if (result.errors.length > 0) process.exit(1);
