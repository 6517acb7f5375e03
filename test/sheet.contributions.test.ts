// A member contribution edited in the budget sheet: vplan computes it from the share and the year's
// state allotment (or total), so import-budget says what to change in the plan instead, and a sheet
// whose only changes are such figures is refused (exit 1, no plan written): nothing of it was taken.
import { describe, expect, it } from 'vitest';
import { cp, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { planToJson } from '../src/convert/write.js';
import { loadPlan } from '../src/load/loadPlan.js';
import { useTempDir } from './helpers/tempDir.js';
import { runVplan } from './helpers/cli.js';

const dir = useTempDir('vplan-sheet-contributions');
const vplan = (...args: string[]) => runVplan(dir(), ...args);

/** The Botkyrka Huddinge Salem plan folder with one income row per party (source: { contributions: id }). */
async function perPartyPlan(): Promise<string> {
  const folder = path.join(dir(), 'plan');
  await cp('data/botkyrka-huddinge-salem-2018', folder, { recursive: true });
  const file = path.join(folder, 'plan.yaml');
  const yaml = await readFile(file, 'utf8');
  const parties = { staten: 'Staten', sll: 'SLL', huddinge: 'Huddinge kommun', botkyrka: 'Botkyrka kommun', salem: 'Salems kommun' };
  const rows = Object.entries(parties).map(([id, name]) => `      - { label: ${name}, source: { contributions: ${id} } }\n`).join('');
  const edited = yaml.replace('      - label: Inbetalning huvudmännen\n        source: contributions\n', rows);
  expect(edited).not.toBe(yaml);
  await writeFile(file, edited);
  return folder;
}

/**
 * Exports the plan's budget, sets cells of the Budget sheet, gives formulas the results Excel would
 * (ExcelJS does not compute them), and saves it as edited.xlsx.
 */
async function editedSheet(plan: string, cells: Record<string, number>, results: Record<string, number> = {}): Promise<string> {
  expect((await vplan('export-budget', plan, 'budget.xlsx')).code).toBe(0);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path.join(dir(), 'budget.xlsx'));
  const sheet = book.getWorksheet('Budget')!;
  for (const [address, value] of Object.entries(cells)) sheet.getCell(address).value = value;
  for (const [address, result] of Object.entries(results)) {
    const { formula } = sheet.getCell(address).value as { formula: string };
    sheet.getCell(address).value = { formula, result };
  }
  await book.xlsx.writeFile(path.join(dir(), 'edited.xlsx'));
  return 'edited.xlsx';
}

const exists = (file: string) => stat(path.join(dir(), file)).then(() => true, () => false);

describe('import-budget and a member contribution edited in the sheet', () => {
  it('refuses a sheet whose only change is a contribution, saying it comes from the share and the state allotment', async () => {
    const plan = await perPartyPlan();
    // Summa intäkter (row 9) and the result (row 15) as Excel computes them with the sheet's figure.
    const sheet = await editedSheet(plan, { D4: 2000 }, { D9: 21090, D15: -4509 });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path.join(dir(), 'budget.xlsx'));
    // Row 4 is Huddinge kommun; D is Budget 2018 (tkr): 11.75 % of 15 400 000 kr.
    expect(book.getWorksheet('Budget')!.getRow(4).values).toEqual([undefined, undefined, 'Huddinge kommun', 1881, 1810]);
    const result = await vplan('import-budget', plan, sheet, '--out', 'ny-plan');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'edited.xlsx: inga belopp ändrades; bladet skiljer sig från planen bara i 3 celler som vplan räknar själv, och dem läser import-budget inte. Ingen plan skrevs.\n' +
        '  Blad Budget, D4: 2 000 i bladet, 1 810 räknat av vplan: medlemsbidraget 2018 för Huddinge kommun räknas ur andelen (share: 11.75 under contributions.parties) ' +
        'och statens tilldelning 2018 (stateAllotment: 7700000 under contributions.columns), inte ur bladet; vill du ändra det, ändra share för Huddinge kommun eller stateAllotment för 2018 i planen\n' +
        '  Blad Budget, D9: 21 090 i bladet, 20 900 summerat\n' +
        '  Blad Budget, D15: −4 509 i bladet, −4 699 summerat\n' +
        'Ett medlemsbidrag ändras i planen, som det står ovan; summorna räknas om med det.\n',
    );
    expect(result.stdout).toBe('');
    expect(await exists('ny-plan')).toBe(false);
  });

  it('takes the amounts the plan states and warns, with what to change, about the contribution beside them', async () => {
    const plan = await perPartyPlan();
    // Row 7 is Intäkter ESF, an amount the plan states; C2 the state's contribution in Prognos 2017 (a total given).
    // Summa intäkter (row 9) and the result (row 15) as Excel computes them with the sheet's figures.
    const sheet = await editedSheet(plan, { D4: 2000, D7: 5600, C2: 9000 }, { C9: 22239, D9: 21190, C15: -4303, D15: -4409 });
    const result = await vplan('import-budget', plan, sheet, '--out', 'ny-plan');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('→ ny-plan: 1 belopp ändrades.');
    expect(result.stderr).toContain('varning: Blad Budget, D4: 2 000 i bladet, 1 810 räknat av vplan: medlemsbidraget 2018 för Huddinge kommun räknas ur andelen (share: 11.75');
    // The state has no share written: the law's; the column has a total, not a state allotment.
    expect(result.stderr).toContain(
      'varning: Blad Budget, C2: 9 000 i bladet, 8 004 räknat av vplan: medlemsbidraget 2017 för Staten räknas ur lagens andel, 50 %, och medlemsbidragens total 2017 (total: 16007989 under contributions.columns), inte ur bladet; vill du ändra det, ändra total för 2017 i planen',
    );
    expect(result.stderr).toContain('varning: Blad Budget, D9: 21 190 i bladet, 21 000 summerat');
    const written = await loadPlan(path.join(dir(), 'ny-plan'));
    const income = (written.plan.budget!.income.rows as { label?: string; values?: unknown }[]).find((r) => r.label === 'Intäkter ESF');
    expect(income?.values).toEqual({ prognos2017: 4100, budget2018: 5600 });
  });

  it('writes the advice in the form of a JSON plan, for the total of the contributions too', async () => {
    const folder = path.join(dir(), 'botkyrka');
    await cp('data/botkyrka-huddinge-salem-2018', folder, { recursive: true });
    const value = (await loadPlan(folder)).parsed.value as Record<string, unknown>;
    await writeFile(path.join(dir(), 'plan.json'), planToJson(value, undefined));
    // Row 2 is Inbetalning huvudmännen, the contributions' total.
    const sheet = await editedSheet(path.join(dir(), 'plan.json'), { D2: 16000 });
    const result = await vplan('import-budget', 'plan.json', sheet, '--out', 'ny-plan.json');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'Blad Budget, D2: 16 000 i bladet, 15 400 räknat av vplan: medlemsbidragens total 2018 räknas ur statens tilldelning 2018 ("stateAllotment": 7700000 under contributions.columns), inte i bladet; vill du ändra den, ändra stateAllotment för 2018 i planen',
    );
    expect(await exists('ny-plan.json')).toBe(false);
  });
});
