// The self-check reads the browser's final print in a worker thread while pdf-lib finishes it, so the
// check proves what the written file shows only if finishing changes no page's content: every run of
// text, its position and size, and every page's size read back the same from the raw print and from
// the finished PDF (plain and PDF/A). The reader also surfaces pdf.js's errors and is reused.
import { afterAll, describe, expect, it } from 'vitest';
import { checkPlan, PrintSession } from '../src/build.js';
import { renderHtml } from '../src/render/html.js';
import { loadDocument } from '../src/print/pdf.js';
import { printWithContents } from '../src/finish/contents.js';
import { finishPdf, propertiesOf } from '../src/finish/metadata.js';
import { PdfReader } from '../src/check/reader.js';
import { GENERATOR } from '../src/version.js';
import { EXAMPLE_FILES, type ExampleName } from './helpers/exampleFiles.js';

const session = new PrintSession();
afterAll(() => session.close());

/** The final print of an example plan as the browser gives it, and as pdf-lib finishes it. */
async function printAndFinish(name: ExampleName, pdfa: boolean) {
  const { plan } = await checkPlan(EXAMPLE_FILES[name]);
  const html = await renderHtml(plan, { generator: GENERATOR });
  const document = await loadDocument(await session.page(), html, session.release);
  try {
    const headings = await document.headings();
    const result = await printWithContents(document, plan.contents ?? [], headings);
    const raw = result.pdf.slice();
    const finished = await finishPdf(result.doc, propertiesOf(plan.document, GENERATOR, plan.source), headings.map((h) => h.text), { pdfa });
    return { raw, finished: finished.pdf };
  } finally {
    await document.close();
  }
}

describe('finishing a print', () => {
  it.each([
    ['finnveden-2025', false],
    ['botkyrka-huddinge-salem-2018', true],
  ] as const)('changes no page content of %s (PDF/A: %s)', async (name, pdfa) => {
    const { raw, finished } = await printAndFinish(name, pdfa);
    expect(Buffer.from(finished).equals(Buffer.from(raw))).toBe(false);
    const [before, after] = await Promise.all([session.reader.read(raw), session.reader.read(finished)]);
    expect(before.items.length).toBeGreaterThan(100);
    expect(after).toEqual(before);
  });
});

describe('the reader in its worker thread', () => {
  const reader = new PdfReader();
  afterAll(() => reader.close());

  it('rejects a damaged PDF with pdf.js’s own error, and reads on afterwards with the same worker', async () => {
    const error = await reader.read(new TextEncoder().encode('%PDF-1.7 not really\n')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).name).toMatch(/Exception|Error/);
    const worker = reader.start();
    const { raw } = await printAndFinish('finnveden-2025', false);
    const text = await reader.read(raw);
    expect(text.pages.length).toBeGreaterThan(1);
    expect(reader.start()).toBe(worker);
  });

  it('leaves the caller’s bytes as they were', async () => {
    const { raw } = await printAndFinish('finnveden-2025', false);
    const copy = raw.slice();
    await reader.read(raw, 2);
    expect(raw.byteLength).toBe(copy.byteLength);
    expect(Buffer.from(raw).equals(Buffer.from(copy))).toBe(true);
  });

  it('starts a new worker after close', async () => {
    const first = reader.start();
    await reader.close();
    expect(reader.start()).not.toBe(first);
  });
});
