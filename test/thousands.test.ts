// Amounts written with thousands separators: in a list or a map written on one line the commas separate
// values, so 1,150,000 would read as three amounts; in a sheet's text cell "60.000" is sixty thousand or
// sixty. Each is an error naming where it stands and the whole number to write, never a silent misreading.
import { describe, expect, it } from 'vitest';
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { checkPlan } from '../src/build.js';
import { PlanError } from '../src/errors.js';
import { exportBudget, importBudget } from '../src/sheet/importBudget.js';
import { DEFAULT_MEMBERS, planYaml, sectionFiles } from '../src/init/newPlan.js';
import { useTempDir } from './helpers/tempDir.js';

const dir = useTempDir('vplan-thousands');
async function problems(file: string): Promise<string[]> {
  try {
    await checkPlan(file);
    return [];
  } catch (error) {
    if (error instanceof PlanError) return error.describe().split('\n').slice(1).filter(Boolean);
    throw error;
  }
}

/** A plan folder as `vplan init` writes it (its amounts in lists on one line), with plan.yaml changed. */
async function planWith(name: string, change: (text: string) => string): Promise<string> {
  const folder = path.join(dir(), name);
  const options = { name: 'Samordningsförbundet Test', year: 2027, members: DEFAULT_MEMBERS };
  await mkdir(path.join(folder, 'avsnitt'), { recursive: true });
  for (const [file, text] of sectionFiles(options)) await writeFile(path.join(folder, 'avsnitt', file), text);
  const text = planYaml(options, 'plan.schema.json');
  const changed = change(text);
  expect(changed).not.toBe(text);
  await writeFile(path.join(folder, 'plan.yaml'), changed);
  return folder;
}

const lineOf = (text: string, find: string) => text.split('\n').findIndex((l) => l.includes(find)) + 1;

