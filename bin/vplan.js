#!/usr/bin/env node
// Entry point of the vplan command; the code is compiled into dist/ by `npm run build`.
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write('vplan är inte byggt ännu: kör npm install (eller npm run build) i vplan-mappen.\n');
  process.exit(1);
}
const { main } = await import(cli.href);
process.exitCode = await main(process.argv.slice(2));
