// PDF/A-2u: every rule this project can check without veraPDF, on each example built with --pdfa.
import { afterAll, describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PDFDict, PDFDocument, PDFName, PDFNumber } from 'pdf-lib';
import { basePlan } from './helpers/plans.js';
import { useTempDir } from './helpers/tempDir.js';
import { checkPlan, printPlan, PrintSession } from '../src/build.js';
import { RULES } from './helpers/pdfaRules.js';
import { srgbProfile } from '../src/finish/srgb.js';
import { normalize, pdfText } from './helpers/pdfText.js';
import { EXAMPLE_FILES, type ExampleName } from './helpers/exampleFiles.js';

const session = new PrintSession();
afterAll(() => session.close());
const tmp = useTempDir('vplan-pdfa');

const built = new Map<string, Promise<{ doc: PDFDocument; bytes: Uint8Array }>>();
function pdfa(name: string) {
  if (!built.has(name)) {
    built.set(
      name,
      (async () => {
        const { plan } = await checkPlan(EXAMPLE_FILES[name]);
        const { pdf } = await printPlan(plan, session, { pdfa: true });
        return { bytes: pdf, doc: await PDFDocument.load(pdf, { updateMetadata: false }) };
      })(),
    );
  }
  return built.get(name)!;
}

/** Every example plan in data/, whatever its form. */
const EXAMPLES = Object.keys(EXAMPLE_FILES) as ExampleName[];

describe.each(EXAMPLES)('%s --pdfa', (name) => {
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

  it('reports a .notdef glyph, a font that is not bundled and XMP that is not XML', async () => {
    const file = path.join(tmp(), 'plan.json');
    await writeFile(file, JSON.stringify(basePlan({ sections: [{ type: 'text', title: 'Inledning', text: 'Glad 😀 och 日本' }] })));
    const { plan } = await checkPlan(file);
    const { pdf } = await printPlan(plan, session); // not --pdfa, which refuses this plan before printing
    const doc = await PDFDocument.load(pdf, { updateMetadata: false });
    const rule = (prefix: string) => RULES[Object.keys(RULES).find((r) => r.startsWith(prefix))!]!(doc, pdf);
    expect(rule('6.2.11.8')).toEqual(expect.arrayContaining([expect.stringMatching(/^page 3: \.notdef in \/[A-Z]{6}\+/)]));
    expect(rule('6.2.11.4')).toEqual([]);
    const font = doc.context.enumerateIndirectObjects().map(([, o]) => o).find((o) => o instanceof PDFDict && o.get(PDFName.of('Type'))?.toString() === '/Font') as PDFDict;
    font.set(PDFName.of('BaseFont'), PDFName.of('ABCDEF+DejaVuSans'));
    expect(rule('6.2.11.4')).toEqual(['DejaVuSans is not a bundled font']);
    const xmp = doc.context.stream('<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><dc:title>a\u000bb</dc:title></x:xmpmeta>');
    doc.catalog.set(PDFName.of('Metadata'), doc.context.register(xmp));
    expect(rule('6.6.2')).toEqual(['XMP is not XML: illegal character U+000B']);
  });

  it('builds a valid sRGB ICC header', () => {
    const icc = srgbProfile();
    expect(icc.readUInt32BE(0)).toBe(icc.length);
    expect(icc.toString('ascii', 36, 40)).toBe('acsp');
  });
});
