// Runs dist/check/pdfjsScript.js on a copy of the bundled pdf.js in a folder of its own, in a process of
// its own (pdf.js sets globals as it loads): reads a PDF, saves the cache, and prints what happened.
// Usage: node pdfjsScriptRun.mjs <script> <pdf>
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const { runPdfjsScript } = await import(pathToFileURL(path.join(root, 'dist', 'check', 'pdfjsScript.js')).href);
const { readPrintedText } = await import(pathToFileURL(path.join(root, 'dist', 'check', 'printedText.js')).href);
const [script, pdf] = process.argv.slice(2);
const scripted = runPdfjsScript(script, pathToFileURL(path.join(root, 'node_modules', 'pdfjs-dist', 'legacy', 'build', 'pdf.min.mjs')).href);
globalThis.pdfjsWorker = scripted.worker;
const text = await readPrintedText(scripted.api, new Uint8Array(readFileSync(pdf)));
scripted.saveCache();
process.stdout.write(JSON.stringify({ cached: scripted.cached, text }));
