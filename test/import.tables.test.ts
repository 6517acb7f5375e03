// vplan import: a Word table that is no budget stays a Markdown table, its columns of figures
// (amounts, shares) right-aligned (`--:`), as the PDF sets the figures of the budget tables.
import { describe, expect, it } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildPlan, PrintSession } from '../src/build.js';
import { memberShares } from './helpers/docxBudgetFixtures.js';
import { placedText } from './helpers/pdfPositions.js';
import { useTempDir } from './helpers/tempDir.js';
import { runVplan } from './helpers/cli.js';

const dir = useTempDir('vplan-import-tables');

describe('vplan import: tables that are no budget', () => {
  it('right-aligns the columns of amounts and shares, not those of text', async () => {
    await writeFile(path.join(dir(), 'bidrag.docx'), await memberShares());
    const result = await runVplan(dir(), 'import', 'bidrag.docx', '--out', 'bidrag');
    expect(result.code).toBe(0);
    const section = await readFile(path.join(dir(), 'bidrag', 'avsnitt', '01-medlemsbidrag-2026.md'), 'utf8');
    expect(section).toContain(
      '| Medlem | Andel | Medlemsbidrag 2026 (tkr) | Kommentar |\n| --- | --: | --: | --- |\n| Staten via Försäkringskassan | 50 % | 2 500 | Enligt lagen |\n',
    );
    expect(section).toContain('| **Summa** | **100 %** | **4 300** |  |');

    const session = new PrintSession();
    try {
      const out = path.join(dir(), 'bidrag.pdf');
      await buildPlan(path.join(dir(), 'bidrag'), out, session);
      const items = (await placedText(new Uint8Array(await readFile(out)))).flatMap((p) => p.items);
      const right = (text: string) => {
        const item = items.find((i) => i.text === text);
        if (!item) throw new Error(`"${text}" is not in the PDF`);
        return item.x + item.width;
      };
      const left = (text: string) => items.find((i) => i.text === text)!.x;
      // Figures end at one edge, whatever their width; the text column starts at one.
      expect(Math.abs(right('2 500') - right('75'))).toBeLessThan(1);
      expect(Math.abs(right('50 %') - right('9,5 %'))).toBeLessThan(1);
      expect(Math.abs(left('Enligt lagen') - left('Efter folkmängd 2024'))).toBeLessThan(1);
    } finally {
      await session.close();
    }
  }, 60_000);
});
