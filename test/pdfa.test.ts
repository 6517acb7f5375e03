// PDF/A-2u: every rule this project can check without veraPDF, on each example built with --pdfa.
import { afterAll, describe, expect, it } from 'vitest';
import { PDFDict, PDFDocument, PDFName, PDFNumber } from 'pdf-lib';
import { checkPlan, printPlan, PrintSession } from '../src/build.js';
import { RULES } from './helpers/pdfaRules.js';
import { srgbProfile } from '../src/finish/srgb.js';
import { normalize, pdfText } from './helpers/pdfText.js';

const session = new PrintSession();
afterAll(() => session.close());

const built = new Map<string, Promise<{ doc: PDFDocument; bytes: Uint8Array }>>();
function pdfa(name: string) {
  if (!built.has(name)) {
    built.set(
      name,
      (async () => {
        const { plan } = await checkPlan(`data/${name}.json`);
        const { pdf } = await printPlan(plan, session, { pdfa: true });
        return { bytes: pdf, doc: await PDFDocument.load(pdf, { updateMetadata: false }) };
      })(),
    );
  }
  return built.get(name)!;
}

describe.each(['finnveden-2025', 'botkyrka-huddinge-salem-2018'])('%s --pdfa', (name) => {
  it.each(Object.keys(RULES))('%s', async (rule) => {
    const { doc, bytes } = await pdfa(name);
    expect(RULES[rule]!(doc, bytes)).toEqual([]);
  });

  it('reads the same as the ordinary PDF', async () => {
    const { bytes } = await pdfa(name);
    const text = normalize((await pdfText(bytes)).all);
    expect(text).toContain('Innehåll');
    expect(text).toMatch(/Summa kostnader/);
  });
});

describe('the rules catch what they are for', () => {
  it('reports a PDF without PDF/A metadata, output intent or printable annotations', async () => {
    const { plan } = await checkPlan('data/finnveden-2025.json');
    const { pdf } = await printPlan(plan, session);
    const doc = await PDFDocument.load(pdf, { updateMetadata: false });
    const failing = Object.entries(RULES).filter(([, rule]) => rule(doc, pdf).length > 0).map(([name]) => name.split(' ')[0]);
    expect(failing).toEqual(expect.arrayContaining(['6.6.2', '6.2.3']));
    // Chromium's links already print; a hidden one is caught.
    const annot = doc.context.enumerateIndirectObjects().map(([, o]) => o).find((o) => o instanceof PDFDict && o.get(PDFName.of('Subtype'))?.toString() === '/Link') as PDFDict;
    annot.set(PDFName.of('F'), PDFNumber.of(2));
    expect(RULES[Object.keys(RULES).find((r) => r.startsWith('6.3.2'))!]!(doc, pdf)).toEqual(['annotation flags 2']);
  });

  it('builds a valid sRGB ICC header', () => {
    const icc = srgbProfile();
    expect(icc.readUInt32BE(0)).toBe(icc.length);
    expect(icc.toString('ascii', 36, 40)).toBe('acsp');
  });
});