describe('an amount with thousands separators', () => {
  it('in a YAML list of amounts with spaces after its other commas: an error with the amount meant, and no misread plan', async () => {
    let line = 0;
    let column = 0;
    const plan = await planWith('list', (text) => {
      const changed = text.replace('values: [2000000, 2000000, 2000000]', 'values: [2000000, 2,000,000, 2000000]');
      line = lineOf(changed, '2,000,000');
      column = changed.split('\n')[line - 1]!.indexOf('2,000,000') + 1;
      return changed;
    });
    expect(await problems(plan)).toEqual([
      `  ${path.join(plan, 'plan.yaml')}:${line}:${column} budget.income.rows[0].values[1]: 2,000,000 blir 3 belopp (2, 0 och 0), eftersom kommatecknet skiljer värden åt; skriv beloppet utan tusentalsavgränsare: 2000000`,
    ]);
  });

  it('names every amount of a list whose amounts all have separators, the first too (95,600 beside 110,000)', async () => {
    const plan = await planWith('all', (text) => text.replace('values: [2000000, 2000000, 2000000]', 'values: [95,600, 110,000, 112,500]'));
    expect((await problems(plan)).map((line) => /values\[\d\]: (\S+) blir/.exec(line)?.[1])).toEqual(['95,600', '110,000', '112,500']);
  });

  it('is read as the amounts it says in a list written without any spaces, or of small amounts (tkr)', async () => {
    const plan = await planWith('tight', (text) => text.replace('values: [2000000, 2000000, 2000000]', 'values: [2000000,2000000,2000000]'));
    expect(await problems(plan)).toEqual([]);
    // [450, 500,520] in tkr: three amounts with a space left out as likely as two; not refused as thousands.
    const small = await planWith('small', (text) => text.replace('values: [2000000, 2000000, 2000000]', 'values: [450, 500,520]'));
    expect((await problems(small)).join('\n')).not.toContain('tusentalsavgränsare');
  });

  it('in a YAML map written on one line, and in JSON, named at the amount', async () => {
    const plan = await planWith('map', (text) => text.replace('values: [2000000, 2000000, 2000000]', 'values: { budget2027: 1,150,000, plan2028: 2000000, plan2029: 2000000 }'));
    expect(await problems(plan)).toEqual([
      expect.stringMatching(/plan\.yaml:\d+:\d+ budget\.income\.rows\[0\]\.values\.budget2027: 1,150,000 blir 3 belopp \(1, 150 och 0\), [^\n]*: 1150000$/),
    ]);

    // Another error on the amount's line, not at it, is still named.
    const other = path.join(dir(), 'other.json');
    await writeFile(other, '{"a": "x" "b": 1,000}');
    expect(await problems(other)).toEqual([
      expect.stringMatching(/other\.json:1:11 kommatecken väntades/),
      expect.stringMatching(/other\.json:1:16 1,000 är ett belopp med tusentalsavgränsare/),
    ]);

    const json = path.join(dir(), 'plan.json');
    const finnveden = await readFile('data/finnveden-2025.json', 'utf8');
    await writeFile(json, finnveden.replace('"budget2025": 499600', '"budget2025": 499,600'));
    expect(await problems(json)).toEqual([
      expect.stringMatching(/plan\.json:\d+:\d+ 499,600 är ett belopp med tusentalsavgränsare, men i JSON skiljer kommatecknet värden; skriv beloppet utan dem: 499600$/),
    ]);
  });

  it('written as a text, gets the amount meant as its example', async () => {
    const plan = await planWith('text', (text) => text.replace('values: [2000000, 2000000, 2000000]', 'values: [2000000, "2,000,000", 2000000]'));
    expect((await problems(plan)).join('\n')).toContain('ska vara ett tal utan citattecken och mellanslag, t.ex. 2000000 – fick texten "2,000,000"');
  });

  it('with a decimal comma in a list or a map on one line: named as a decimal, without the parser’s stray key', async () => {
    const list = await planWith('decimal-list', (text) => text.replace('values: [2000000, 2000000, 2000000]', 'values: [2000000, 2000000,5, 2000000]'));
    expect(await problems(list)).toEqual([
      expect.stringMatching(/budget\.income\.rows\[0\]\.values\[1\]: 2000000,5 blir två värden \(2000000 och 5\), eftersom kommatecknet skiljer värden åt; skriv decimaler med punkt: 2000000\.5, och ett belopp som ett heltal: 2000001$/),
    ]);

    const plan = path.join(dir(), 'decimal-share');
    await cp('data/botkyrka-huddinge-salem-2018', plan, { recursive: true });
    const planYaml = path.join(plan, 'plan.yaml');
    const text = await readFile(planYaml, 'utf8');
    const party = '    - id: huddinge\n      name: Huddinge kommun\n      role: kommun\n      share: 11.75\n';
    expect(text).toContain(party);
    await writeFile(planYaml, text.replace(party, '    - { id: huddinge, name: Huddinge kommun, role: kommun, share: 11,75 }\n'));
    expect(await problems(plan)).toEqual([expect.stringMatching(/contributions\.parties\[2\]\.share: 11,75 blir två värden \(11 och 75\), [^\n]*skriv decimaler med punkt: 11\.75$/)]);
  });

  it('an amount with a decimal comma written as a text is asked for as a whole number', async () => {
    const plan = await planWith('decimal-text', (text) => text.replace('values: [2000000, 2000000, 2000000]', 'values: [2000000, "65,5", 2000000]'));
    expect((await problems(plan)).join('\n')).toContain('ett belopp skrivs som ett heltal, utan decimaler och citattecken: t.ex. 66 – fick texten "65,5"');
  });

  it('in a sheet’s text cell ("60.000") is an error naming the cell, with both readings', async () => {
    const plan = path.join(dir(), 'botkyrka');
    await cp('data/botkyrka-huddinge-salem-2018', plan, { recursive: true });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from((await exportBudget(plan, 'xlsx')).bytes) as unknown as ArrayBuffer);
    const admin = book.getWorksheet('Administration')!;
    admin.getCell('D3').value = '60.000';
    admin.getCell('D4').value = '1,150,000';
    const sheet = path.join(dir(), 'budget.xlsx');
    await book.xlsx.writeFile(sheet);
    const message = await importBudget(plan, sheet).then(
      () => 'accepted',
      (error: Error) => error.message,
    );
    expect(message).toContain('Blad Administration, D3: "60.000" kan läsas både som 60 000 och som 60; skriv beloppet utan punkt och komma, t.ex. 60 000, eller som ett tal i cellen');
    expect(message).toContain('Blad Administration, D4: "1,150,000" är skrivet med tusentalsavgränsare; skriv beloppet utan punkt och komma, t.ex. 1 150 000, eller som ett tal i cellen');
  });
});

describe('an amount with thousands separators in a section file’s header', () => {
  it('is named in that file, at its line, like one in plan.yaml', async () => {
    const plan = await planWith('section', (text) => text.replace('  - 06-budget.md\n', '  - 06-budget.md\n  - 07-insatser.md\n'));
    const file = path.join(plan, 'avsnitt', '07-insatser.md');
    await writeFile(file, '---\ntitle: Insatser\ntype: initiatives\nitems:\n  - name: Steget vidare\n    participants: { min: 1,000, max: 1500 }\n---\n\nText.\n');
    expect(await problems(plan)).toEqual([
      expect.stringMatching(/07-insatser\.md:6:\d+ sections\[\d+\]\.items\[0\]\.participants\.min: 1,000 blir 2 belopp \(1 och 0\)[^\n]*: 1000$/),
    ]);
  });
});
