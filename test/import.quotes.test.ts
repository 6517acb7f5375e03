// vplan import: paragraphs in Word's Quote styles ("Quote"/"Citat", "Intense Quote"/"Starkt citat") are a
// Markdown quotation, and a source line under the quotation is vplan's source line ("> — Namn", a
// paragraph of its own), printed as the quotation's source; a source without a dash is a guess to check.
import { describe, expect, it } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { importHtml } from '../src/import/importDocx.js';
import { listsInQuotes, quotations } from './helpers/docxFixtures.js';
import { pdftotext } from './helpers/pdfText.js';
import { useTempDir } from './helpers/tempDir.js';
import { runVplan } from './helpers/cli.js';

const dir = useTempDir('vplan-import-quote');
const vplan = (...args: string[]) => runVplan(dir(), ...args);
const read = (...parts: string[]) => readFile(path.join(dir(), ...parts), 'utf8');

/** The first section's text and its notes, for a quotation given as mammoth's HTML. */
function quoted(html: string): { text: string | undefined; notes: string[] } {
  const { plan, notes } = importHtml(`<h1 class="title">Verksamhetsplan 2026</h1><h1>Om</h1>${html}`, new Date('2026-01-01'));
  const [section] = plan.sections as { text?: string }[];
  return { text: section?.text, notes: notes.filter((n) => n.trail.length > 0).map((n) => n.message) };
}

