// vplan import: a manual line break in Word (Shift+Enter, <w:br/>, mammoth's <br />) stays a line break in
// the text (a Markdown hard break, a backslash at the line's end) and is a space in a heading, the title and a table cell.
import { describe, expect, it } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildPlan, checkPlan, PrintSession } from '../src/build.js';
import { importHtml } from '../src/import/importDocx.js';
import { lineBreaks } from './helpers/docxFixtures.js';
import { pdftotext } from './helpers/pdfText.js';
import { useTempDir } from './helpers/tempDir.js';
import { runVplan } from './helpers/cli.js';

const dir = useTempDir('vplan-import-br');
const vplan = (...args: string[]) => runVplan(dir(), ...args);
const read = (...parts: string[]) => readFile(path.join(dir(), ...parts), 'utf8');

describe('vplan import: manual line breaks', () => {
  it('keeps them as hard line breaks in the text, and makes them a space in the title, a heading and a table cell', async () => {
    await writeFile(path.join(dir(), 'radbrytning.docx'), await lineBreaks());
    const result = await vplan('import', 'radbrytning.docx', '--out', 'plan');
    expect(result.code).toBe(0);
    expect(await read('plan', 'avsnitt', '01-kontakt.md')).toBe(
      '---\ntype: text\ntitle: Kontakt\n---\n\n' +
        'Samordningsförbundet Finsam Exempel\\\nBox 123\\\n123 45 Exempelstad\n\n' +
        'Styrelsen 2027:\\\nAnna Andersson, ordförande\\\nBo Berg, vice ordförande\n\n' +
        '”Plats för alla!”\\\n– Förbundets vision\n',
    );
    // A line that would start a heading, a list or a rule is escaped; a list item's next line is indented under it.
    expect(await read('plan', 'avsnitt', '02-mal-och-uppfoljning.md')).toBe(
      '---\ntype: text\ntitle: Mål och uppföljning\n---\n\n' +
        '- Fler i arbete\\\n  – mätt med SUS\n\n' +
        'Rad ett\\\n\\# inte en rubrik\\\n\\- inte en lista\\\n\\---\n\n' +
        '| Kontor | Adress |\n| --- | --- |\n| Kansli | Storgatan 1 Exempelstad |\n',
    );
    const { plan } = await checkPlan(path.join(dir(), 'plan'));
    expect(plan.document.title).toBe('Verksamhetsplan med budget 2027');
    expect(plan.document.associationName).toBe('Samordningsförbundet Finsam Exempel');

    const session = new PrintSession();
    try {
      const out = path.join(dir(), 'plan.pdf');
      await buildPlan(path.join(dir(), 'plan'), out, session);
      const stdout = await pdftotext(out);
      expect(stdout).toMatch(/Samordningsförbundet Finsam Exempel\n\s*Box 123\n\s*123 45 Exempelstad\n/);
      expect(stdout).toMatch(/Styrelsen 2027:\n\s*Anna Andersson, ordförande\n\s*Bo Berg, vice ordförande\n/);
      expect(stdout).toMatch(/”Plats för alla!”\n\s*– Förbundets vision\n/);
      expect(stdout).toMatch(/Fler i arbete\n\s*– mätt med SUS\n/);
      expect(stdout).toMatch(/Rad ett\n\s*# inte en rubrik\n\s*- inte en lista\n\s*---\n/);
      expect(stdout).toMatch(/2\.?\s+Mål och uppföljning\n/);
      expect(stdout).not.toContain('\\');
    } finally {
      await session.close();
    }
  }, 60_000);

  it('makes several breaks in a row one, drops them at the ends, and keeps bold text on both lines of a break', () => {
    const { plan } = importHtml('<h1 class="title">Verksamhetsplan 2026</h1><h1>Om</h1><p><br />Ett<br /><br /><strong>två<br />tre</strong><br /></p>');
    const [section] = plan.sections as { text?: string }[];
    // Each line has its own markers, so that a line can stand alone (a quotation's source line is split off).
    expect(section!.text).toBe('Ett\\\n**två**\\\n**tre**');
  });
});
