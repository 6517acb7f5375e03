#!/usr/bin/env node
// Entry point of the vplan command. `npm run build` bundles the code into dist/bundle/ (scripts/bundle.mjs):
// a few files for Node to read instead of the many modules in src/ and node_modules.
import { existsSync } from 'node:fs';

const cli = new URL('../dist/bundle/cli.js', import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write('vplan är inte byggt ännu: kör npm install (eller npm run build) i vplan-mappen.\n');
  process.exit(1);
}
const { main } = await import(cli.href);
process.exitCode = await main(process.argv.slice(2));