describe('vplan import: quotations', () => {
  it('writes the Quote styles as quotations with their sources, and the PDF prints the source under the quotation', async () => {
    await writeFile(path.join(dir(), 'citat.docx'), await quotations());
    const result = await vplan('import', 'citat.docx', '--out', 'plan');
    expect(result.stderr).not.toMatch(/at .*\.js:\d+/);
    expect(result.code).toBe(0);
    expect(await read('plan', 'avsnitt', '01-vision.md')).toBe(
      '---\ntype: text\ntitle: Vision\n---\n\nFörbundets vision är:\n\n> ”Plats för alla!”\n>\n> — Förbundets vision\n\nVisionen gäller hela planen.\n',
    );
    // Paragraphs in a row are one quotation; "- Lag …", a paragraph of its own with a hyphen, is its source (not a list).
    expect(await read('plan', 'avsnitt', '02-uppdrag.md')).toBe(
      '---\ntype: text\ntitle: Uppdrag\n---\n\n' +
        '> Syftet med den finansiella samordningen är att underlätta en effektiv användning av de samlade resurserna.\n>\n' +
        '> Förbundet ska stödja samordnade insatser.\n>\n> — Lag (2003:1210) om finansiell samordning, 1 §\n',
    );
    // The Swedish style names; a Citat paragraph next to a Starkt citat one is two quotations. A source line without a dash is a guess.
    expect(await read('plan', 'avsnitt', '03-motto.md')).toBe(
      '---\ntype: text\ntitle: Motto\n---\n\n> ”Tillsammans gör vi skillnad.”\n>\n> — Styrelsens motto\n\n> Ingen ska falla mellan stolarna.\n',
    );
    expect(result.stderr).toContain(
      'kontrollera: avsnitt/03-motto.md: citatets sista rad "Styrelsens motto" blev citatets källa ("> — Styrelsens motto", en egen rad under citatet); hör raden till citatet, ta bort "— "',
    );
    expect(result.stderr).not.toMatch(/kontrollera: avsnitt\/0[12]/);

    const pdf = path.join(dir(), 'plan.pdf');
    const built = await vplan('build', 'plan', '--out', 'plan.pdf');
    expect(built.stderr).not.toMatch(/at .*\.js:\d+/);
    expect(built.code).toBe(0);
    const stdout = await pdftotext(pdf);
    expect(stdout).toMatch(/”Plats för alla!”\n\s*— Förbundets vision\n/);
    expect(stdout).toMatch(/samordnade insatser\.\n(\s*\n)*\s*— Lag \(2003:1210\) om finansiell samordning, 1 §\n/);
    expect(stdout).toMatch(/”Tillsammans gör vi skillnad\.”\n\s*— Styrelsens motto\n/);
    expect(stdout).not.toMatch(/[>\\]/);
  }, 60_000);

  it('keeps Word’s numbers and bullets of paragraphs in a Quote style, as a list in the quotation', async () => {
    await writeFile(path.join(dir(), 'listor.docx'), await listsInQuotes());
    const result = await vplan('import', 'listor.docx', '--out', 'listor');
    expect(result.stderr).not.toMatch(/at .*\.js:\d+/);
    expect(result.code).toBe(0);
    // The numbers are Word's numbering, no text: before, the quotation kept the words and lost 1., 2. and 3.
    expect(await read('listor', 'avsnitt', '01-uppdrag.md')).toBe(
      '---\ntype: text\ntitle: Uppdrag\n---\n\nFörbundet ska enligt lagen:\n\n' +
        '> 1. besluta om mål och riktlinjer för den finansiella samordningen,\n> 2. stödja samverkan mellan parterna,\n' +
        '> 3. besluta om hur de samlade resurserna ska användas.\n>\n> — Lag (2003:1210) om finansiell samordning, 7 §\n\n' +
        'Styrelsen ansvarar för uppdraget.\n',
    );
    expect(await read('listor', 'avsnitt', '02-varden.md')).toBe('---\ntype: text\ntitle: Värden\n---\n\n> - Individen i centrum\n> - Samverkan\n');

    const built = await vplan('build', 'listor', '--out', 'listor.pdf');
    expect(built.code).toBe(0);
    const stdout = await pdftotext(path.join(dir(), 'listor.pdf'));
    expect(stdout).toMatch(/1\. besluta om mål och riktlinjer[^]*2\. stödja samverkan[^]*3\. besluta om hur[^]*— Lag \(2003:1210\) om finansiell samordning, 7 §/);
    expect(stdout).toMatch(/Individen i centrum\n\s*Samverkan\n/);
  }, 60_000);

  it('tells a source line from a line of the quotation', () => {
    // An em dash, an en dash, or two hyphens; emphasis around the break is kept on both lines.
    expect(quoted('<blockquote><p><em>”Plats för alla!”<br />— Förbundets vision</em></p></blockquote>').text).toBe('> *”Plats för alla!”*\n>\n> — *Förbundets vision*');
    expect(quoted('<blockquote><p>Citatet.<br />-- Anna Andersson, ordf.</p></blockquote>').text).toBe('> Citatet.\n>\n> — Anna Andersson, ordf.');
    // A verse's next line, and a reply after a break, stay in the quotation.
    expect(quoted('<blockquote><p>Plats för alla<br />och aldrig ge upp</p></blockquote>')).toEqual({ text: '> Plats för alla\\\n> och aldrig ge upp', notes: [] });
    expect(quoted('<blockquote><p>”Hur gör vi?”<br />– Vi samverkar, säger hon.</p></blockquote>')).toEqual({ text: '> ”Hur gör vi?”\\\n> – Vi samverkar, säger hon.', notes: [] });
    // A last paragraph with a dash is printed as the source whatever it says: a sentence there is listed.
    const reply = quoted('<blockquote><p>Ett citat.</p><p>– Vi samverkar, säger hon.</p></blockquote>');
    expect(reply.text).toBe('> Ett citat.\n>\n> — Vi samverkar, säger hon.');
    expect(reply.notes).toEqual(['citatets sista rad "Vi samverkar, säger hon." blev citatets källa ("> — Vi samverkar, säger hon.", en egen rad under citatet); hör raden till citatet, ta bort "— "']);
    const alone = quoted('<blockquote><p>– Vi samverkar, säger hon.</p></blockquote>');
    expect(alone.text).toBe('> – Vi samverkar, säger hon.');
    expect(alone.notes).toEqual(['citatets sista stycke börjar med ett tankstreck ("– Vi samverkar, säger hon.") och skrivs därför som citatets källa; hör det till citatet, skriv det utan tankstreck']);
    // A hyphen is no source line to vplan: the quotation stays as it is, the hyphen escaped (no list).
    expect(quoted('<blockquote><p>- Vi samverkar, säger hon.</p></blockquote>')).toEqual({ text: '> \\- Vi samverkar, säger hon.', notes: [] });
  });

  it('takes a source line written in Normal style right under a quotation into it, and lists it to check', () => {
    const after = quoted('<blockquote><p>”Plats för alla!”</p></blockquote><p>– Förbundets vision</p><p>Visionen gäller hela planen.</p>');
    expect(after.text).toBe('> ”Plats för alla!”\n>\n> — Förbundets vision\n\nVisionen gäller hela planen.');
    expect(after.notes).toEqual(['raden "Förbundets vision" under citatet, i en annan formatmall än citatet, blev citatets källa ("> — Förbundets vision", en egen rad under citatet); hör den inte till citatet, skriv den utan "> — " efter en tom rad']);
    // A sentence, a list of dash lines written by hand, and a quotation with a source of its own are left as they are.
    expect(quoted('<blockquote><p>Citatet.</p></blockquote><p>– Vi samverkar, säger hon.</p>').text).toBe('> Citatet.\n\n– Vi samverkar, säger hon.');
    expect(quoted('<blockquote><p>Citatet.</p></blockquote><p>– Ett</p><p>– Två</p>').text).toBe('> Citatet.\n\n– Ett\n\n– Två');
    expect(quoted('<blockquote><p>Citatet.<br />– Anna Andersson</p></blockquote><p>– Bertil</p>').text).toBe('> Citatet.\n>\n> — Anna Andersson\n\n– Bertil');
  });

  it('lists a source guessed on the front page as the document’s', () => {
    const { plan, notes } = importHtml('<h1 class="title">Verksamhetsplan 2026</h1><blockquote><p>”Plats för alla!”<br />Vår vision</p></blockquote><h1>Om</h1><p>Text.</p>', new Date('2026-01-01'));
    expect((plan.document as { preface?: string }).preface).toBe('> ”Plats för alla!”\n>\n> — Vår vision');
    expect(notes).toContainEqual({ trail: [], message: expect.stringMatching(/^titelsidan: citatets sista rad "Vår vision" blev citatets källa/) });
    expect(notes.filter((n) => n.trail.length > 0)).toEqual([]);
  });
});
