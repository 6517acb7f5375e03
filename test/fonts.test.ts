// Fonts: the page prints with vplan's bundled fonts only, a character none of them has is named with
// its place in the plan before printing (an error with --pdfa), and the XMP packet stays XML.
import { describe, expect, inject, it } from 'vitest';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { create as openFont, type Font } from 'fontkit';
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { basePlan } from './helpers/plans.js';
import { useTempDir } from './helpers/tempDir.js';
import { pdfText, normalize } from './helpers/pdfText.js';
import { notdefGlyphs, pdfFonts } from './helpers/pdfGlyphs.js';
import { bundledFontNames, RULES } from './helpers/pdfaRules.js';
import { findAll, parseXml } from './helpers/xml.js';
import { fontFaceCss, fontStack, missingGlyphs } from '../src/render/fonts.js';
import { glyphIssues } from '../src/render/glyphs.js';
import { fontconfigEnvironment, woffToSfnt } from '../src/print/fontconfig.js';
import { finishPdf } from '../src/finish/metadata.js';

const run = promisify(execFile);
const BIN = path.resolve('bin/vplan.js');
const tmp = useTempDir('vplan-fonts');

async function vplan(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { cwd: tmp() });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const CARLITO = [{ package: '@fontsource/carlito', family: 'Carlito' }];

/** Greek, Cyrillic, Devanagari, a star and ≤: every one in a bundled font. Then an emoji and Japanese: in none. */
const COVERED = 'Ελληνικά γράμματα och кириллица текст, हिन्दी, betyg ★ och kvot ≤ 5';
const MISSING = 'Glad 😀 och 日本';

async function writePlan(): Promise<string> {
  const file = path.join(tmp(), 'plan.json');
  const plan = basePlan({
    sections: [
      { type: 'text', title: 'Skrifter', text: COVERED },
      { type: 'text', title: 'Utanför', text: MISSING },
    ],
  });
  await writeFile(file, JSON.stringify(plan, null, 2));
  return file;
}

describe('the glyph check', () => {
  it('names each string with a character no bundled font has, by JSON path and code point', async () => {
    const stack = await fontStack(CARLITO);
    const issues = glyphIssues({ sections: [{ text: COVERED }, { text: MISSING }], document: { title: 'Plan\u000b2025' } }, stack);
    expect(issues.map((i) => [i.path, i.codePoints])).toEqual([
      [['sections', 1, 'text'], [0x1f600, 0x65e5, 0x672c]],
      [['document', 'title'], [0x0b]],
    ]);
    expect(issues[0]!.message).toContain('"😀" (U+1F600)');
    expect(issues[1]!.message).toContain('U+000B (ett styrtecken)');
    // Joiners, variation selectors and the soft hyphen print as nothing and need no glyph; an entity in prose counts.
    expect(glyphIssues(['a\u00adb\u200d\ufe0f\u200b', 'Se &#x1F600;'], stack).map((i) => i.path)).toEqual([[1]]);
  });

  it('reads the printed document as the browser does: references in the text, escapes in the stylesheet only', async () => {
    const stack = await fontStack(CARLITO);
    const html = '<style>@page{@top-right{content:"Plan \\1f600 "}}</style><p>C:\\filer\\e44 &#x65E5; &#26412;</p>';
    expect(missingGlyphs(stack, html)).toEqual([0x672c, 0x65e5, 0x1f600].sort((a, b) => a - b));
  });

  it('inlines only the font files the text needs, and no system font family', async () => {
    const stack = await fontStack(CARLITO);
    const faces = (css: string) => [...css.matchAll(/font-family:'([^']+)';font-style:(\w+);font-weight:(\d+);/g)].map((m) => `${m[1]} ${m[2]} ${m[3]}`);
    const swedish = await fontFaceCss(stack, '<p>Åtgärder för ökad samverkan – 5 %</p>');
    expect(faces(swedish)).toEqual(['Carlito normal 400', 'Carlito italic 400', 'Carlito normal 700', 'Carlito italic 700']);
    expect(swedish).toContain(":root{--font-fallback:'Carlito', 'Noto Sans', 'Noto Sans Symbols 2', 'Open Sans';}");
    const mixed = faces(await fontFaceCss(stack, `<p>${COVERED}</p>`));
    expect(mixed).toContain('Noto Sans Symbols 2 normal 400');
    expect(mixed).toContain('Noto Sans normal 700');
    expect(mixed.filter((f) => f.startsWith('Carlito')).length).toBe(4 * 3); // latin, greek, cyrillic
    expect(mixed.filter((f) => f.startsWith('Open Sans')).length).toBe(4); // its math subset
  });

  it('warns on validate and build, prints with bundled fonts only, and refuses --pdfa', async () => {
    const file = await writePlan();
    const validate = await vplan('validate', file);
    expect(validate.code).toBe(0);
    expect(validate.stderr).toMatch(/varning: .*plan\.json:\d+:\d+ sections\[1\]\.text: tecknen "😀" \(U\+1F600\), "日" \(U\+65E5\) och "本" \(U\+672C\) finns inte/);
    expect(validate.stderr).not.toContain('sections[0]');

    const out = path.join(tmp(), 'plan.pdf');
    const build = await vplan('build', file, '--out', out);
    expect(build.code).toBe(0);
    expect(build.stderr).toContain('sections[1].text: tecknen "😀" (U+1F600)');
    const bytes = await readFile(out);
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    const names = new Set(pdfFonts(doc).map((f) => f.name));
    // Greek and Cyrillic in the theme's Carlito, Devanagari in Noto Sans, ★ in Noto Sans Symbols 2, ≤ in Open Sans.
    expect([...names].filter((n) => !bundledFontNames().has(n.split('-')[0]!))).toEqual([]);
    expect(names).toEqual(new Set(['Carlito-Regular', 'Carlito-Bold', 'NotoSans-Regular', 'NotoSansSymbols2-Regular', 'OpenSans-Regular']));
    expect(pdfFonts(doc).filter((f) => f.subtype === 'Type3')).toEqual([]);
    const text = normalize((await pdfText(bytes)).all);
    expect(text).toContain('Ελληνικά γράμματα och кириллица текст');
    expect(text).toContain('★');

    const pdfa = path.join(tmp(), 'plan-a.pdf');
    const refused = await vplan('build', file, '--pdfa', '--out', pdfa);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/plan\.json:\d+:\d+ sections\[1\]\.text: tecknen "😀" \(U\+1F600\).*PDF\/A inte tillåter \(ISO 19005-2, 6\.2\.11\.8\)/);
    expect(refused.stderr).toContain('ingen PDF skrevs');
    expect(existsSync(pdfa)).toBe(false);
  });
});

