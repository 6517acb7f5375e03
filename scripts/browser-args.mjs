// npm run build, a step after the bundle: Puppeteer's own flags for a headless Chrome, as its launch would
// give them, to dist/browser-args.json. vplan starts the browser's process itself, before Puppeteer's code
// has loaded (src/print/launch.ts), with these flags and its own. Without the file (no build yet) vplan
// loads Puppeteer first and asks it.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = puppeteer.defaultArgs({ headless: true, args: [] }).filter((arg) => arg !== 'about:blank');
await mkdir(path.join(root, 'dist'), { recursive: true });
await writeFile(path.join(root, 'dist', 'browser-args.json'), `${JSON.stringify(args, null, 1)}\n`);
