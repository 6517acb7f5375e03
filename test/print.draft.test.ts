// The contents pass without a guess: a draft print (untagged, no bookmarks) finds the page numbers by
// its link destinations, and the final print checks them by its bookmarks. The PDF it gives is the
// same, byte for byte, as that of a build that knew the numbers (the contents cache, watch mode).
import { afterAll, describe, expect, it } from 'vitest';
import { PDFDocument, PDFName } from 'pdf-lib';
import { checkPlan, PrintSession } from '../src/build.js';
import { renderHtml } from '../src/render/html.js';
import { loadDocument } from '../src/print/pdf.js';
import { pagesFromDestinations, printWithContents } from '../src/finish/contents.js';
import { finishPdf, propertiesOf } from '../src/finish/metadata.js';
import { readDestinations } from '../src/finish/outline.js';
import { GENERATOR } from '../src/version.js';
import { EXAMPLE_FILES } from './helpers/exampleFiles.js';

const session = new PrintSession();
afterAll(() => session.close());

async function build(guess?: Record<string, string>) {
  const { plan } = await checkPlan(EXAMPLE_FILES['botkyrka-huddinge-salem-2018']);
  const html = await renderHtml(plan, { generator: GENERATOR });
  const document = await loadDocument(await session.page(), html, session.release);
  const prints: { draft: boolean; pdf: Uint8Array }[] = [];
  const print = document.print;
  document.print = async (options = {}) => {
    const pdf = await print(options);
    prints.push({ draft: options.draft === true, pdf });
    return pdf;
  };
  try {
    const headings = await document.headings();
    const result = await printWithContents(document, plan.contents ?? [], headings, guess);
    const { pdf } = await finishPdf(result.doc, propertiesOf(plan.document, GENERATOR, plan.source), headings.map((h) => h.text));
    return { pdf, prints, pages: result.pages, entries: plan.contents ?? [] };
  } finally {
    await document.close();
  }
}

describe('the contents pass without a guess', () => {
  it('finds the page numbers with a draft and writes the bytes of a build that knew them', async () => {
    const drafted = await build();
    expect(drafted.prints.map((p) => p.draft)).toEqual([true, false]);
    // The draft: no structure tree, no bookmarks, but a destination for each section the contents links to.
    const draft = await PDFDocument.load(drafted.prints[0]!.pdf, { updateMetadata: false });
    expect(draft.catalog.has(PDFName.of('StructTreeRoot'))).toBe(false);
    expect(draft.catalog.has(PDFName.of('Outlines'))).toBe(false);
    expect(pagesFromDestinations(drafted.entries, await readDestinations(draft))).toEqual(drafted.pages);
    expect(Object.keys(drafted.pages).length).toBeGreaterThan(5);
    // The whole body hidden: the same pages, on which no text is drawn but the running headers and page
    // numbers in the margins.
    const [draftText, finalText] = await Promise.all(drafted.prints.map((p) => session.reader.read(p.pdf)));
    const inBody = (item: { y: number; page: number }) => Math.abs(item.y / draftText!.pages[item.page - 1]!.height - 0.5) < 0.4;
    expect(draftText!.pages).toHaveLength(finalText!.pages.length);
    expect(draftText!.items.length).toBeGreaterThan(0);
    expect(finalText!.items.filter(inBody).length).toBeGreaterThan(500);
    expect(draftText!.items.filter(inBody).length).toBeLessThan(finalText!.items.filter(inBody).length / 50);
    expect(draftText!.items.filter(inBody).map((item) => item.text)).toEqual([]);

    const known = await build(drafted.pages);
    expect(known.prints.map((p) => p.draft)).toEqual([false]);
    expect(Buffer.compare(Buffer.from(drafted.pdf), Buffer.from(known.pdf))).toBe(0);
  }, 60_000);

  it('has no guess from a print in which a section has no destination', () => {
    const entries = [
      { anchor: 'avsnitt-0', label: '1.', title: 'Inledning', level: 1 },
      { anchor: 'avsnitt-1', label: '2.', title: 'Vision', level: 1 },
    ];
    expect(pagesFromDestinations(entries, new Map([['avsnitt-0', 3], ['avsnitt-1', 4]]))).toEqual({ 'avsnitt-0': '3', 'avsnitt-1': '4' });
    expect(pagesFromDestinations(entries, new Map([['avsnitt-0', 3]]))).toBeUndefined();
  });
});