describe('the browser sees no system font', () => {
  it('gets a fontconfig file whose only font is the bundled Noto Sans', async () => {
    const env = await fontconfigEnvironment('linux');
    expect(env.FONTCONFIG_FILE).toMatch(/fonts\.conf$/);
    const config = await readFile(env.FONTCONFIG_FILE!, 'utf8');
    expect(config).not.toMatch(/<include|\/usr\/share\/fonts|<dir prefix/);
    const dir = /<dir>([^<]+)<\/dir>/.exec(config)![1]!;
    expect(await readdir(dir)).toEqual(['vplan-noto-sans.ttf']);
    const font = openFont(await readFile(path.join(dir, 'vplan-noto-sans.ttf'))) as Font;
    expect(font.familyName).toBe('Noto Sans');
    expect(await fontconfigEnvironment('darwin')).toEqual({});
  });

  it.skipIf(!existsSync('/usr/bin/fc-list'))('fontconfig then lists that font and nothing else', async () => {
    const env = await fontconfigEnvironment('linux');
    const { stdout } = await run('fc-list', [':', 'family'], { env: { ...process.env, ...env } });
    expect(stdout.trim()).toBe('Noto Sans');
  });

  it.skipIf(!existsSync('/usr/bin/pdftotext'))('places words at fractional positions, not snapped to whole pixels', async () => {
    // Without fontconfig's render settings (antialiasing, slight hinting) Chromium snaps each word to a
    // whole pixel (0.75 pt), and lines break differently than with a desktop's settings.
    const pdf = path.join(inject('examplesDir'), 'botkyrka-huddinge-salem-2018.pdf');
    const { stdout } = await run('pdftotext', ['-f', '3', '-l', '3', '-bbox', pdf, '-']);
    const xs = [...stdout.matchAll(/<word xMin="([0-9.]+)"/g)].map((m) => Number(m[1]));
    const snapped = xs.filter((x) => Math.abs(x / 0.75 - Math.round(x / 0.75)) < 0.001);
    expect(xs.length).toBeGreaterThan(100);
    expect(snapped.length / xs.length).toBeLessThan(0.2);
  });

  it('turns a WOFF file back into the TrueType font it was made from', async () => {
    const woff = await readFile('node_modules/@fontsource/noto-sans/files/noto-sans-greek-400-normal.woff');
    const sfnt = woffToSfnt(woff);
    expect(sfnt.readUInt32BE(0)).toBe(0x00010000);
    const [a, b] = [openFont(woff) as Font, openFont(sfnt) as Font];
    expect(b.characterSet).toEqual(a.characterSet);
    expect(b.glyphForCodePoint(0x3b1).path.toSVG()).toBe(a.glyphForCodePoint(0x3b1).path.toSVG());
  });
});

describe('XMP metadata', () => {
  it('stays XML when the title has a vertical tab (U+000B), and agrees with the document information', async () => {
    const doc = await PDFDocument.create();
    doc.addPage();
    const { pdf } = await finishPdf(
      doc,
      {
        title: 'Plan \u000b med VT\u0001',
        author: 'Förbundet <&>',
        subject: 'Verksamhetsplan',
        keywords: ['dnr\u000c1'],
        creator: 'vplan',
        producer: 'vplan',
        date: new Date('2025-01-01T12:00:00Z'),
        documentId: '0123456789abcdef0123456789abcdef',
      },
      [],
      { pdfa: true },
    );
    const finished = await PDFDocument.load(pdf, { updateMetadata: false });
    const stream = finished.catalog.lookup(PDFName.of('Metadata')) as unknown as { contents: Uint8Array };
    const root = parseXml(Buffer.from(stream.contents).toString('utf8'));
    expect(findAll(root, 'pdfaid:part')[0]!.text).toBe('2');
    expect(findAll(root, 'pdfaid:conformance')[0]!.text).toBe('U');
    expect(findAll(root, 'dc:title')[0]!.children[0]!.children[0]!.text).toBe('Plan med VT');
    expect(findAll(root, 'dc:creator')[0]!.children[0]!.children[0]!.text).toBe('Förbundet <&>');
    const rule = Object.entries(RULES).find(([name]) => name.startsWith('6.6.3'))![1];
    expect(rule(finished, pdf)).toEqual([]);
    expect(finished.context.lookup(finished.context.trailerInfo.Info, PDFDict).get(PDFName.of('Title'))).toBeDefined();
    expect(notdefGlyphs(finished)).toEqual([]);
  });
});
