// vplan diff shows changed texts as the plan prints them: no Markdown syntax (**, |, - ) in the words
// taken out and put in, in the terminal and on the appendix page for the board.
import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { useTempDir } from './helpers/tempDir.js';
import { checkPlan } from '../src/build.js';
import { diffPlans } from '../src/diff/diff.js';
import { formatChanges } from '../src/diff/format.js';
import { readingLine, readingText } from '../src/diff/readingText.js';
import { normalize, pdfText } from './helpers/pdfText.js';

const run = promisify(execFile);
const tmp = useTempDir('vplan-diff-markdown');

const TABLE = ['| **Medlem** | **Andel** |', '| --- | --- |', '| Staten via Försäkringskassan | 50 % |', '| **Summa** | **100 %** |'].join('\n');

/** Finnveden 2025 with its section 4. Uppdrag changed by `edit`. */
async function withText(name: string, edit: (text: string) => string): Promise<string> {
  const plan = JSON.parse(await readFile('data/finnveden-2025.json', 'utf8'));
  plan.sections[3].text = edit(plan.sections[3].text);
  const file = path.join(tmp(), name);
  await writeFile(file, JSON.stringify(plan));
  return file;
}

describe('vplan diff: changed texts without Markdown', () => {
  it('shows a removed table as its cells, on the appendix page and in the terminal', async () => {
    const before = await withText('med-tabell.json', (text) => `${text}\n\n${TABLE}`);
    const appendix = path.join(tmp(), 'andringar.pdf');
    const { stdout } = await run(process.execPath, [path.resolve('bin/vplan.js'), 'diff', before, 'data/finnveden-2025.json', '--appendix', '--out', appendix]);
    expect(stdout.replace(/[\u00a0\u202f]/g, ' ')).toContain('  omskrivet: 4. Uppdrag\n    − Medlem · Andel; Staten via Försäkringskassan · 50 %; Summa · 100 %\n');
    const last = normalize((await pdfText(await readFile(appendix))).pages.at(-1)!);
    expect(last).toMatch(/Borttaget: ”Medlem · Andel; Staten via Försäkringskassan · 50 % ?; Summa · 100 %”/);
    expect(last).not.toMatch(/\||\*\*/);
  });

  it('shows changed words in bold or a list as words, and a change of form alone as such', async () => {
    const plan = (file: string) => checkPlan(file).then((c) => c.plan);
    const list = await withText('lista.json', (text) => `${text}\n\n- **unga** vuxna,\n- personer med *långvarig* sjukskrivning.`);
    const edited = await withText('lista-2.json', (text) => `${text}\n\n- **unga** vuxna,\n- personer med *lång* sjukskrivning,\n- nyanlända.`);
    const changes = diffPlans(await plan(list), await plan(edited), 'x');
    expect(changes.sectionsReworded).toEqual([{ name: expect.stringMatching(/^4\. /), removed: ['långvarig'], added: ['lång', ', nyanlända'] }]);
    // Bold where there was none: the same words, another form.
    const bold = await withText('fet.json', (text) => `${text}\n\n- unga vuxna,\n- personer med *långvarig* sjukskrivning.`);
    const form = diffPlans(await plan(list), await plan(bold), 'x');
    expect(form.sectionsReworded).toEqual([{ name: expect.stringMatching(/^4\. /), removed: [], added: [], formattingOnly: true }]);
    expect(formatChanges(form)).toMatch(/ {2}omskrivet: 4\. .*\n {4}\(samma ord, annan formatering\)\n/);
  });

  it('reads a text as printed: headings, numbered items, quotations, footnotes, line breaks', () => {
    const text = ['## Mål', '', 'Styrelsen har **beslutat**[^1]:', '', '1. Minst [60 %](https://x.se) ska `gå`', '2. Minst 35 %:', '   - unga,', '   - äldre.', '', '> ”Alla.”', '>', '> — Visionen', '', 'Anna\\', 'Torget 1', '', '[^1]: Lag.'].join('\n');
    // As printed: the space before % does not break (render/markdown.ts keeps numbers and units together).
    expect(readingText(text)).toBe(['Mål', '', 'Styrelsen har beslutat*:', '', '1. Minst 60\u00a0% ska gå', '2. Minst 35\u00a0%:', 'unga,', 'äldre.', '', '”Alla.”', '', '— Visionen', '', 'Anna', 'Torget 1', '', '* Lag.'].join('\n'));
    expect(readingLine('Underskottet **2026** täcks av _eget_ kapital.')).toBe('Underskottet 2026 täcks av eget kapital.');
  });
});
