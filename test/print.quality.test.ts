// Print quality of the example PDFs: contents with true page numbers, page furniture, status mark,
// accessibility (tags, language, title, bookmarks, metadata) and embedded fonts.
import { describe, expect, it } from 'vitest';
import { PDFArray, PDFBool, PDFDict, PDFName, PDFRef, PDFString, PDFHexString, type PDFDocument } from 'pdf-lib';
import { readFile } from 'node:fs/promises';
import { builtExample } from './helpers/examples.js';
import { normalize } from './helpers/pdfText.js';
import { checkPlan } from '../src/build.js';
import { walkSections } from '../src/compute/sections.js';
import { readOutline } from '../src/finish/outline.js';
import { headingLabel } from '../src/format.js';
import { EXAMPLE_FILES, type ExampleName } from './helpers/exampleFiles.js';

const EXAMPLES = ['finnveden-2025', 'sodra-vatterbygden-2013', 'botkyrka-huddinge-salem-2018'] as const;
const squeeze = (s: string) => s.replace(/\s+/g, '');
/** Whether some run of whole lines of the page reads exactly `target` (whitespace aside). */
function hasLines(page: string, target: string): boolean {
  const lines = page.split('\n').map(squeeze);
  for (let i = 0; i < lines.length; i++) {
    let text = '';
    for (let j = i; j < lines.length && target.startsWith(text + lines[j]); j++) {
      text += lines[j];
      if (text === target) return true;
    }
  }
  return false;
}
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function dict(doc: PDFDocument, value: unknown): PDFDict | undefined {
  const resolved = value instanceof PDFRef ? doc.context.lookup(value) : value;
  return resolved instanceof PDFDict ? resolved : undefined;
}
function str(value: unknown): string | undefined {
  return value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : undefined;
}

