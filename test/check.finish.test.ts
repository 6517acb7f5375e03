// The self-check reads the browser's final print in a worker thread while pdf-lib finishes it, so the
// check proves what the written file shows only if finishing changes no page's content: every run of
// text, its position and size, and every page's size read back the same from the raw print and from
// the finished PDF (plain and PDF/A). The reader also surfaces pdf.js's errors and is reused, and reads
// a long PDF with two workers, each every other page, into exactly what one worker reads.
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { checkPlan, PrintSession } from '../src/build.js';
import { renderHtml } from '../src/render/html.js';
import { loadDocument } from '../src/print/pdf.js';
import { printWithContents } from '../src/finish/contents.js';
import { finishPdf, propertiesOf } from '../src/finish/metadata.js';
import { PdfReader, SPLIT_BYTES } from '../src/check/reader.js';
import { GENERATOR } from '../src/version.js';
import { EXAMPLE_FILES, type ExampleName } from './helpers/exampleFiles.js';
import { useTempDir } from './helpers/tempDir.js';

const session = new PrintSession();
afterAll(() => session.close());

/**
 * The final print of an example plan as the browser gives it, and as pdf-lib finishes it; and the draft
 * the contents pass printed first (without a guess of its page numbers).
 */
async function printAndFinish(name: ExampleName, pdfa: boolean) {
  const { plan } = await checkPlan(EXAMPLE_FILES[name]);
  const html = await renderHtml(plan, { generator: GENERATOR });
  const document = await loadDocument(await session.page(), html, session.release);
  const print = document.print;
  let draft: Uint8Array | undefined;
  document.print = async (options = {}) => {
    const pdf = await print(options);
    if (options.draft) draft ??= pdf.slice();
    return pdf;
  };
  try {
    const headings = await document.headings();
    const result = await printWithContents(document, plan.contents ?? [], headings);
    const raw = result.pdf.slice();
    const finished = await finishPdf(result.doc, propertiesOf(plan.document, GENERATOR, plan.source), headings.map((h) => h.text), { pdfa });
    return { raw, finished: finished.pdf, draft: draft! };
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
    await reader.read(raw, { limit: 2 });
    expect(raw.byteLength).toBe(copy.byteLength);
    expect(Buffer.from(raw).equals(Buffer.from(copy))).toBe(true);
  });

  it('starts a new worker after close', async () => {
    const first = reader.start();
    await reader.close();
    expect(reader.start()).not.toBe(first);
  });
});

/**
 * A PDF of `count` pages, each of its own size and with two lines of text; page `broken` (if any) one
 * pdf.js cannot find: the page tree names an object that is not there.
 */
async function testPdf(count: number, broken?: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let number = 1; number <= count; number++) {
    const page = doc.addPage([400 + 10 * number, 600 - 10 * number]);
    page.drawText(`Sida ${number}`, { x: 50, y: 500, font, size: 12 });
    page.drawText(`Rad ${number}`, { x: 50, y: 480, font, size: 10 });
  }
  const pdf = Buffer.from(await doc.save({ useObjectStreams: false })).toString('latin1');
  const kids = /\/Kids \[ ([^\]]*) \]/.exec(pdf)!;
  const refs = kids[1]!.match(/\d+ 0 R/g)!;
  expect(refs).toHaveLength(count);
  if (broken) refs[broken - 1] = '99 0 R';
  return new Uint8Array(Buffer.from(pdf.replace(kids[0], `/Kids [ ${refs.join(' ')} ]`), 'latin1'));
}

const errorOf = (reading: Promise<unknown>) =>
  reading.then(
    () => undefined,
    (error: Error) => ({ name: error.name, message: error.message }),
  );

