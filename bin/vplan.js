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
const code = await main(process.argv.slice(2));
// Everything the command does is done when main returns. Ending now, once the output has been handed
// to the terminal or pipe, spares Node's orderly teardown of a large heap (a few hundredths of a second).
const drained = (stream) => (stream.writableLength > 0 ? new Promise((resolve) => stream.once('drain', resolve)) : undefined);
await Promise.all([drained(process.stdout), drained(process.stderr)]);
process.exit(code);
