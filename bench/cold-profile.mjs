// Where a cold build's time goes: the same steps as `vplan build`, in the same order (the browser starts
// first, then vplan loads, reads, computes and renders while it starts), timed one by one in a fresh
// process. Run by bench.mjs; prints one JSON line.
const mark = [['start', performance.now()]];
const at = (name) => mark.push([name, performance.now()]);
const root = new URL('..', import.meta.url).pathname;
const { startBrowserEarly } = await import(`${root}dist/print/early.js`);
await startBrowserEarly(undefined);
at('start the browser (load puppeteer-core, start its process)');
const { checkPlan, PrintSession } = await import(`${root}dist/build.js`);
at('import vplan (zod, Handlebars, markdown-it, fontkit)');
const { renderHtml } = await import(`${root}dist/render/html.js`);
const { loadDocument } = await import(`${root}dist/print/pdf.js`);
const { readContentsGuess } = await import(`${root}dist/finish/contentsCache.js`);
const { startPrintCheck } = await import(`${root}dist/check/check.js`);
const { neededPagesOf } = await import(`${root}dist/check/pages.js`);
const file = process.argv[2];
const session = new PrintSession();
const launched = session.get();
// pdf.js loads in the self-check's worker thread, started with the browser as in vplan build.
session.reader.start();
const { plan } = await checkPlan(file);
at('load and compute the plan');
const html = await renderHtml(plan, { generator: 'vplan' });
at('render HTML');
const { printWithContents } = await import(`${root}dist/finish/contents.js`);
const { finishPdf, propertiesOf } = await import(`${root}dist/finish/metadata.js`);
at('import pdf-lib (pdf.js loads in its own thread)');
await launched;
at('wait for the browser (started first, in parallel)');
const doc = await loadDocument(await session.page(), html, session.release);
at('open a page and load the HTML');
const headings = await doc.headings();
const needed = neededPagesOf(plan, headings.map((h) => h.anchor), await doc.headingSpans());
const guess = await readContentsGuess(file);
const result = await printWithContents(doc, plan.contents, headings, guess);
at(`print with the contents pass (${result.passes} ${result.passes === 1 ? 'print: the cached page numbers held' : 'prints'})`);
await finishPdf(result.doc, propertiesOf(plan.document, 'vplan', plan.source), headings.map((h) => h.text));
at('finish (bookmarks, properties) and save');
await startPrintCheck(plan, (whole) => session.reader.read(result.pdf, whole ? {} : { needed }))();
at('self-check: read the pages it needs back (pdf.js, in its own thread)');
await doc.close();
await session.close();
at('end the browser');
const steps = mark.slice(1).map(([name, t], i) => [name, Math.round(t - mark[i][1])]);
console.log(JSON.stringify(steps));
