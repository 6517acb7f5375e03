// npm run build, second step: the vplan command as one ESM bundle in dist/bundle/, split at every lazy
// import() so that each command still loads only its own code. Node reads a few large files instead of
// more than a thousand small ones in node_modules (a cold start spent a third of its time in Node's
// module loader). dist/ beside it stays tsc's output, for the bench scripts and the schema generator.
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Packages the bundle takes from scripts/ instead: fontkit's WOFF2 decoding through Node's native brotli
 * (brotli-native.cjs: the same bytes, faster), proxy-agent, which Puppeteer's tools only need to
 * download a browser (no-proxy-agent.mjs: 1.8 MB less code for every build to load), and ws, which
 * Puppeteer only needs to talk to a browser over a WebSocket, never over vplan's pipe (no-ws.mjs).
 */
const REPLACED = [
  { filter: /^brotli\/decompress(\.js)?$/, file: 'brotli-native.cjs' },
  { filter: /^proxy-agent$/, file: 'no-proxy-agent.mjs' },
  { filter: /^ws$/, file: 'no-ws.mjs' },
];
const replaced = {
  name: 'vplan-replaced',
  setup(b) {
    for (const { filter, file } of REPLACED) b.onResolve({ filter }, () => ({ path: path.join(root, 'scripts', file) }));
  },
};
const outdir = path.join(root, 'dist', 'bundle');

await rm(outdir, { recursive: true, force: true });
const result = await build({
  absWorkingDir: root,
  // The self-check's PDF reader runs in a worker thread: its own entry point, among the chunks, beside
  // the code that starts it (src/check/reader.ts looks for ./readWorker.js).
  entryPoints: { cli: 'src/cli.ts', 'chunks/readWorker': 'src/check/readWorker.ts' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  // A package's ESM build where it has one (jsonc-parser's CommonJS build is UMD, whose require() calls a bundler cannot follow).
  mainFields: ['module', 'main'],
  target: 'node20',
  chunkNames: 'chunks/[name]-[hash]',
  external: [
    // Optional, found at run time only where no system browser is: its binaries are files beside it.
    '@sparticuz/chromium',
  ],
  // CommonJS packages in an ESM bundle: their require() of Node's own modules needs a real require.
  banner: { js: "import { createRequire as __vplanCreateRequire } from 'node:module'; const require = __vplanCreateRequire(import.meta.url);" },
  sourcemap: 'linked',
  legalComments: 'linked',
  logLevel: 'warning',
  metafile: true,
  plugins: [replaced],
});
if (process.env.VPLAN_BUNDLE_META) await (await import('node:fs/promises')).writeFile(process.env.VPLAN_BUNDLE_META, JSON.stringify(result.metafile));
if (result.errors.length > 0) process.exit(1);
