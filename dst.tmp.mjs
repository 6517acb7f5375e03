const { PrintSession } = await import('/work/main/dist/build.js');
const { loadDocument } = await import('/work/main/dist/print/pdf.js');
const { readOutline } = await import('/work/main/dist/finish/outline.js');
import { PDFDocument, PDFName, PDFDict, PDFArray, PDFRef } from 'pdf-lib';
import { readFileSync } from 'node:fs';
const html = readFileSync(process.argv[2],'utf8');
const s = new PrintSession(); const b = await s.get();
const d = await loadDocument(b, html);
const page = (await b.pages()).at(-1);
let t = performance.now();
const draft = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true, tagged: false, outline: false });
console.log('draft print', Math.round(performance.now()-t)); t = performance.now();
const doc = await PDFDocument.load(draft, { updateMetadata: false, parseSpeed: Infinity });
console.log('pdf-lib load', Math.round(performance.now()-t));
const pages = new Map(doc.getPages().map((p, i) => [p.ref.toString(), i + 1]));
const dests = doc.context.lookup(doc.catalog.get(PDFName.of('Dests')), PDFDict);
const byName = {};
for (const [k, v] of dests.entries()) { const arr = doc.context.lookup(v); const a = arr instanceof PDFDict ? doc.context.lookup(arr.get(PDFName.of('D'))) : arr; byName[k.decodeText()] = pages.get(a.get(0).toString()); }
console.log(JSON.stringify(byName).slice(0, 400));
const full = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true, tagged: true, outline: true });
const o = await readOutline(await PDFDocument.load(full, { updateMetadata: false }));
const headings = await d.headings();
const fromOutline = {}; headings.forEach((h, i) => { if (h.anchor) fromOutline[h.anchor] = o[i].page; });
let diff = 0; for (const k of Object.keys(byName)) if (fromOutline[k] !== undefined && fromOutline[k] !== byName[k]) { diff++; console.log('DIFF', k, byName[k], fromOutline[k]); }
console.log('dests', Object.keys(byName).length, 'anchors', Object.keys(fromOutline).length, 'diffs', diff);
await d.close(); await s.close();
