#!/usr/bin/env node
// Entry point of the vplan command. `npm run build` bundles the code into dist/bundle/ (scripts/bundle.mjs):
// a few files for Node to read instead of the many modules in src/ and node_modules.
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';

const bundle = new URL('../dist/bundle/', import.meta.url);
const cli = new URL('cli.js', bundle);
if (!existsSync(cli)) {
  process.stderr.write('vplan är inte byggt ännu: kör npm install (eller npm run build) i vplan-mappen.\n');
  process.exit(1);
}
const argv = process.argv.slice(2);
// `vplan build` of a PDF starts its browser before the rest of vplan loads: the browser's start then
// overlaps loading, reading and computing (src/print/early.ts). The command line is checked after, by
// cli.js; a browser that the command does not take is closed below.
const early = printsWithBrowser(argv) ? await import(new URL('early.js', bundle).href) : undefined;
await early?.startBrowserEarly(printsWithBrowser(argv).browser);
const { main } = await import(cli.href);
process.exitCode = await main(argv);
await early?.abandonEarlyBrowser();

/** `vplan build` making PDFs (not --web, not --help): the browser it asks for (--browser), if any. */
function printsWithBrowser(args) {
  try {
    const { positionals, values } = parseArgs({
      args,
      options: { browser: { type: 'string' }, web: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      strict: false,
      allowPositionals: true,
    });
    if (positionals[0] !== 'build' || values.web === true || values.help === true) return undefined;
    return { browser: typeof values.browser === 'string' ? values.browser : undefined };
  } catch {
    return undefined;
  }
}
