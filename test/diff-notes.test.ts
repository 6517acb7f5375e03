// vplan diff and the notes under the budget table: an acknowledged warning's reason with note: true is
// printed in the board's document, so a reworded, new or removed note is a change to the budget.
import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { useTempDir } from './helpers/tempDir.js';
import { checkPlan } from '../src/build.js';
import { diffPlans, hasChanges } from '../src/diff/diff.js';
import { changedNotes } from '../src/diff/notes.js';
import { normalize, pdfText } from './helpers/pdfText.js';

const run = promisify(execFile);
const tmp = useTempDir('vplan-diff-notes');
const bin = path.resolve('bin/vplan.js');

/** Finnveden 2025, adopted, with its deficits acknowledged by these reasons, printed as notes. */
async function adoptedWithNotes(name: string, reasons: Record<string, string>): Promise<string> {
  const plan = JSON.parse(await readFile('data/finnveden-2025.json', 'utf8'));
  plan.document.status = { state: 'fastställd', decisionDate: '2024-11-28', decisionBody: 'styrelsen' };
  plan.acknowledgedWarnings = Object.entries(reasons).map(([column, reason]) => ({ warning: `deficit:${column}`, reason, note: true }));
  const file = path.join(tmp(), name);
  await writeFile(file, JSON.stringify(plan, null, 2));
  return file;
}

describe('vplan diff: notes under the budget table', () => {
  it('reports a reworded note as a change to the budget, in the terminal, in the OBS and on the appendix page', async () => {
    const before = await adoptedWithNotes('fore.json', { budget2025: 'Underskottet täcks av eget kapital.', plan2026: 'Underskottet 2026 täcks av eget kapital.' });
    const after = await adoptedWithNotes('efter.json', { budget2025: 'Underskottet täcks av ett lån.', plan2026: 'Underskottet 2026 täcks av eget kapital.' });
    const appendix = path.join(tmp(), 'andringar.pdf');
    const { stdout } = await run(process.execPath, [bin, 'diff', before, after, '--appendix', '--out', appendix]);
    expect(stdout).not.toMatch(/: inga\.$/m);
    expect(stdout).toContain('Budgeten (kr)\n  noten under budgettabellen ändrad: Budget 2025: Underskottet täcks av eget kapital. → Budget 2025: Underskottet täcks av ett lån.\n');
    // The plan still says it was adopted: its PDF would print the board's decision over a note the board never saw.
    expect(stdout).toContain('  OBS: den nya versionen säger fortfarande att planen är fastställd 2024-11-28, men budgeten har ändrats sedan dess;');
    const last = normalize((await pdfText(await readFile(appendix))).pages.at(-1)!);
    expect(last).toContain('Noter under budgettabellen Tidigare Nu Budget 2025: Underskottet täcks av eget kapital. Budget 2025: Underskottet täcks av ett lån.');
    expect(last).toContain('men budgeten har ändrats sedan dess');
  });

  it('says a note is new or taken out, and finds nothing where the notes are the same', async () => {
    const one = await adoptedWithNotes('en.json', { budget2025: 'Underskottet täcks av eget kapital.' });
    const two = await adoptedWithNotes('tva.json', { budget2025: 'Underskottet täcks av eget kapital.', plan2026: 'Kapitalet räcker.' });
    const [a, b] = [(await checkPlan(one)).plan, (await checkPlan(two)).plan];
    expect(diffPlans(a, b, 'x').budgetNotes).toEqual([{ before: undefined, after: 'Plan 2026: Kapitalet räcker.' }]);
    expect(diffPlans(b, a, 'x').budgetNotes).toEqual([{ before: 'Plan 2026: Kapitalet räcker.', after: undefined }]);
    expect(hasChanges(diffPlans(a, a, 'x'))).toBe(false);
    const { stdout } = await run(process.execPath, [bin, 'diff', two, one]);
    expect(stdout).toContain('  noten under budgettabellen borttagen: Plan 2026: Kapitalet räcker.\n');
    expect((await run(process.execPath, [bin, 'diff', one, two])).stdout).toContain('  ny not under budgettabellen: Plan 2026: Kapitalet räcker.\n');
  });

  it('pairs a note taken out with one put in at the same place as one reworded note', () => {
    expect(changedNotes(['A', 'B', 'C'], ['A', 'B2', 'C', 'D'])).toEqual([
      { before: 'B', after: 'B2' },
      { before: undefined, after: 'D' },
    ]);
    expect(changedNotes(['A', 'B'], ['B'])).toEqual([{ before: 'A', after: undefined }]);
    expect(changedNotes(['A'], ['A'])).toEqual([]);
  });
});
