// A warm page keeps the fonts and style of the document before when the next one begins the same
// (src/print/swap.ts): watch mode and batches. What it prints must be what a fresh page prints, byte for
// byte, and a document that begins otherwise must be loaded afresh.
import { afterAll, describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import { checkPlan, printPlan, PrintSession } from '../src/build.js';
import { renderHtml } from '../src/render/html.js';
import { loadDocument, preparePage, type PrintPage } from '../src/print/pdf.js';
import { keptPart } from '../src/print/swap.js';
import { GENERATOR } from '../src/version.js';
import { EXAMPLE_FILES } from './helpers/exampleFiles.js';
import { placedText } from './helpers/pdfPositions.js';

const session = new PrintSession();
afterAll(() => session.close());

const keep = async () => undefined;

async function print(page: PrintPage, html: string) {
  const document = await loadDocument(page, html, keep);
  try {
    return { reused: document.reused, pdf: await document.print() };
  } finally {
    await document.close();
  }
}

describe('a warm page that keeps the fonts and style of the document before', () => {
  it('prints each example byte for byte as a fresh browser does, after another plan in the same page', async () => {
    const order = ['sodra-vatterbygden-2013', 'botkyrka-huddinge-salem-2018', 'finnveden-2025'] as const;
    const warm = new PrintSession();
    try {
      const reused: Uint8Array[] = [];
      for (const name of order) reused.push((await printPlan((await checkPlan(EXAMPLE_FILES[name])).plan, warm)).pdf);
      // One page printed all three, the second and third keeping the fonts of the first.
      const page = await warm.page();
      expect(page.reuses).toBe(2);
      for (const [i, name] of order.entries()) {
        const fresh = new PrintSession();
        try {
          const { pdf } = await printPlan((await checkPlan(EXAMPLE_FILES[name])).plan, fresh);
          expect(Buffer.compare(Buffer.from(reused[i]!), Buffer.from(pdf)), name).toBe(0);
        } finally {
          await fresh.close();
        }
      }
    } finally {
      await warm.close();
    }
  }, 60_000);

  it('takes what follows the kept stylesheet from the new document, and loads one that begins otherwise afresh', async () => {
    const { plan } = await checkPlan(EXAMPLE_FILES['finnveden-2025']);
    const html = await renderHtml(plan, { generator: GENERATOR });
    const kept = keptPart(html);
    expect(kept).toBeDefined();
    // Running headers, title and metadata follow the fonts and the theme, so that they may differ.
    expect(kept).not.toContain('<title>');
    expect(kept).not.toContain(plan.document.associationName);
    // A stylesheet after the kept one moves every section heading to the right, and is gone with the next document;
    // one inside the kept part (which a fresh load must take) moves it back.
    const moved = html.replace('</head>', '<style>h1.heading { margin-left: 40mm; }</style></head>').replace(/<title>[^<]*/, '<title>Omdöpt');
    const movedBack = moved.replace('</style>', 'h1.heading { margin-left: 0 !important; }</style>');
    const browser = await session.get();
    const page = await preparePage(browser);
    try {
      const first = await print(page, html);
      const second = await print(page, moved);
      const third = await print(page, html);
      const fourth = await print(page, movedBack);
      expect([first.reused, second.reused, third.reused, fourth.reused]).toEqual([false, true, true, false]);
      // The heading of the vision section (the contents page names it first).
      const x = async (pdf: Uint8Array) => (await placedText(pdf)).flatMap((p) => p.items).filter((i) => i.text === 'Vision').at(-1)!.x;
      const [x1, x2, x3, x4] = await Promise.all([first, second, third, fourth].map((r) => x(r.pdf)));
      expect(x2 - x1).toBeGreaterThan(100); // 40 mm is 113 pt
      expect(x3).toBeCloseTo(x1, 1);
      expect(x4).toBeCloseTo(x1, 1);
      // The rest of the head is the new document's too: the title the browser gives each PDF.
      const titles = await Promise.all([first, second, third].map(async (r) => (await PDFDocument.load(r.pdf, { updateMetadata: false })).getTitle()));
      expect(titles[0]).toContain('Finnvedens');
      expect(titles).toEqual([titles[0], 'Omdöpt', titles[0]]);
      // The soft-hyphen pass (softHyphens.ts) keeps the texts of the document shown, not of those before.
      const store = await page.page.evaluate(() => {
        const kept = (window as unknown as { __vplanSoftHyphens?: { originals: Map<Text, string> } }).__vplanSoftHyphens;
        const nodes = [...(kept?.originals.keys() ?? [])];
        return { nodes: nodes.length, gone: nodes.filter((node) => !node.isConnected).length };
      });
      expect(store.nodes).toBeGreaterThan(0);
      expect(store.gone).toBe(0);
    } finally {
      await page.page.close();
    }
  }, 60_000);
});