describe.each(EXAMPLES)('%s', (name) => {
  it('has a contents page whose every number is the page its heading stands on', async () => {
    const { text } = await builtExample(name);
    const { plan } = await checkPlan(EXAMPLE_FILES[name as ExampleName]);
    const contentsPage = text.pages.findIndex((p) => p.includes('Innehåll'));
    expect(contentsPage).toBe(1); // right after the title page
    // The contents page without its running header and footer, whose digits would run into the last entry.
    let contents = squeeze(text.pages[contentsPage]!).replace(`${contentsPage + 1}(${text.pages.length})`, '');
    if (plan.document.dnr) contents = contents.replace(squeeze(`Dnr ${plan.document.dnr}`), '');
    const entries = plan.contents!;
    entries.forEach((entry, i) => {
      const next = entries[i + 1];
      const after = next ? escape(squeeze(next.label + next.title)) : '$';
      const match = new RegExp(`${escape(squeeze(entry.label + entry.title))}(\\d+)(?=${after})`).exec(contents);
      expect(match, `contents entry ${entry.label} ${entry.title}`).not.toBeNull();
      const listed = Number(match![1]);
      // Where the heading really stands: the first page after the contents with its text as whole lines.
      const target = squeeze(entry.label + entry.title);
      const actual = text.pages.findIndex((p, i) => i > contentsPage && hasLines(p, target)) + 1;
      expect(listed, `${entry.label} ${entry.title}`).toBe(actual);
    });
  });

  it('shows N (M) on every page but the title page, and running header and dnr there', async () => {
    const { text } = await builtExample(name);
    const { plan } = await checkPlan(EXAMPLE_FILES[name as ExampleName]);
    const total = text.pages.length;
    expect(text.pages[0]).not.toMatch(/\d+ \(\d+\)/);
    expect(normalize(text.pages[0]!)).not.toContain(`1 (${total})`);
    text.pages.forEach((page, i) => {
      if (i === 0) return;
      const p = normalize(page);
      expect(p, `page ${i + 1}`).toContain(`${i + 1} (${total})`);
      expect(p).toContain(plan.document.associationName);
      if (plan.document.dnr) expect(p).toContain(`Dnr ${plan.document.dnr}`);
    });
  });

  it('marks a proposal FÖRSLAG on every page and an adopted plan nowhere', async () => {
    const { text } = await builtExample(name);
    const { plan } = await checkPlan(EXAMPLE_FILES[name as ExampleName]);
    const proposal = plan.document.status.state === 'förslag';
    for (const page of text.pages) expect(squeeze(page).includes('FÖRSLAG')).toBe(proposal);
  });

  it('never ends a page with a heading', async () => {
    const { text } = await builtExample(name);
    const { plan } = await checkPlan(EXAMPLE_FILES[name as ExampleName]);
    const headings = walkSections(plan.sections)
      .filter((s) => s.title)
      .map((s) => squeeze(`${headingLabel(s.number, s.level)}${s.title}`));
    text.pages.slice(2).forEach((page, i) => {
      // The body text of a page ends before the footer's "Dnr …" / "N (M)".
      const body = squeeze(page).replace(/(Dnr.*)?\d+\(\d+\)$/, '');
      for (const heading of headings) expect(body.endsWith(heading), `page ${i + 3} ends with ${heading}`).toBe(false);
    });
  });

  it('is an accessible PDF: tagged, sv-SE, titled in the title bar, bookmarked, with vplan metadata', async () => {
    const { doc, bytes } = await builtExample(name);
    const { plan } = await checkPlan(EXAMPLE_FILES[name as ExampleName]);
    const catalog = doc.catalog;
    const markInfo = dict(doc, catalog.get(PDFName.of('MarkInfo')));
    expect(markInfo?.get(PDFName.of('Marked'))).toBe(PDFBool.True);
    expect(catalog.get(PDFName.of('StructTreeRoot'))).toBeDefined();
    expect(str(catalog.get(PDFName.of('Lang')))).toBe('sv-SE');
    const viewer = dict(doc, catalog.get(PDFName.of('ViewerPreferences')));
    expect(viewer?.get(PDFName.of('DisplayDocTitle'))).toBe(PDFBool.True);

    expect(doc.getTitle()).toBe([plan.document.title, plan.document.subtitle].filter(Boolean).join(' '));
    expect(doc.getAuthor()).toBe(plan.document.associationName);
    expect(doc.getSubject()).toBeTruthy();
    expect(doc.getCreator()).toMatch(/^vplan \d+\.\d+\.\d+$/);
    if (plan.document.dnr) expect(doc.getKeywords()).toContain(`dnr ${plan.document.dnr}`);

    // Table header cells, headings and list items are tagged.
    const raw = Buffer.from(bytes).toString('latin1');
    for (const tag of ['/TH', '/TR', '/H1', '/H2', '/LI']) expect(raw).toContain(tag);

    // A bookmark for every heading, in order.
    const outline = (await readOutline(doc)).map((e) => squeeze(e.title));
    const headings = walkSections(plan.sections).filter((s) => s.title);
    let at = 0;
    for (const s of headings) {
      const expected = squeeze(`${headingLabel(s.number, s.level)}${s.title}`);
      const found = outline.indexOf(expected, at); // exact: titles are the headings' own text
      expect(found, `bookmark for ${s.title}`).toBeGreaterThanOrEqual(0);
      at = found + 1;
    }
  });

  it('embeds every font it uses, and only the theme\'s fonts', async () => {
    const { doc } = await builtExample(name);
    const names = new Set<string>();
    for (const page of doc.getPages()) {
      const fonts = dict(doc, dict(doc, page.node.Resources())?.get(PDFName.of('Font')));
      for (const [, ref] of fonts?.entries() ?? []) {
        const font = dict(doc, ref)!;
        const base = font.get(PDFName.of('BaseFont'))?.toString() ?? '';
        names.add(base.replace(/^\/[A-Z]{6}\+/, ''));
        const descendant = font.get(PDFName.of('DescendantFonts'));
        const leaf = descendant instanceof PDFArray ? dict(doc, descendant.get(0))! : font;
        const descriptor = dict(doc, leaf.get(PDFName.of('FontDescriptor')));
        const embedded = ['FontFile', 'FontFile2', 'FontFile3'].some((k) => descriptor?.get(PDFName.of(k)) !== undefined);
        expect(embedded, `${base} embedded`).toBe(true);
        expect(font.get(PDFName.of('ToUnicode')), `${base} has a Unicode map`).toBeDefined();
      }
    }
    expect([...names].every((n) => n.startsWith('Carlito'))).toBe(true);
  });
});

describe('themes', () => {
  it('prints the same plan in the modern theme with its own font and title page', async () => {
    const { doc, text } = await builtExample('finnveden-2025-modern');
    const names = new Set<string>();
    for (const page of doc.getPages()) {
      const fonts = dict(doc, dict(doc, page.node.Resources())?.get(PDFName.of('Font')));
      for (const [, ref] of fonts?.entries() ?? []) names.add(dict(doc, ref)!.get(PDFName.of('BaseFont'))!.toString().replace(/^\/[A-Z]{6}\+/, ''));
    }
    expect([...names].some((n) => n.startsWith('OpenSans'))).toBe(true);
    expect([...names].some((n) => n.startsWith('Carlito'))).toBe(false);
    expect(normalize(text.pages[0]!)).toContain('Dnr 2024:11 / 2');
    expect(text.normalized).toContain('Prel balanserat resultat');
  });

  it('are folders in templates/themes with no code of their own', async () => {
    for (const theme of ['kommunal', 'modern']) {
      const json = JSON.parse(await readFile(`templates/themes/${theme}/theme.json`, 'utf8'));
      expect(json.fonts.length).toBeGreaterThan(0);
      await expect(readFile(`templates/themes/${theme}/theme.css`, 'utf8')).resolves.toBeTruthy();
    }
  });
});
