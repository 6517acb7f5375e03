// What changed between two versions: cells and their effects, sections, status; and the appendix page.
import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { useTempDir } from './helpers/tempDir.js';
import { checkPlan } from '../src/build.js';
import { diffPlans, hasChanges } from '../src/diff/diff.js';
import { formatChanges } from '../src/diff/format.js';
import { changedWords } from '../src/diff/words.js';
import { nextYear } from '../src/next/nextYear.js';
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
    // The words that changed, not only that the section was rewritten.
    expect(changes.sectionsReworded).toEqual([
      { name: '4. Uppdrag', removed: [expect.stringMatching(/^att stödja samordnade insatser .* rätt försörjning$/)], added: [] },
    ]);
    expect(changes.sectionsRemoved).toEqual([]);
  });

  it('finds nothing between a plan and itself', async () => {
    const plan = (await checkPlan('data/botkyrka-huddinge-salem-2018')).plan;
    expect(hasChanges(diffPlans(plan, plan, 'x'))).toBe(false);
  });
});

describe('diffPlans, more', () => {
  it('compares amounts in one unit when the unit changed (kr → tkr): one note, not every cell', async () => {
    const plan = JSON.parse(await readFile('data/finnveden-2025.json', 'utf8'));
    delete plan.$schema;
    const before = (await checkPlan('data/finnveden-2025.json')).plan;
    // The same plan in tkr, every amount divided exactly (the rows in tkr are the kr rows / 1000 where whole).
    const toTkr = (v: unknown): unknown =>
      Array.isArray(v) ? v.map(toTkr) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, k === 'values' || k === 'opening' ? scale(x) : toTkr(x)])) : v;
    const scale = (x: unknown) => (x && typeof x === 'object' ? Object.fromEntries(Object.entries(x).map(([k, n]) => [k, typeof n === 'number' ? n / 1000 : n])) : x);
    plan.budget = toTkr(plan.budget);
    plan.budget.unit = 'tkr';
    plan.budget.costs.rows[0].rows[0].values.budget2025 = 3400; // was 3 336 600 kr
    const integral = JSON.stringify(plan.budget).match(/\d+\.\d+/g) === null;
    if (!integral) {
      // Not every amount is whole thousands: round the others so the plan is valid, and compare only the note and the edited cell.
      plan.budget = JSON.parse(JSON.stringify(plan.budget), (_k, v) => (typeof v === 'number' ? Math.round(v) : v));
    }
    const file = path.join(tmp(), 'tkr.json');
    await writeFile(file, JSON.stringify(plan));
    const after = (await checkPlan(file)).plan;
    const changes = diffPlans(before, after, 'x');
    expect(changes.unitNote).toBe('Enheten ändrades från kr till tkr; beloppen jämförs i kr.');
    expect(changes.unit).toBe('kr');
    expect(changes.cells).toContainEqual({ row: 'Samverkansteam Finnveden', column: 'Budget 2025', before: 3336600, after: 3400000, delta: 63400 });
    expect(formatChanges(changes)).toContain('Enheten ändrades från kr till tkr');
  });

  it('matches a row by its id before its label: a renamed row is one change, not a new and a removed row', async () => {
    const plan = JSON.parse(await readFile('data/finnveden-2025.json', 'utf8'));
    delete plan.$schema;
    plan.budget.costs.rows[0].rows[0].id = 'samverkansteam';
    const beforeFile = path.join(tmp(), 'fore.json');
    await writeFile(beforeFile, JSON.stringify(plan));
    plan.budget.costs.rows[0].rows[0].label = 'Samverkansteamet i Finnveden';
    plan.budget.costs.rows[0].rows[0].values.budget2025 = 3400000;
    const afterFile = path.join(tmp(), 'efter.json');
    await writeFile(afterFile, JSON.stringify(plan));
    const changes = diffPlans((await checkPlan(beforeFile)).plan, (await checkPlan(afterFile)).plan, 'x');
    expect(changes.rowsAdded).toEqual([]);
    expect(changes.rowsRemoved).toEqual([]);
    expect(changes.cells).toEqual([{ row: 'Samverkansteamet i Finnveden', column: 'Budget 2025', before: 3336600, after: 3400000, delta: 63400 }]);
  });

  it('names every visible change: the association, the vision, headings and sum rows, and the words of typed sections', async () => {
    const plan = JSON.parse(await readFile('data/finnveden-2025.json', 'utf8'));
    delete plan.$schema;
    plan.document.association.name = 'Samordningsförbundet Annat';
    plan.document.vision.statement = 'Plats för fler!';
    plan.document.vision.titlePageLead = 'Vår vision:';
    plan.budget.costs.rows[1].subtotal = 'Summa administration';
    plan.sections.find((s: { type?: string }) => s.type === 'vision').lead = 'Vår vision är:';
    const file = path.join(tmp(), 'synligt.json');
    await writeFile(file, JSON.stringify(plan));
    const changes = diffPlans((await checkPlan('data/finnveden-2025.json')).plan, (await checkPlan(file)).plan, 'x');
    expect(changes.document).toEqual(
      expect.arrayContaining([
        { label: 'Förbund', before: 'Finnvedens Samordningsförbund', after: 'Samordningsförbundet Annat' },
        { label: 'Vision', before: 'Plats för alla!', after: 'Plats för fler!' },
        { label: 'Raden över visionen på titelsidan', before: 'Vår gemensamma vision:', after: 'Vår vision:' },
      ]),
    );
    expect(changes.rowsAdded).toContain('summaraden Summa administration');
    expect(changes.rowsRemoved).toContain('summaraden Delsumma administration');
    // The vision section's lead and the statement it shows are its content, not its text: their words
    // are shown all the same.
    const vision = changes.sectionsReworded.find((r) => r.name.endsWith('Vision'));
    expect(vision).toMatchObject({ removed: ['Förbundets', 'alla'], added: ['Vår', 'fler'] });
    expect(formatChanges(changes)).toContain('  Förbund: Finnvedens Samordningsförbund → Samordningsförbundet Annat');
  });

  it('shows a new row and a new column with their amounts', async () => {
    const plan = JSON.parse(await readFile('data/finnveden-2025.json', 'utf8'));
    delete plan.$schema;
    plan.budget.costs.rows[0].rows.push({ label: 'Ny insats', values: { budget2025: 1000, plan2026: 1100 } });
    const file = path.join(tmp(), 'ny-rad.json');
    await writeFile(file, JSON.stringify(plan));
    const changes = diffPlans((await checkPlan('data/finnveden-2025.json')).plan, (await checkPlan(file)).plan, 'x');
    expect(changes.rowsAdded.map((r) => r.replace(/[\u00a0\u202f]/g, ' '))).toEqual(['Ny insats (Budget 2025: 1 000; Plan 2026: 1 100)']);
    // Next year's plan has a new last column: shown with its sums.
    const { plan: old, loaded } = await checkPlan('data/sodra-vatterbygden-2013.yaml');
    const nextFile = path.join(tmp(), 'next.json');
    await writeFile(nextFile, JSON.stringify(nextYear(loaded.parsed.value as Record<string, unknown>, old.budget).value));
    const yearOn = diffPlans(old, (await checkPlan(nextFile)).plan, 'x');
    expect(yearOn.columnsAdded).toHaveLength(1);
    expect(yearOn.columnsAdded[0]).toMatch(/^Budget 2015 \(.*Summa intäkter: [\d\s\u00a0]+;/);
    expect(yearOn.columnsRemoved).toEqual(['Budget 2013']);
  });

  it('compares next year\'s plan with last year\'s by year: last year\'s Plan 2026 is this year\'s Budget 2026', async () => {
    const { plan: old, loaded } = await checkPlan('data/finnveden-2025.json');
    const next = nextYear(loaded.parsed.value as Record<string, unknown>, old.budget).value as { budget: { costs: { rows: { rows?: { label: string; values: Record<string, number> }[] }[] } } };
    const kansli = next.budget.costs.rows.flatMap((g) => g.rows ?? []).find((r) => r.label === 'Kansli')!;
    kansli.values.budget2026 = 575_000;
    const file = path.join(tmp(), 'next-2026.json');
    await writeFile(file, JSON.stringify(next));
    const changes = diffPlans(old, (await checkPlan(file)).plan, 'x');
    // Before, Plan 2026 and Budget 2026 were a removed and a new column, and the economist's change was nowhere.
    expect(changes.cells).toContainEqual({ row: 'Kansli', column: 'Budget 2026 (förut Plan 2026)', before: 570_000, after: 575_000, delta: 5_000 });
    expect(changes.columnsRemoved).toEqual(['Budget 2024', 'Prognos 2024']);
    expect(changes.columnsAdded.map((c) => c.split(' (')[0])).toEqual(['Prognos 2025', 'Plan 2028']);
    // A section whose title only moved a year on is the same section, its heading's years among the changed words.
    expect(changes.sectionsAdded).toEqual([]);
    expect(changes.sectionsRemoved).toEqual([]);
    const budgetSection = changes.sectionsReworded.find((r) => r.name.includes('Budget 2026 och plan 2027–2028'));
    expect(budgetSection?.removed.join(' ')).toMatch(/2025/);
    expect(budgetSection?.added.join(' ')).toMatch(/2028/);
  });

  it('does not list the sub-sections of a section whose title moved a year on where they did not change', async () => {
    const plan = JSON.parse(await readFile('data/finnveden-2025.json', 'utf8'));
    delete plan.$schema;
    plan.sections.push({ type: 'text', title: 'Åtaganden 2025', text: 'Förbundet åtar sig följande.', sections: [{ type: 'text', title: 'Uppföljning', text: 'Insatserna följs upp.' }] });
    const beforeFile = path.join(tmp(), 'fore.json');
    await writeFile(beforeFile, JSON.stringify(plan));
    plan.sections.at(-1).title = 'Åtaganden 2026';
    const afterFile = path.join(tmp(), 'efter.json');
    await writeFile(afterFile, JSON.stringify(plan));
    const changes = diffPlans((await checkPlan(beforeFile)).plan, (await checkPlan(afterFile)).plan, 'x');
    expect(changes.sectionsAdded).toEqual([]);
    expect(changes.sectionsRemoved).toEqual([]);
    expect(changes.sectionsReworded.map((s) => s.name)).toEqual(['8. Åtaganden 2026']);
  });

  it('shows a changed amount in a text as the whole number, not its digit groups', () => {
    expect(changedWords('Kapitalet blir 1\u00a0025\u00a0200 kr.', 'Kapitalet blir 1\u00a0015\u00a0200 kr.')).toEqual({ removed: ['1 025 200'], added: ['1 015 200'] });
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
    // The reworded section shows its changed words on the appendix page too.
    expect(last).toMatch(/4\. Uppdrag Borttaget: ”att stödja samordnade insatser/);

    // Both sides may be filed versions.
    await run(process.execPath, [bin, 'archive', edited, '--archive', archive]);
    const both = await run(process.execPath, [bin, 'diff', '2024:11 / 2@1', '2024:11 / 2@2', '--archive', archive]);
    expect(normalize(both.stdout)).toContain('Ändringar sedan version 1 (2024:11 / 2)');
    expect(normalize(both.stdout)).toContain('Samverkansteam Finnveden, Budget 2025: 3 336 600 → 3 400 000 (+63 400)');
    expect(normalize(both.stdout)).toMatch(/omskrivet: 4\. Uppdrag\n? *− att stödja/);
  });
});