describe('a long PDF, read by two workers', () => {
  // splitBytes 0: every PDF is long; Infinity: none is.
  const one = new PdfReader({ splitBytes: Infinity });
  const two = new PdfReader({ splitBytes: 0 });
  afterAll(() => Promise.all([one.close(), two.close()]));
  const dir = useTempDir('vplan-split');

  it.each(['finnveden-2025', 'botkyrka-huddinge-salem-2018'] as const)(
    'reads %s into exactly what one worker reads: pages in order, each page’s text in pdf.js’s order',
    async (name) => {
      const { raw } = await printAndFinish(name, false);
      const [alone, shared] = await Promise.all([one.read(raw), two.read(raw)]);
      expect(one.running).toHaveLength(1);
      expect(two.running).toHaveLength(2);
      expect(alone.pages.length).toBeGreaterThan(4);
      // Text on every page, so that a page's items put on another would show.
      expect(new Set(alone.items.map((item) => item.page)).size).toBe(alone.pages.length);
      expect(shared).toEqual(alone);
      // The first pages only (a warm-up reads two), on as many as there are.
      for (const limit of [1, 2, 3]) expect(await two.read(raw, { limit })).toEqual(await one.read(raw, { limit }));
    },
  );

  it('starts no second worker for a short PDF, read or warming up; a print that tells of a long one starts it', async () => {
    const { raw, draft } = await printAndFinish('finnveden-2025', false);
    expect(raw.byteLength).toBeLessThan(SPLIT_BYTES / 2);
    // The earlier build's final print of a short plan is larger than a long plan's draft: each is judged as what it is.
    expect(raw.byteLength).toBeGreaterThan(draft.byteLength * 4);
    const short = new PdfReader();
    const shortFinal = new PdfReader({ splitBytes: raw.byteLength * 5 });
    // A draft (next to nothing drawn on its pages) of a tenth of the split size has a long final print.
    const draftLong = new PdfReader({ splitBytes: draft.byteLength * 10 });
    const finalLong = new PdfReader({ splitBytes: raw.byteLength });
    try {
      short.warmUpWith(draft, 'draft');
      expect(await short.read(raw)).toEqual(await one.read(raw));
      expect(short.running).toHaveLength(1);
      shortFinal.warmUpWith(raw, 'final');
      expect(shortFinal.running).toHaveLength(1);
      expect(await draftLong.read(draft)).toEqual(await one.read(draft));
      expect(draftLong.running).toHaveLength(1);
      draftLong.warmUpWith(draft, 'draft');
      expect(draftLong.running).toHaveLength(2);
      finalLong.warmUpWith(raw, 'final');
      expect(finalLong.running).toHaveLength(2);
    } finally {
      await Promise.all([short.close(), shortFinal.close(), draftLong.close(), finalLong.close()]);
    }
  });

  it('puts pages of different sizes and their text back in order, an odd number and an even', async () => {
    for (const count of [5, 6]) {
      const pdf = await testPdf(count);
      const [alone, shared] = await Promise.all([one.read(pdf), two.read(pdf)]);
      expect(alone.pages.map((page) => page.width)).toEqual(Array.from({ length: count }, (_, i) => 410 + 10 * i));
      expect(alone.items.map((item) => `${item.page} ${item.text}`)).toEqual(Array.from({ length: count }, (_, i) => [`${i + 1} Sida ${i + 1}`, `${i + 1} Rad ${i + 1}`]).flat());
      expect(shared).toEqual(alone);
    }
  });

  it.each([1, 2] as const)('rejects with pdf.js’s error when page %s of two cannot be read, as one worker does', async (broken) => {
    const pdf = await testPdf(2, broken);
    const error = await errorOf(one.read(pdf));
    expect(error?.message).toMatch(/kid reference/);
    expect(await errorOf(two.read(pdf))).toEqual(error);
    // Only that page: the other part reads.
    if (broken === 2) expect((await one.read(pdf, { limit: 1 })).items.map((item) => item.text)).toEqual(['Sida 1', 'Rad 1']);
    // The same workers read on.
    const workers = two.running;
    expect(workers).toHaveLength(2);
    const good = await testPdf(2);
    expect(await two.read(good)).toEqual(await one.read(good));
    expect(two.running).toEqual(workers);
  });

  it('rejects when the second worker ends during a read, and starts a new one for the next', async () => {
    const { raw } = await printAndFinish('finnveden-2025', false);
    await two.read(raw, { limit: 2 });
    const [first, second] = two.running;
    const reading = two.read(raw);
    await second!.terminate();
    await expect(reading).rejects.toThrow(/avslutades oväntat/);
    expect(await two.read(raw)).toEqual(await one.read(raw));
    expect(two.running[0]).toBe(first);
    expect(two.running[1]).not.toBe(second);
  });

  it('ends both workers at close once no read is waiting, and starts new ones after', async () => {
    const { raw } = await printAndFinish('finnveden-2025', false);
    await two.read(raw, { limit: 2 });
    const before = two.running;
    const reading = two.read(raw);
    const closing = two.close();
    // The read waiting is read to its end first.
    expect(await reading).toEqual(await one.read(raw));
    await closing;
    expect(two.running).toEqual([]);
    await two.read(raw, { limit: 2 });
    expect(two.running).toHaveLength(2);
    for (const worker of two.running) expect(before).not.toContain(worker);
  });

  it('keeps a process alive while both parts are read, and not a moment longer (run from dist/)', async () => {
    const pdf = path.join(inject('examplesDir'), 'finnveden-2025.pdf');
    const script = `
      import { readFileSync } from 'node:fs';
      import { PdfReader } from ${JSON.stringify(path.resolve('dist/check/reader.js'))};
      const reader = new PdfReader({ splitBytes: 0 });
      // Not awaited: the workers' own handles keep the process alive until the text is in.
      reader.read(readFileSync(${JSON.stringify(pdf)})).then((text) => console.log(text.pages.length, reader.running.length));
    `;
    // A file, not node -e: the workers would inherit --input-type, which Node refuses for a file.
    await writeFile(path.join(dir(), 'read.mjs'), script);
    const { stdout } = await promisify(execFile)(process.execPath, [path.join(dir(), 'read.mjs')], { timeout: 30_000 });
    expect(stdout.trim()).toMatch(/^\d+ 2$/);
  });
});
