// What changed between two versions: cells and their effects, sections, status; and the appendix page.
import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { useTempDir } from './helpers/tempDir.js';
import { checkPlan } from '../src/build.js';
import { renderHtml } from '../src/render/html.js';
import { diffPlans, hasChanges } from '../src/diff/diff.js';
import { formatChanges } from '../src/diff/format.js';
import { changedFigures, changedWords } from '../src/diff/words.js';
import { nextYear } from '../src/next/nextYear.js';
import { normalize, pdfText, pdftotext } from './helpers/pdfText.js';

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
    // A section whose title only moved a year on is the same section, its heading's years among its
    // changed figures; with its words the same it is not rewritten.
    expect(changes.sectionsAdded).toEqual([]);
    expect(changes.sectionsRemoved).toEqual([]);
    expect(changes.sectionsReworded).toEqual([]);
    expect(changes.sectionFigures).toEqual([
      {
        name: '7. Budget 2026 och plan 2027–2028',
        figures: [
          { before: '2025', after: '2026' },
          { before: '2026–2027', after: '2027–2028' },
        ],
        more: 0,
      },
    ]);
    // On the appendix page each section's figures are a group of their own, kept on one page together.
    const plan = (await checkPlan(file)).plan;
    plan.changes = { ...changes, sectionFigures: [...changes.sectionFigures, { name: '8. Annat', figures: [{ before: '1', after: '2' }], more: 0 }] };
    const html = await renderHtml(plan, { generator: 'test' });
    const groups = [...html.matchAll(/<tbody class="changes-group">(.*?)<\/tbody>/gs)].map((m) => m[1]!);
    expect(groups).toHaveLength(2);
    expect(groups[0]).toMatch(/^<tr class="row"><th scope="row" class="label">7\. Budget/);
    expect(groups[0]!.match(/<tr /g)).toHaveLength(2);
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
    expect(changes.sectionsReworded).toEqual([]);
    expect(changes.sectionFigures).toEqual([{ name: '8. Åtaganden 2026', figures: [{ before: '2025', after: '2026' }], more: 0 }]);
  });

  it('shows a chart caption whose year moved on among the figures, not as a rewrite without words', async () => {
    const plan = JSON.parse(await readFile('data/finnveden-2025.json', 'utf8'));
    delete plan.$schema;
    const budget = plan.sections.find((s: { type?: string }) => s.type === 'budget');
    budget.charts[0].caption = 'Kostnader 2026 per budgetpost';
    const file = path.join(tmp(), 'bildtext.json');
    await writeFile(file, JSON.stringify(plan));
    const changes = diffPlans((await checkPlan('data/finnveden-2025.json')).plan, (await checkPlan(file)).plan, 'x');
    expect(changes.sectionsReworded).toEqual([]);
    expect(changes.sectionFigures).toEqual([{ name: '7. Budget 2025 och plan 2026–2027', figures: [{ before: '2025', after: '2026' }], more: 0 }]);
    // A caption's words are a section's words.
    budget.charts[0].caption = 'Kostnader 2025 per insats';
    await writeFile(file, JSON.stringify(plan));
    const reworded = diffPlans((await checkPlan('data/finnveden-2025.json')).plan, (await checkPlan(file)).plan, 'x');
    expect(reworded.sectionsReworded).toEqual([{ name: '7. Budget 2025 och plan 2026–2027', removed: ['budgetpost'], added: ['insats'] }]);
  });

  it('shows a changed amount in a text as the whole number, not its digit groups', () => {
    expect(changedWords('Kapitalet blir 1\u00a0025\u00a0200 kr.', 'Kapitalet blir 1\u00a0015\u00a0200 kr.')).toEqual({ removed: ['1 025 200'], added: ['1 015 200'] });
  });

  it('tells a text whose figures alone changed from a rewritten one', () => {
    const figures = (before: string, after: string) => changedFigures(before, after)?.figures;
    expect(figures('Kapitalet blir 1\u00a0025\u00a0200 kr.', 'Kapitalet blir 1 015 200 kr.')).toEqual([{ before: '1\u00a0025\u00a0200 kr', after: '1\u00a0015\u00a0200 kr' }]);
    expect(figures('Kostnaderna 2025 blir ca 5,8 miljoner kronor.', 'Kostnaderna 2026 blir ca 6,1 miljoner kronor.')).toEqual([
      { before: '2025', after: '2026' },
      { before: '5,8 miljoner', after: '6,1 miljoner' },
    ]);
    expect(figures('Resultatet blir 12 tkr.', 'Resultatet blir −12 tkr.')).toEqual([{ before: '12 tkr', after: '−12 tkr' }]);
    expect(figures('Beslutat 2024-11-28.', 'Beslutat 2025-11-27.')).toEqual([{ before: '2024-11-28', after: '2025-11-27' }]);
    // A year and the count after it are two figures; a decimal point is a decimal too.
    expect(figures('Under 2025 150 deltagare.', 'Under 2026 150 deltagare.')).toEqual([{ before: '2025', after: '2026' }]);
    expect(figures('Ökningen är 3.4 procent.', 'Ökningen är 3.5 procent.')).toEqual([{ before: '3.4 procent', after: '3.5 procent' }]);
    // The same change twice is listed once.
    expect(figures('Under 2025, och efter 2025.', 'Under 2026, och efter 2026.')).toEqual([{ before: '2025', after: '2026' }]);
    // A word changed too: rewritten, not a change of figures.
    expect(changedFigures('Kostnaderna blir ca 5,8 miljoner.', 'Kostnaderna blir drygt 6,1 miljoner.')).toBeUndefined();
    expect(changedFigures('Kostnaderna blir 5,8 miljoner.', 'Kostnaderna blir 5,8 miljoner kronor.')).toBeUndefined();
    expect(changedFigures('1 miljon', '2 miljoner')).toBeUndefined();
    // Nothing changed: nothing to list.
    expect(changedFigures('År 2025.', 'År 2025.')).toBeUndefined();
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

describe('vplan diff after vplan next (CLI)', () => {
  const bin = path.resolve('bin/vplan.js');
  const vplan = async (...args: string[]) => {
    const result = await run(process.execPath, [bin, ...args]).catch((e: { stdout: string; stderr: string; code: number }) => e);
    // Lines kept, the no-break spaces in amounts as plain spaces.
    return { stdout: result.stdout.replace(/[\u00a0\u202f]/g, ' '), stderr: result.stderr };
  };

  it('does not call a section rewritten whose only change is its figures; a real rewrite still is', async () => {
    const next = path.join(tmp(), 'finnveden-2026.json');
    await vplan('next', 'data/finnveden-2025.json', '--out', next);
    const appendix = path.join(tmp(), 'andringar.pdf');
    const { stdout } = await vplan('diff', 'data/finnveden-2025.json', next, '--appendix', '--out', appendix);
    // The old plan named by its title as well as its file: what a board knows it by.
    expect(stdout).toMatch(/^Ändringar sedan Verksamhetsplan 2025 \(finnveden-2025\.json\)$/m);
    // The budget section's heading only moved a year on: its figures are shown, apart from rewritten sections.
    expect(stdout).not.toContain('omskrivet');
    expect(stdout).toContain(
      ['  siffror i texten ändrade: 7. Budget 2026 och plan 2027–2028', '    2025 → 2026', '    2026–2027 → 2027–2028'].join('\n'),
    );
    // The appendix page too: a table of the figures, no rewritten section.
    const last = normalize((await pdfText(await readFile(appendix))).pages.at(-1)!);
    expect(last).not.toContain('Omskrivna avsnitt');
    expect(last).toContain('Ändringar sedan Verksamhetsplan 2025 (finnveden-2025.json)');
    expect(last).toContain('Siffror i texten ändrade Avsnitt Tidigare Nu 7. Budget 2026 och plan 2027–2028 2025 2026 2026–2027 2027–2028');

    // The board's own edits to next year's plan: new prose in one section, new prose and a figure in another.
    const plan = JSON.parse(await readFile(next, 'utf8'));
    plan.sections[3].text = plan.sections[3].text.replace('samordnade insatser', 'gemensamma insatser');
    plan.sections[6].text = plan.sections[6].text.replace('ca 100 tkr lägre', 'ca 150 tkr lägre, enligt Försäkringskassan,');
    const edited = path.join(tmp(), 'finnveden-2026-b.json');
    await writeFile(edited, JSON.stringify(plan));
    const rewritten = (await vplan('diff', 'data/finnveden-2025.json', edited)).stdout;
    expect(rewritten).toMatch(/  omskrivet: 4\. Uppdrag\n    − samordnade\n    \+ gemensamma\n/);
    // Prose and figures changed in one section: rewritten, with its figures among its words.
    expect(rewritten).toMatch(/  omskrivet: 7\. Budget 2026 och plan 2027–2028\n    − 2025\n(    [−+] .*\n)*    − 100\n(    [−+] .*\n)*    \+ 150\n    \+ , enligt Försäkringskassan,\n/);
    expect(rewritten).not.toContain('siffror i texten ändrade');
  });

  it('wraps a long title in the appendix’s document table, within the page, without shrinking the plan', async () => {
    const plan = JSON.parse(await readFile('data/finnveden-2025.json', 'utf8'));
    const title = 'Verksamhetsplan 2025 för Finnvedens Samordningsförbund i Gnosjö, Gislaved och Värnamo, reviderad efter styrelsens beslut';
    plan.document.title = title;
    const edited = path.join(tmp(), 'finnveden-long-title.json');
    await writeFile(edited, JSON.stringify(plan));
    const appendix = path.join(tmp(), 'long-title.pdf');
    await vplan('diff', 'data/finnveden-2025.json', edited, '--appendix', '--out', appendix);
    // Text wider than the page would make Chromium shrink every page to fit it: the plan's 7 pages and the appendix.
    const { pages } = await pdfText(await readFile(appendix));
    expect(pages).toHaveLength(8);
    const text = await pdftotext(appendix, { pages: [8, 8] });
    // The title wraps in its column: on lines of its own, none reaching past the page's right margin.
    const lines = text.split('\n').filter((line) => /Samordningsförbund|reviderad/.test(line));
    expect(lines.length).toBeGreaterThan(1);
    expect(normalize(pages[7]!)).toMatch(/reviderad efter styrelsens beslut/);
    const box = await run('pdftotext', ['-bbox', '-f', '8', '-l', '8', appendix, '-']);
    const right = Math.max(...[...box.stdout.matchAll(/xMax="([\d.]+)"/g)].map((m) => Number(m[1])));
    // A4 is 595 pt wide and the right margin 22 mm (62 pt).
    expect(right).toBeLessThanOrEqual(595 - 62 + 1);
  });

  it('says a section whose heading alone changed has a new heading, not that one section left and another came', async () => {
    const plan = JSON.parse(await readFile('data/finnveden-2025.json', 'utf8'));
    const old = plan.sections[4].title;
    plan.sections[4].title = `${old} och ledning`;
    const renamed = path.join(tmp(), 'renamed.json');
    await writeFile(renamed, JSON.stringify(plan));
    const changes = diffPlans((await checkPlan('data/finnveden-2025.json')).plan, (await checkPlan(renamed)).plan, 'x');
    expect(changes.sectionsAdded).toEqual([]);
    expect(changes.sectionsRemoved).toEqual([]);
    expect(changes.sectionsReworded).toEqual([]);
    expect(changes.sectionsRenamed).toEqual([{ before: `5. ${old}`, after: `5. ${old} och ledning` }]);
    expect(formatChanges(changes)).toContain(`  ny rubrik: 5. ${old} → 5. ${old} och ledning`);
  });

  it('says when the new version still claims the old decision though its budget or text changed', async () => {
    const plan = JSON.parse(await readFile('data/finnveden-2025.json', 'utf8'));
    plan.document.status = { state: 'fastställd', decisionDate: '2024-11-28', decisionBody: 'styrelsen' };
    const adopted = path.join(tmp(), 'adopted.json');
    await writeFile(adopted, JSON.stringify(plan));
    plan.budget.costs.rows[0].rows[0].values.budget2025 += 1000;
    const changed = path.join(tmp(), 'adopted-changed.json');
    await writeFile(changed, JSON.stringify(plan));
    const [a, b] = [(await checkPlan(adopted)).plan, (await checkPlan(changed)).plan];
    const text = formatChanges(diffPlans(a, b, 'adopted.json'));
    expect(text).toContain(
      '  OBS: den nya versionen säger fortfarande att planen är fastställd 2024-11-28, men budgeten har ändrats sedan dess; sätt status till förslag (eller utkast) tills det finns ett nytt beslut',
    );
    // A new decision, or back to a proposal: nothing to say.
    plan.document.status = { state: 'förslag', decisionDate: '2025-03-20', decisionBody: 'styrelsen' };
    await writeFile(changed, JSON.stringify(plan));
    expect(diffPlans(a, (await checkPlan(changed)).plan, 'x').decisionNote).toBeUndefined();
    expect(diffPlans(a, a, 'x').decisionNote).toBeUndefined();
  });

  it('shows a figure typed in the prose that changed, which no budget cell shows', async () => {
    const plan = JSON.parse(await readFile('data/finnveden-2025.json', 'utf8'));
    plan.sections[6].text = plan.sections[6].text.replace('ca 100 tkr lägre', 'ca 150 tkr lägre');
    const file = path.join(tmp(), 'finnveden-2025-b.json');
    await writeFile(file, JSON.stringify(plan));
    const { stdout } = await vplan('diff', 'data/finnveden-2025.json', file);
    expect(stdout).toContain('  siffror i texten ändrade: 7. Budget 2025 och plan 2026–2027\n    100 tkr → 150 tkr\n');
    expect(stdout).not.toContain('omskrivet');
  });

  it('shows the amounts a placeholder gives after it moved a year on (the folder example), not a rewrite', async () => {
    const next = path.join(tmp(), 'bhs-2019');
    // vplan next writes the folder, but its capital goes negative in 2019: the board's economist sets the opening capital.
    await vplan('next', 'data/botkyrka-huddinge-salem-2018', '--out', next);
    const planFile = path.join(next, 'plan.yaml');
    const yaml = await readFile(planFile, 'utf8');
    expect(yaml).toMatch(/^ {6}budget2019: \d+$/m);
    await writeFile(planFile, yaml.replace(/^( {4}opening:\n {6}budget2019: )\d+$/m, '$16000'));
    const { stdout, stderr } = await vplan('diff', 'data/botkyrka-huddinge-salem-2018', next);
    expect(stderr).not.toMatch(/fel/);
    // The decision date the preface filled in is gone (vplan next leaves "[beslutsdatum]"): that is a rewrite.
    expect(stdout).toMatch(/  omskrivet: Förord\n    − 17 november 2017\n    \+ \[beslutsdatum\]\n/);
    expect(stdout.match(/omskrivet/g)).toHaveLength(1);
    // The figures the placeholders give, each old → new as a whole number.
    expect(stdout).toContain('  siffror i texten ändrade: 6.1 Finansiering av Samordningsförbundet 2019\n    2018 → 2019\n');
    expect(stdout).toMatch(/    16 miljoner → 15 miljoner\n/);
    expect(stdout).toMatch(/    5,2 miljoner → 6,0 miljoner\n/);
    // Sections under a heading that moved a year on, themselves unchanged, are not listed at all.
    expect(stdout).not.toContain('3.1.1 Finansiering av och stöd');
  });
});
