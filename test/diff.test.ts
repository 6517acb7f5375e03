// What changed between two versions: cells and their effects, sections, status; and the appendix page.
import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { useTempDir } from './helpers/tempDir.js';
import { checkPlan } from '../src/build.js';
import { diffPlans, hasChanges } from '../src/diff/diff.js';
import { normalize, pdfText } from './helpers/pdfText.js';

const run = promisify(execFile);
const tmp = useTempDir('vplan-diff');

/** Finnveden 2025 with one cost raised, the status adopted, one section reworded and one added. */
async function editedFinnveden(): Promise<string> {
  const plan = JSON.parse(await readFile('data/finnveden-2025.json', 'utf8'));
  delete plan.$schema;
  plan.budget.costs.rows[0].rows[0].values.budget2025 = 3400000;
  plan.document.status = { state: 'fastställd', decisionDate: '2024-11-28', decisionBody: 'styrelsen' };
  plan.sections[3].text = 'Samordningsförbundet har ett unikt uppdrag.';
  plan.sections.splice(4, 0, { type: 'text', title: 'Nytt avsnitt', text: 'Text.' });
  const file = path.join(tmp(), 'finnveden-2025.json');
  await writeFile(file, JSON.stringify(plan, null, 2));
  return file;
}

describe('diffPlans', () => {
  it('lists the edited cell, its effect on every sum and carried-forward result, and the sections', async () => {
    const before = (await checkPlan('data/finnveden-2025.json')).plan;
    const after = (await checkPlan(await editedFinnveden())).plan;
    const changes = diffPlans(before, after, 'version 1 (2024:11 / 2)');
    expect(changes.cells).toEqual([{ row: 'Samverkansteam Finnveden', column: 'Budget 2025', before: 3336600, after: 3400000, delta: 63400 }]);
    const effect = (row: string, column: string) => changes.sums.find((s) => s.row === row && s.column === column)?.delta;
    expect(effect('Delsumma verksamheter', 'Budget 2025')).toBe(63400);
    expect(effect('Summa kostnader', 'Budget 2025')).toBe(63400);
    expect(effect('Prel balanserat resultat', 'Budget 2025')).toBe(-63400);
    // The carry-forward passes the change on to the plan years.
    expect(effect('Balanserat resultat', 'Plan 2026')).toBe(-63400);
    expect(effect('Prel balanserat resultat', 'Plan 2027')).toBe(-63400);
    expect(effect('Summa kostnader', 'Plan 2026')).toBeUndefined();
    expect(changes.document).toEqual([{ label: 'Status', before: 'förslag', after: 'fastställd' }]);
    expect(changes.sectionsAdded).toEqual(['5. Nytt avsnitt']);
    expect(changes.sectionsReworded).toEqual(['4. Uppdrag']);
    expect(changes.sectionsRemoved).toEqual([]);
  });

  it('finds nothing between a plan and itself', async () => {
    const plan = (await checkPlan('data/botkyrka-huddinge-salem-2018')).plan;
    expect(hasChanges(diffPlans(plan, plan, 'x'))).toBe(false);
  });
});

describe('vplan diff (CLI)', () => {
  it('compares an archived version with a new plan and prints the appendix page', async () => {
    const bin = path.resolve('bin/vplan.js');
    const archive = path.join(tmp(), 'archive');
    await run(process.execPath, [bin, 'archive', path.resolve('data/finnveden-2025.json'), '--archive', archive]);
    const edited = await editedFinnveden();
    const out = path.join(tmp(), 'ny.pdf');
    const { stdout } = await run(process.execPath, [bin, 'diff', '2024:11 / 2@1', edited, '--appendix', '--out', out, '--archive', archive]);
    expect(normalize(stdout)).toContain('Samverkansteam Finnveden, Budget 2025: 3 336 600 → 3 400 000 (+63 400)');
    const text = await pdfText(await readFile(out));
    const last = normalize(text.pages.at(-1)!);
    expect(last).toContain('Ändringar sedan version 1 (2024:11 / 2)');
    expect(last).toContain('Samverkansteam Finnveden Budget 2025 3 336 600 3 400 000 +63 400');
    expect(last).toContain('Prel balanserat resultat Plan 2027 76 800 13 400 −63 400');
    // The appendix is in the contents with its page.
    expect(normalize(text.pages[1]!)).toMatch(new RegExp(`Ändringar sedan version 1 \\(2024:11 / 2\\) ?\\.* ?${text.pages.length}`));
  });
});
