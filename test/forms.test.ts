// A plan written without JSON: YAML, a plan folder with a Markdown file per section, vplan init and
// vplan convert. Each form builds the same PDF as its JSON twin, and errors point at the right file and line.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cp, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildPlan, checkPlan, PrintSession } from '../src/build.js';
import { PlanError } from '../src/errors.js';
import { loadPlan, parsePlanYaml } from '../src/load/loadPlan.js';
import { migrate } from '../src/load/migrate.js';
import { computeBudget } from '../src/compute/budget.js';
import { planSchema } from '../src/load/schema.js';
import { basePlan } from './helpers/plans.js';
import { useTempDir } from './helpers/tempDir.js';
import { BIN, runVplan } from './helpers/cli.js';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const dir = useTempDir('vplan-forms');
let session: PrintSession;
beforeAll(() => {
  session = new PrintSession();
});
afterAll(async () => {
  await session.close();
});

const vplan = (...args: string[]) => runVplan(dir(), ...args);

async function problems(file: string): Promise<string> {
  try {
    await checkPlan(file);
    return '';
  } catch (error) {
    if (error instanceof PlanError) return error.describe();
    throw error;
  }
}

describe('vplan convert', () => {
  it('writes finnveden-2025 as YAML and as a plan folder, and all three build byte-identical PDFs', async () => {
    const json = path.resolve('data/finnveden-2025.json');
    const yaml = path.join(dir(), 'finnveden.yaml');
    const folder = path.join(dir(), 'finnveden');
    expect((await vplan('convert', json, '--to', 'yaml', '--out', yaml)).code).toBe(0);
    expect((await vplan('convert', yaml, '--to', 'folder', '--out', folder)).code).toBe(0);
    const yamlText = await readFile(yaml, 'utf8');
    expect(yamlText.split('\n')[0]).toBe('# yaml-language-server: $schema=./plan.schema.json');
    expect(yamlText).toMatch(/\n {4}text: \|-?\n {6}Finnvedens Samordningsförbund arbetar/); // prose as a literal block
    expect(JSON.parse(await readFile(path.join(dir(), 'plan.schema.json'), 'utf8')).description).toContain('(vplan)');
    expect((await readdir(path.join(folder, 'avsnitt'))).slice(0, 2)).toEqual(['01-inledning.md', '02-malgrupp.md']);

    const pdfs = [];
    for (const [i, file] of [json, yaml, folder].entries()) {
      const out = path.join(dir(), `${i}.pdf`);
      await buildPlan(file, out, session);
      pdfs.push(await readFile(out));
    }
    expect(pdfs[1]!.equals(pdfs[0]!)).toBe(true);
    expect(pdfs[2]!.equals(pdfs[0]!)).toBe(true);
  });

  it('never writes over an existing file or a folder with files in it', async () => {
    await writeFile(path.join(dir(), 'finns.yaml'), 'mina anteckningar');
    const result = await vplan('convert', path.resolve('data/finnveden-2025.json'), '--to', 'yaml', '--out', 'finns.yaml');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('--out finns.yaml: filen finns redan');
    expect(await readFile(path.join(dir(), 'finns.yaml'), 'utf8')).toBe('mina anteckningar');
    expect((await vplan('convert', path.resolve('data/finnveden-2025.json'), '--to', 'xml', '--out', 'x')).stderr).toContain('--to ska vara json, yaml eller folder');
    // A form into a file of another ending could not be read back: refused before anything is written.
    const mismatch = await vplan('convert', path.resolve('data/finnveden-2025.json'), '--to', 'yaml', '--out', 'x.json');
    expect(mismatch.code).toBe(2);
    expect(mismatch.stderr).toContain('--to yaml skriver en .yaml-fil: ange t.ex. --out plan.yaml');
    expect((await vplan('convert', path.resolve('data/finnveden-2025.json'), '--to', 'folder', '--out', 'x.yaml')).code).toBe(2);
    expect((await readdir(dir())).filter((n) => n.startsWith('x'))).toEqual([]);
  });
});

describe('YAML plans', () => {
  it('report a syntax error with its line and column, in Swedish', () => {
    const text = 'document:\n  title: Verksamhetsplan\n   budgetYear: 2025\n';
    const error = (() => {
      try {
        parsePlanYaml('plan.yaml', text);
      } catch (e) {
        return e as PlanError;
      }
    })()!;
    expect(error).toBeInstanceOf(PlanError);
    // The parser names line 2 (a key going on over lines); the line out of line is the one below it.
    expect(error.describe()).toMatch(/^plan\.yaml: filen är inte giltig YAML\n {2}plan\.yaml:3:1 raden står 1 steg längre till höger än rad 2 ovanför/);
  });

  it('report a schema error at the line of its key, and read dates and ja/nej as text', async () => {
    const file = path.join(dir(), 'plan.yaml');
    await writeFile(
      file,
      [
        'document:',
        '  association: { name: Testförbundet }',
        '  title: Verksamhetsplan 2025',
        '  budgetYear: 2025',
        '  date: 2025-11-26',
        '  status:',
        '    state: förslag',
        'sections:',
        '  - type: text',
        '    title: Inledning',
        '    numbered: ja',
        '',
      ].join('\n'),
    );
    expect(await problems(file)).toMatch(/plan\.yaml:11:5 sections\[0\]\.numbered: ska vara true eller false, fick texten "ja"/);
    expect(await problems(file)).not.toMatch(/document\.date/);
  });
});

/** A copy of the Botkyrka plan folder to edit, in the test's own folder. */
async function folder(): Promise<string> {
  const target = path.join(dir(), 'plan');
  await cp('data/botkyrka-huddinge-salem-2018', target, { recursive: true });
  return target;
}

describe('plan folders', () => {

  it('name the Markdown file and line for errors in a section, and plan.yaml for the rest, all in one run', async () => {
    const plan = await folder();
    const organisation = path.join(plan, 'avsnitt', '05-arbetsorganisation.md');
    await writeFile(organisation, (await readFile(organisation, 'utf8')).replace('title: Arbetsorganisation', 'title: Arbetsorganisation\nnumbered: kanske'));
    const first = path.join(plan, 'avsnitt', '01-den-finansiella-samordningens-uppdrag.md');
    await writeFile(first, (await readFile(first, 'utf8')).replace('Rehabiliteringsansvaret', 'Totalt {{ costs.budget2018 | mkr är det. Rehabiliteringsansvaret'));
    const planYaml = path.join(plan, 'plan.yaml');
    const yamlText = await readFile(planYaml, 'utf8');
    await writeFile(planYaml, yamlText.replace(/(values:\n\s+budget2018: )(\d+)/, '$1-5'));
    const text = await problems(plan);
    expect(text).toMatch(/avsnitt\/05-arbetsorganisation\.md:4:1 sections\[4\]\.numbered: ska vara true eller false/);
    expect(text).toMatch(/avsnitt\/01-den-finansiella-samordningens-uppdrag\.md:6:8 sections\[0\]\.text: "\{\{ costs\.budget2018 \| mkr är det\.": "\{\{" stängs aldrig med "\}\}"/);
    // Files in order: the section files, then plan.yaml.
    expect(text.indexOf('01-den')).toBeLessThan(text.indexOf('05-arbets'));
  });

  it('name the line and column of a figure in a text written in a file\'s front matter, not the key\'s line', async () => {
    const plan = await folder();
    const first = path.join(plan, 'avsnitt', '01-den-finansiella-samordningens-uppdrag.md');
    await writeFile(first, (await readFile(first, 'utf8')).replace('type: text\n', 'type: text\ntextAfter: |\n  Första raden.\n  Det kostar {{ costs.budget2099 }} kr.\n'));
    expect(await problems(plan)).toMatch(/01-den-finansiella-samordningens-uppdrag\.md:5:14 sections\[0\]\.textAfter: \{\{ costs\.budget2099 \}\}: okänt namn/);
  });

  it('take a section that names no type as a text section, also a sub-section and one written in plan.yaml', async () => {
    const plan = await folder();
    const first = path.join(plan, 'avsnitt', '01-den-finansiella-samordningens-uppdrag.md');
    await writeFile(first, (await readFile(first, 'utf8')).replace('type: text\n', 'sections:\n  - title: Bakgrund\n    text: Förbundet bildades 2009.\n'));
    const planYaml = path.join(plan, 'plan.yaml');
    await writeFile(planYaml, (await readFile(planYaml, 'utf8')).replace(/\nsections:\n/, '\nsections:\n  - title: Om planen\n    text: Planen gäller 2018.\n'));
    const loaded = await loadPlan(plan);
    expect(loaded.plan.sections[0]).toMatchObject({ type: 'text', title: 'Om planen' });
    expect(loaded.plan.sections[1]).toMatchObject({ type: 'text', sections: [{ type: 'text', title: 'Bakgrund' }] });
  });

  it('take the sections from avsnitt/ in name order when plan.yaml lists none', async () => {
    const plan = await folder();
    const planYaml = path.join(plan, 'plan.yaml');
    await writeFile(planYaml, (await readFile(planYaml, 'utf8')).replace(/\nsections:\n(  - .*\n)+/, '\n'));
    const loaded = await loadPlan(plan);
    expect(loaded.plan.sections.map((s) => s.title)[0]).toBe('Den finansiella samordningens uppdrag');
    expect(loaded.files.map((f) => f.name)).toContain('avsnitt/06-budget-2018.md');
  });

  it('report a section file that plan.yaml lists but that does not exist', async () => {
    const plan = await folder();
    const planYaml = path.join(plan, 'plan.yaml');
    await writeFile(planYaml, (await readFile(planYaml, 'utf8')).replace('06-budget-2018.md', '07-saknas.md'));
    expect(await problems(plan)).toMatch(/plan\.yaml:\d+:\d+ sections\[5\]: avsnittsfilen avsnitt\/07-saknas\.md finns inte/);
  });

  it('report a section file whose front matter lost its first "---", not a missing title', async () => {
    const plan = await folder();
    const file = path.join(plan, 'avsnitt', '05-arbetsorganisation.md');
    await writeFile(file, (await readFile(file, 'utf8')).replace(/^---\n/, ''));
    const text = await problems(plan);
    expect(text).toContain('avsnitt/05-arbetsorganisation.md:1:1 huvudet saknar sin första rad "---": skriv en rad med bara --- överst i filen, före "type: organisation"');
    expect(text).not.toMatch(/title: saknas/);
  });

  it('report a section file without a title (empty, or a header without one) with the header to write, named after the file', async () => {
    const plan = await folder();
    const file = path.join(plan, 'avsnitt', '05-arbetsorganisation.md');
    await writeFile(file, '');
    expect(await problems(plan)).toContain('avsnitt/05-arbetsorganisation.md:1:1 sections[4].title: avsnittsfilen har ingen rubrik: skriv ett huvud överst i filen, tre rader: ---, title: Arbetsorganisation och ---');
    await writeFile(file, '---\ntype: text\n---\n\nText.\n');
    const text = await problems(plan);
    expect(text).toContain('avsnitt/05-arbetsorganisation.md:1:1 sections[4].title: huvudet har ingen rubrik: skriv en rad title: Arbetsorganisation mellan raderna ---');
    expect(text).not.toMatch(/title: saknas/);
  });

  it('report a section file that plan.yaml lists twice (it would print twice)', async () => {
    const plan = await folder();
    const planYaml = path.join(plan, 'plan.yaml');
    const text = await readFile(planYaml, 'utf8');
    await writeFile(planYaml, text.replace(/^(\s*- )06-budget-2018\.md$/m, '$&\n$106-budget-2018.md'));
    const lines = (await readFile(planYaml, 'utf8')).split('\n');
    const second = lines.lastIndexOf(lines.find((l) => l.includes('06-budget-2018.md'))!) + 1;
    expect(await problems(plan)).toMatch(new RegExp(`plan\\.yaml:${second}:\\d+ sections\\[6\\]: avsnittsfilen avsnitt/06-budget-2018\\.md står redan i listan \\(sections\\[5\\]\\); ta bort den ena raden`));
  });
});

describe('a problem inside a section file\'s text', () => {
  it('is named at its own line and column, not the text\'s first line', async () => {
    const target = await folder();
    const file = path.join(target, 'avsnitt', '01-den-finansiella-samordningens-uppdrag.md');
    await writeFile(file, (await readFile(file, 'utf8')).replace('Samordningsförbundets medlemmar är', 'Medlemmarna ({{ kostnader.budget2018 }}) är'));
    expect(await problems(target)).toMatch(/01-den-finansiella-samordningens-uppdrag\.md:10:14 sections\[0\]\.text: \{\{ kostnader\.budget2018 \}\}: okänt namn/);
  });
});

describe('a problem inside a text in plan.yaml or a JSON plan', () => {
  it('is named at the line and column of what is wrong in it, not at the text\'s key', async () => {
    const yaml = [
      'document:',
      '  association: { name: Testförbundet }',
      '  title: Verksamhetsplan 2025',
      '  budgetYear: 2025',
      '  status: { state: förslag }',
      'sections:',
      '  - type: text',
      '    title: Inledning',
      '    text: |',
      '      Första stycket.',
      '',
      '      Medlemmar: {{ association.members }}.',
      '',
      '      Summa: {{ budget.nothing }}.',
    ].join('\n');
    await writeFile(path.join(dir(), 'text.yaml'), `${yaml}\n`);
    const yamlProblems = await problems(path.join(dir(), 'text.yaml'));
    // An unclosed "{{" whose words a complete reference above it begins with: still placed at its own line.
    const twice = yaml.replace('      Summa: {{ budget.nothing }}.', '      Kostnaderna är {{ association.name }} kr.\n      Året efter {{ association.name');
    await writeFile(path.join(dir(), 'twice.yaml'), `${twice}\n`);
    expect(await problems(path.join(dir(), 'twice.yaml'))).toMatch(/twice\.yaml:15:\d+ sections\[0\]\.text: "\{\{ association\.name": "\{\{" stängs aldrig/);
    expect(yamlProblems).toMatch(/text\.yaml:12:18 sections\[0\]\.text: \{\{ association\.members \}\}: planen anger inga medlemmar/);
    expect(yamlProblems).toMatch(/text\.yaml:14:14 sections\[0\]\.text: \{\{ budget\.nothing \}\}: okänt namn/);

    const json = basePlan({ sections: [{ type: 'text', title: 'Inledning', text: 'Första stycket.\n\nMedlemmar: {{ association.members }}.' }] });
    await writeFile(path.join(dir(), 'text.json'), JSON.stringify(json, null, 2));
    const jsonText = await readFile(path.join(dir(), 'text.json'), 'utf8');
    const line = jsonText.split('\n').findIndex((l) => l.includes('{{ association.members }}')) + 1;
    const column = jsonText.split('\n')[line - 1]!.indexOf('{{') + 1;
    expect(await problems(path.join(dir(), 'text.json'))).toContain(`text.json:${line}:${column} sections[0].text: {{ association.members }}`);
  });
});

describe('a key of another section type', () => {
  it('says which type it belongs to and what to write', async () => {
    const target = await folder();
    const file = path.join(target, 'avsnitt', '01-den-finansiella-samordningens-uppdrag.md');
    await writeFile(file, (await readFile(file, 'utf8')).replace('type: text\n', 'type: text\nageRange: { from: 16, to: 64 }\n'));
    expect(await problems(target)).toContain(
      '01-den-finansiella-samordningens-uppdrag.md:3:1 sections[0].ageRange: nyckeln "ageRange" hör till avsnitt av typen targetGroup; skriv type: targetGroup i avsnittet (eller ta bort nyckeln)',
    );
  });
});

describe('member contributions that cannot be computed', () => {
  it('are the error: the budget row that takes them adds none, neither that none feed the budget', async () => {
    const target = await folder();
    const planYaml = path.join(target, 'plan.yaml');
    await writeFile(planYaml, (await readFile(planYaml, 'utf8')).replace(/share: 1\.5$/m, 'share: 1.49'));
    const text = await problems(target);
    expect(text).toMatch(/kommunernas andelar summerar till 24,99.% men ska enligt lagen vara exakt 25,00.%/);
    expect(text).not.toContain('raden hämtar medlemsbidragen');
    expect(text).toContain('1 fel');
  });
});

describe('a part of a plan folder given as the plan', () => {
  it('says to give the folder, for its plan.yaml and for a section file', async () => {
    const folder = path.resolve('data/botkyrka-huddinge-salem-2018');
    expect(await problems(path.join(folder, 'plan.yaml'))).toContain(`är plan.yaml i en planmapp (bredvid avsnitt/); ange planmappen i stället för filen: ${folder}`);
    const section = path.join(folder, 'avsnitt', (await readdir(path.join(folder, 'avsnitt')))[0]!);
    expect(await problems(section)).toContain('är ingen plan utan ett avsnitt (Markdown) ur en planmapp, den mapp där plan.yaml ligger; ange planens .json- eller .yaml-fil eller planmappen');
  });
});

describe('a plan folder with a section file its list leaves out', () => {
  it('warns at the list in plan.yaml, naming the file, and prints the plan without it', async () => {
    const target = await folder();
    await writeFile(path.join(target, 'avsnitt', '09-uppfoljning.md'), '---\ntitle: Uppföljning\n---\n\nText.\n');
    const { plan, warnings } = await checkPlan(target);
    expect(plan.sections.map((s) => s.title)).not.toContain('Uppföljning');
    const warning = warnings.find((w) => w.message.includes('09-uppfoljning.md'));
    expect(warning).toMatchObject({ file: path.join(target, 'plan.yaml'), path: ['sections'] });
    expect(warning!.line).toBeGreaterThan(1);
    expect(warning!.message).toBe('avsnitt/09-uppfoljning.md står inte under sections: i plan.yaml och kommer inte med i planen; lägg till den i listan där den ska stå (eller flytta filen ur avsnitt/)');
    // The plan as it came: no such warning.
    expect((await checkPlan('data/botkyrka-huddinge-salem-2018')).warnings.filter((w) => w.path[0] === 'sections' && w.path.length === 1)).toEqual([]);
  });
});

describe('compact budget rows', () => {
  it('takes values as a list in the columns\' order, null for a blank cell', () => {
    const budget = planSchema.shape.budget.unwrap().parse({
      columns: [{ kind: 'budget', year: 2025 }, { kind: 'plan', year: 2026 }, { kind: 'plan', year: 2027 }],
      income: { rows: [{ label: 'Bidrag', values: [1000, null, 1200] }] },
      costs: { rows: [{ label: 'Kansli', values: [800, 900, null] }] },
    });
    expect(budget.unit).toBe('kr');
    expect(budget.convention).toBe('result');
    const outcome = computeBudget(budget, { contributionTotals: new Map() });
    expect(outcome.issues).toEqual([]);
    const row = (label: string) => outcome.budget!.table.rows.find((r) => r.label === label)!.cells;
    expect(row('Bidrag')).toEqual([1000, null, 1200]);
    expect(row('Kansli')).toEqual([800, 900, null]);
    expect(row('Resultat')).toEqual([200, -900, 1200]);
  });

  it('refuses a list longer than the columns, naming the extra value', () => {
    const budget = planSchema.shape.budget.unwrap().parse({
      columns: [{ kind: 'budget', year: 2025 }],
      income: { rows: [{ label: 'Bidrag', values: [1000, 5] }] },
      costs: { rows: [{ label: 'Kansli', values: [800] }] },
    });
    const outcome = computeBudget(budget, { contributionTotals: new Map() });
    expect(outcome.issues).toContainEqual({
      path: ['budget', 'income', 'rows', 0, 'values', 1],
      message: 'listan har 2 värden men budgeten har 1 kolumner (budget2025); ta bort värdet eller lägg till en kolumn',
    });
  });

  it('refuses a list shorter than the columns: a forgotten figure would go to the balancing row unseen', () => {
    const budget = planSchema.shape.budget.unwrap().parse({
      columns: [{ kind: 'budget', year: 2027 }, { kind: 'plan', year: 2028 }, { kind: 'plan', year: 2029 }],
      income: { rows: [{ label: 'Medlemsbidrag', values: [3000000, 3000000, 3000000] }] },
      costs: { rows: [{ label: 'Insatser', values: [2500000, 2550000] }, { label: 'Utrymme för nya insatser', balance: true }] },
    });
    const outcome = computeBudget(budget, { contributionTotals: new Map() });
    expect(outcome.issues).toContainEqual({
      path: ['budget', 'costs', 'rows', 0, 'values'],
      message:
        'listan har 2 värden men budgeten har 3 kolumner (budget2027, plan2028, plan2029); ange ett värde för varje kolumn, null för en tom cell (saknas: plan2029)',
    });
  });
});

describe('format version', () => {
  it('refuses a plan for a newer format, and migrates an older one with a notice', () => {
    expect(migrate({ version: 2 })).toEqual({ issues: [expect.objectContaining({ path: ['version'], message: expect.stringMatching(/formatversion 2.*högst version 1/) })] });
    const step = { from: 1, describe: 'fältet "rubrik" heter nu "title"', apply: (v: Record<string, unknown>) => ({ ...v, title: v.rubrik, rubrik: undefined }) };
    const migrated = migrate({ version: 1, rubrik: 'X' }, [step], 2);
    expect(migrated).toEqual({ value: { version: 2, title: 'X', rubrik: undefined }, notices: [{ path: ['version'], message: expect.stringContaining('formatversion 1 och lästes som version 2') }] });
    expect(planSchema.safeParse({ ...basePlan(), version: 1 }).success).toBe(true);
  });
});

describe('vplan init', () => {
  it('writes a plan folder that validates and builds at once, with the name, year and one income row per paying member', async () => {
    const result = await vplan('init', 'ny-plan', '--name', 'Samordningsförbundet Norr', '--year', '2027');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/ watch ny-plan --serve\n/);
    const plan = path.join(dir(), 'ny-plan');
    const planYaml = await readFile(path.join(plan, 'plan.yaml'), 'utf8');
    expect(planYaml).toMatch(/^# yaml-language-server: \$schema=\.\/plan\.schema\.json\n# /);
    expect(planYaml).toContain('# Budgeten.');
    const { plan: computed } = await checkPlan(plan);
    expect(computed.document.associationName).toBe('Samordningsförbundet Norr');
    expect(computed.document.budgetYear).toBe(2027);
    expect(computed.sections.map((s) => s.title)).toEqual(['Inledning', 'Vision', 'Målgrupp', 'Organisation', 'Mål', 'Budget 2027 och plan 2028–2029']);
    const labels = computed.budget!.table.rows.map((r) => r.label);
    expect(labels).toEqual(expect.arrayContaining(['Försäkringskassan', 'Region', 'Kommunen', 'Summa intäkter']));
    // The state pays its half through Försäkringskassan: Arbetsförmedlingen is a member with no income row.
    expect(labels).not.toContain('Arbetsförmedlingen');
    expect(computed.document.members).toContain('Arbetsförmedlingen');
    const income = (label: string) => computed.budget!.table.rows.find((r) => r.label === label)!.cells[0];
    expect([income('Försäkringskassan'), income('Region'), income('Kommunen')]).toEqual([2_000_000, 1_000_000, 1_000_000]);
    const out = path.join(dir(), 'ny.pdf');
    await buildPlan(plan, out, session);
    expect((await readFile(out)).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('takes the members from --members, and suggests the watch command as the user can run it', async () => {
    const init = (folder: string, env: Record<string, string>) =>
      promisify(execFile)(process.execPath, [BIN, 'init', folder, '--members', 'Försäkringskassan, Arbetsförmedlingen, Region Dalarna, Mora kommun, Orsa kommun'], {
        cwd: dir(),
        env: { ...process.env, npm_command: '', ...env },
      });
    // Run as node bin/vplan.js from another folder: that command, with the path to vplan.
    expect((await init('dalarna', {})).stdout).toContain(`Bygg och se den:  node ${BIN} watch dalarna --serve`);
    const { plan } = await checkPlan(path.join(dir(), 'dalarna'));
    expect(plan.document.members).toEqual(['Försäkringskassan', 'Arbetsförmedlingen', 'Region Dalarna', 'Mora kommun', 'Orsa kommun']);
    const labels = plan.budget!.table.rows.map((r) => r.label);
    expect(labels).toEqual(expect.arrayContaining(['Försäkringskassan', 'Region Dalarna', 'Mora kommun', 'Orsa kommun']));
    // Run through npx (npm says so in npm_command): the same, with npx.
    expect((await init('npx-plan', { npm_command: 'exec' })).stdout).toContain('Bygg och se den:  npx vplan watch npx-plan --serve');
  });

  it('works with no terminal and no flags, and never writes into a folder with files', async () => {
    expect((await vplan('init', 'standard')).code).toBe(0);
    const { plan } = await checkPlan(path.join(dir(), 'standard'));
    expect(plan.document.budgetYear).toBe(new Date().getFullYear() + 1);
    await mkdir(path.join(dir(), 'full'));
    await writeFile(path.join(dir(), 'full', 'x.txt'), 'x');
    const refused = await vplan('init', 'full');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('mappen full finns redan och är inte tom');
  });
});

describe('vplan archive with a plan folder', () => {
  it('files the whole folder (plan.yaml and every section file), rebuilds it byte for byte, and diffs against it', async () => {
    const plan = path.join(dir(), 'plan');
    await cp('data/botkyrka-huddinge-salem-2018', plan, { recursive: true });
    const planYaml = path.join(plan, 'plan.yaml');
    await writeFile(planYaml, (await readFile(planYaml, 'utf8')).replace('document:\n', 'document:\n  dnr: "2017:5"\n'));
    const archive = path.join(dir(), 'arkiv');
    const filed = await vplan('archive', plan, '--archive', archive);
    expect(filed.code).toBe(0);
    expect(filed.stdout).toContain('2017:5 version 1');
    const version = path.join(archive, '2017-5', 'v1');
    expect((await readdir(version)).sort()).toEqual(['2017-5-v1.pdf', 'avsnitt', 'manifest.json', 'plan.yaml']);
    expect(await readdir(path.join(version, 'avsnitt'))).toHaveLength(6);
    const manifest = JSON.parse(await readFile(path.join(version, 'manifest.json'), 'utf8'));
    expect(manifest.plan).toBe('.');
    expect(Object.keys(manifest.files)).toContain('avsnitt/06-budget-2018.md');

    const verified = await vplan('archive', 'verify', '--rebuild', '--archive', archive);
    expect(verified.code).toBe(0);

    const section = path.join(plan, 'avsnitt', '05-arbetsorganisation.md');
    await writeFile(section, (await readFile(section, 'utf8')).replace('title: Arbetsorganisation', 'title: Organisation'));
    const diff = await vplan('diff', '2017:5@1', plan, '--archive', archive);
    expect(diff.code).toBe(0);
    expect(diff.stdout).toContain('Organisation');
  });
});

describe('all errors in one run', () => {
  it('reports a schema error, a budget error and a figure in the text together, sorted by line', async () => {
    const plan = basePlan({
      sections: [
        { type: 'text', title: 'Inledning', text: 'Kostnaderna är {{ costs.budget2052 }} kr.' },
        { type: 'text', title: 'Trasig', numbered: 'ja' as unknown as boolean },
      ],
    });
    plan.budget = {
      unit: 'kr',
      convention: 'result',
      columns: [{ kind: 'budget', year: 2025 }],
      income: { rows: [{ label: 'Bidrag', values: { budget2025: 1000 } }] },
      costs: { rows: [{ label: 'Kansli', values: { budget2025: 800 }, varav: [{ label: 'Lön', values: { budget2025: 900 } }] }] },
    };
    const file = path.join(dir(), 'plan.json');
    await writeFile(file, JSON.stringify(plan, null, 2));
    const text = await problems(file);
    const lines = text.split('\n').slice(1);
    expect(lines).toHaveLength(3);
    expect(text).toMatch(/sections\[0\]\.text: \{\{ costs\.budget2052 \}\}: okänt namn/);
    expect(text).toMatch(/sections\[1\]\.numbered: ska vara true eller false/);
    expect(text).toMatch(/varav-raderna under "Kansli" summerar till 900/);
    const at = lines.map((l) => Number(/plan\.json:(\d+):/.exec(l)![1]));
    expect(at).toEqual([...at].sort((a, b) => a - b));
  });

  it('does not say a plan has no budget when its budget has a wrong value and its contributions point at it', async () => {
    const plan = path.join(dir(), 'botkyrka');
    await cp('data/botkyrka-huddinge-salem-2018', plan, { recursive: true });
    const planYaml = path.join(plan, 'plan.yaml');
    await writeFile(planYaml, (await readFile(planYaml, 'utf8')).replace('budget2018: 5500', 'budget2018: femtusen'));
    const text = await problems(plan);
    expect(text).toMatch(/plan\.yaml:\d+:\d+ budget\.income\.rows\[1\]\.values\.budget2018: ska vara ett tal/);
    expect(text).not.toMatch(/planen har ingen "budget"/);
    expect(text.split('\n').slice(1).filter(Boolean)).toHaveLength(1);
  });

  it('computes a budget refused only for amounts written as text with the amounts meant, so its own errors come too', async () => {
    const plan = basePlan({ sections: [{ type: 'budget', title: 'Budget' }] });
    plan.budget = {
      unit: 'kr',
      convention: 'result',
      columns: [{ kind: 'budget', year: 2025 }, { kind: 'plan', year: 2026 }],
      income: { rows: [{ label: 'Bidrag', values: ['1 000 000' as unknown as number, 1_000_000] }] },
      costs: {
        rows: [
          { label: 'Kansli', values: [800_000] },
          { label: 'Insatser', values: ['−50 000' as unknown as number, 100_000], varav: [{ label: 'Lön', values: [10_000, 20_000] }] },
        ],
      },
    };
    const file = path.join(dir(), 'amounts.json');
    await writeFile(file, JSON.stringify(plan, null, 2));
    const lines = (await problems(file)).split('\n').slice(1).filter(Boolean);
    expect(lines).toHaveLength(3);
    expect(lines.join('\n')).toMatch(/budget\.income\.rows\[0\]\.values\[0\]: ska vara ett tal utan citattecken och mellanslag, t\.ex\. 1000000/);
    expect(lines.join('\n')).toMatch(/budget\.costs\.rows\[1\]\.values\[0\]: ska vara ett tal/);
    // The other row's own error in the same run; none for the rows read as meant (their varav rows included).
    expect(lines.join('\n')).toMatch(/budget\.costs\.rows\[0\]\.values: listan har 1 värde men budgeten har 2 kolumner/);
  });

  it('checks the sub-sections of a refused section, and the logo whatever else was refused', async () => {
    const plan = basePlan({
      sections: [
        {
          type: 'text',
          title: 'Trasig',
          numbered: 'ja' as unknown as boolean,
          sections: [{ type: 'text', title: 'Under', text: 'Det kostar {{ costs.budget2099 }} kr.\n\n![Karta](saknas-b.png)' }],
        },
      ],
    });
    plan.document.logo = { file: 'saknas-logo.png', alt: 'Logotyp' };
    const file = path.join(dir(), 'nested.json');
    await writeFile(file, JSON.stringify(plan, null, 2));
    const text = await problems(file);
    expect(text).toMatch(/sections\[0\]\.numbered: ska vara true eller false/);
    expect(text).toMatch(/sections\[0\]\.sections\[0\]\.text: \{\{ costs\.budget2099 \}\}: okänt namn/);
    expect(text).toMatch(/sections\[0\]\.sections\[0\]\.text: bilden .*saknas-b\.png finns inte/);
    expect(text).toMatch(/document\.logo\.file: bilden .*saknas-logo\.png finns inte/);
    // The document refused elsewhere, or no sections at all: the logo is checked still.
    const refused = { ...plan, sections: [], document: { ...plan.document, status: { state: 'x' } } };
    await writeFile(file, JSON.stringify(refused, null, 2));
    const both = await problems(file);
    expect(both).toMatch(/document\.status\.state: okänd status/);
    expect(both).toMatch(/sections: listan får inte vara tom/);
    expect(both).toMatch(/document\.logo\.file: bilden .*saknas-logo\.png finns inte/);
  });

  it('checks the images, and the figures in the text, of a section the schema refused, with the rest', async () => {
    const plan = path.join(dir(), 'botkyrka-images');
    await cp('data/botkyrka-huddinge-salem-2018', plan, { recursive: true });
    const first = path.join(plan, 'avsnitt', '01-den-finansiella-samordningens-uppdrag.md');
    const text = (await readFile(first, 'utf8')).replace('title: Den finansiella', 'numbered: ja\ntitle: Den finansiella');
    await writeFile(first, `${text}\n![Karta](bilder/karta.png)\n\nDet kostar {{ costs.budget2099 }} kr.\n`);
    // A refused budget too: the image is still checked, the figure (which needs the budget) is not.
    const planYaml = path.join(plan, 'plan.yaml');
    const yamlText = await readFile(planYaml, 'utf8');
    await writeFile(planYaml, yamlText.replace('  unit: tkr', '  unit: tkr\n  kostnder: 1'));
    const both = await problems(plan);
    expect(both).toMatch(/01-den-finansiella-samordningens-uppdrag\.md:3:1 sections\[0\]\.numbered: ska vara true eller false/);
    expect(both).toMatch(/01-den-finansiella-samordningens-uppdrag\.md:\d+:10 sections\[0\]\.text: bilden .*bilder\/karta\.png finns inte; sökvägen räknas från planmappen \(där plan\.yaml ligger\), inte avsnitt\//);
    expect(both).toMatch(/plan\.yaml:\d+:\d+ budget\.kostnder: okänd nyckel/);
    expect(both).not.toMatch(/budget2099/);
    // With the budget accepted, the refused section's figure is checked as well.
    await writeFile(planYaml, yamlText);
    const three = await problems(plan);
    expect(three).toMatch(/sections\[0\]\.text: \{\{ costs\.budget2099 \}\}: okänt namn "costs\.budget2099" – menade du "costs\.budget2018"\?/);
    expect(three).toMatch(/bilder\/karta\.png finns inte/);
    expect(three.split('\n').slice(1).filter(Boolean)).toHaveLength(3);
  });
});

describe('a YAML plan that lost a part’s line', () => {
  it('says that "budget:" is missing where the budget’s keys fell under the part above (a plan folder)', async () => {
    const plan = path.join(dir(), 'no-budget-line');
    await cp('data/botkyrka-huddinge-salem-2018', plan, { recursive: true });
    const planYaml = path.join(plan, 'plan.yaml');
    const lines = (await readFile(planYaml, 'utf8')).split('\n');
    const at = lines.indexOf('budget:');
    await writeFile(planYaml, [...lines.slice(0, at), ...lines.slice(at + 1)].join('\n'));
    const text = await problems(plan);
    const unitFirst = lines.findIndex((l) => /^ {2}unit:/.test(l)) + 1;
    expect(text).toContain(
      `plan.yaml:${at + 1}:3 nyckeln "unit" står två gånger under "contributions" (första gången på rad ${unitFirst}); skriv den en gång. Saknas raden "budget:" ovanför budget-delens första nyckel? Utan den hamnar dess nycklar under "contributions".`,
    );
    // Named once, at the first error it explains.
    expect(text.match(/Saknas raden/g)).toHaveLength(1);
  });

  it('says so at the first badly indented key of the budget after the sections (a YAML file)', async () => {
    const lines = (await readFile('data/sodra-vatterbygden-2013.yaml', 'utf8')).split('\n');
    const at = lines.indexOf('budget:');
    const file = path.join(dir(), 'no-budget-line.yaml');
    await writeFile(file, [...lines.slice(0, at), ...lines.slice(at + 1)].join('\n'));
    const text = await problems(file);
    expect(text).toMatch(new RegExp(`no-budget-line\\.yaml:${at + 1}:1 fel indrag: [^\\n]*\\. Saknas raden "budget:" ovanför "unit:"\\?`));
    expect(text.match(/Saknas raden/g)).toHaveLength(1);
  });

  it('names a key written twice and its first line, without a hint when its part is there', async () => {
    const lines = (await readFile('data/sodra-vatterbygden-2013.yaml', 'utf8')).split('\n');
    const at = lines.indexOf('budget:');
    const file = path.join(dir(), 'unit-twice.yaml');
    await writeFile(file, [...lines.slice(0, at + 1), '  unit: kr', ...lines.slice(at + 1)].join('\n'));
    const text = await problems(file);
    expect(text).toMatch(new RegExp(`unit-twice\\.yaml:${at + 3}:3 nyckeln "unit" står två gånger under "budget" \\(första gången på rad ${at + 2}\\); skriv den en gång$`, 'm'));
    expect(text).not.toMatch(/Saknas raden/);
  });

  it('names the first line of a key written twice in a Markdown file’s front matter by the file’s own lines', async () => {
    const plan = path.join(dir(), 'title-twice');
    await cp('data/botkyrka-huddinge-salem-2018', plan, { recursive: true });
    await writeFile(path.join(plan, 'avsnitt', '01-den-finansiella-samordningens-uppdrag.md'), '---\ntitle: A\ntype: text\ntitle: B\n---\nText\n');
    expect(await problems(plan)).toMatch(/01-den-finansiella-samordningens-uppdrag\.md:4:1 nyckeln "title" står två gånger i samma del \(första gången på rad 2\); skriv den en gång$/m);
  });
});

describe('a YAML list item out of line', () => {
  it('is named once, with how far it is off and from which row, without its follow-on errors', async () => {
    const plan = path.join(dir(), 'misindented');
    await cp('data/botkyrka-huddinge-salem-2018', plan, { recursive: true });
    const planYaml = path.join(plan, 'plan.yaml');
    const lines = (await readFile(planYaml, 'utf8')).split('\n');
    // A row of the income list two spaces to the left of the row above it.
    const row = lines.findIndex((l, i) => /^ {6}- /.test(l) && i > lines.indexOf('  income:'));
    const next = lines.findIndex((l, i) => i > row && /^ {6}- /.test(l));
    lines[next] = lines[next]!.slice(2);
    await writeFile(planYaml, lines.join('\n'));
    const text = await problems(plan);
    expect(text.split('\n').slice(1).filter(Boolean)).toEqual([
      `  ${planYaml}:${next + 1}:1 raden står 2 steg längre till vänster än raden ovanför i samma lista (rad ${row + 1}); flytta den 2 steg åt höger, så att "-" står rakt under "-" på rad ${row + 1}`,
    ]);
  });
});

describe('a YAML key out of line', () => {
  async function withLines(name: string, edit: (lines: string[]) => void, file = 'plan.yaml'): Promise<{ text: string; target: string }> {
    const plan = path.join(dir(), name);
    await cp('data/botkyrka-huddinge-salem-2018', plan, { recursive: true });
    const target = path.join(plan, file);
    const lines = (await readFile(target, 'utf8')).split('\n');
    edit(lines);
    await writeFile(target, lines.join('\n'));
    return { text: await problems(plan), target };
  }
  const reported = (text: string) => text.split('\n').slice(1).filter(Boolean);

  it('one step right of the key above it: names that key, its line and which way to move', async () => {
    let at = 0;
    const { text, target } = await withLines('key-right', (lines) => {
      at = lines.indexOf('  budgetYear: 2018');
      lines[at] = ` ${lines[at]}`;
    });
    expect(reported(text)).toEqual([
      `  ${target}:${at + 1}:1 raden står 1 steg längre till höger än rad ${at} ovanför, som hör till samma del; flytta den 1 steg åt vänster, så att den börjar rakt under "title" på rad ${at}`,
    ]);
  });

  it('between a part’s key and the keys in it: both named, and none of the errors that follow from it', async () => {
    let at = 0;
    const { text, target } = await withLines('key-between', (lines) => {
      at = lines.indexOf('  budgetYear: 2018');
      lines[at] = lines[at]!.slice(1);
    });
    const document = 4; // the line "document:"
    expect(reported(text)).toEqual([
      `  ${target}:${at + 1}:1 raden står mellan två nivåer: 1 steg till höger om "document" på rad ${document} och 1 steg till vänster om "title" på rad ${at}; flytta den så att den börjar rakt under den av dem den hör till`,
    ]);
  });

  it('a step left of its list item’s first key, in a section file’s front matter, by the file’s own lines', async () => {
    let at = 0;
    const { text, target } = await withLines(
      'key-in-item',
      (lines) => {
        at = lines.indexOf('    text: |-');
        lines[at] = lines[at]!.slice(1);
      },
      path.join('avsnitt', '05-arbetsorganisation.md'),
    );
    expect(reported(text)).toEqual([
      `  ${target}:${at + 1}:1 raden står 1 steg längre till vänster än rad ${at} ovanför, som hör till samma del; flytta den 1 steg åt höger, så att den börjar rakt under "role" på rad ${at}`,
    ]);
  });
});

describe('a YAML bracket left open', () => {
  it('is named where it opens, once, in plan.yaml and in a section file; brackets in texts are text', async () => {
    const plan = path.join(dir(), 'bracket');
    await cp('data/botkyrka-huddinge-salem-2018', plan, { recursive: true });
    const planYaml = path.join(plan, 'plan.yaml');
    const lines = (await readFile(planYaml, 'utf8')).split('\n');
    // A text with brackets in it (a plain one and a block text) is no list or map.
    const title = lines.findIndex((l) => l.startsWith('  title: '));
    lines[title] = '  title: Verksamhetsplan [utkast {2018';
    const members = lines.findIndex((l) => l === '    members:');
    lines.splice(members, 13, '    members: [{ name: Försäkringskassan, kind: stat }, { name: Arbetsförmedlingen, kind: stat }');
    await writeFile(planYaml, lines.join('\n'));
    expect((await problems(plan)).split('\n').slice(1).filter(Boolean)).toEqual([
      `  ${planYaml}:${members + 1}:14 "[" här stängs aldrig med "]"; skriv "]" efter det sista som hör till [ … ], eller skriv delarna på egna rader utan klamrar`,
    ]);
  });

  it('in a section file’s front matter, by the file’s own line', async () => {
    const plan = path.join(dir(), 'bracket-section');
    await cp('data/botkyrka-huddinge-salem-2018', plan, { recursive: true });
    const file = path.join(plan, 'avsnitt', '05-arbetsorganisation.md');
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace(/  - role: styrelse\n    text: \|-\n/, '  - { role: styrelse, text: "Styrelsen"\n    text: |-\n'));
    const lines = (await readFile(file, 'utf8')).split('\n');
    const at = lines.findIndex((l) => l.startsWith('  - { role: styrelse'));
    expect((await problems(plan)).split('\n').slice(1).filter(Boolean)).toEqual([
      `  ${file}:${at + 1}:5 "{" här stängs aldrig med "}"; skriv "}" efter det sista som hör till { … }, eller skriv delarna på egna rader utan klamrar`,
    ]);
  });
});

describe('a line of a block text moved left', () => {
  it('is named as a line of that text, with how far to move it, in a section file by the file’s own lines', async () => {
    for (const [name, moved] of [
      ['text-one-left', (line: string) => line.slice(1)],
      ['text-at-start', (line: string) => line.trimStart()],
    ] as const) {
      const plan = path.join(dir(), name);
      await cp('data/botkyrka-huddinge-salem-2018', plan, { recursive: true });
      const file = path.join(plan, 'avsnitt', '05-arbetsorganisation.md');
      const lines = (await readFile(file, 'utf8')).split('\n');
      const header = lines.indexOf('    text: |-');
      // A second line in the styrelse's text, moved left of the first.
      lines.splice(header + 2, 0, moved('      Styrelsen sammanträder sex gånger om året.'));
      await writeFile(file, lines.join('\n'));
      const steps = name === 'text-one-left' ? 1 : 6;
      expect((await problems(plan)).split('\n').slice(1).filter(Boolean)).toEqual([
        `  ${file}:${header + 3}:1 raden hör till texten under "text: |-" på rad ${header + 1} men står ${steps} steg längre till vänster än textens rader; flytta den ${steps} steg åt höger, så att den börjar rakt under texten på rad ${header + 2}`,
      ]);
    }
  });
});

describe('brackets and block texts beside an indentation error', () => {
  const describeYaml = (text: string) => {
    try {
      parsePlanYaml('plan.yaml', text);
    } catch (error) {
      return (error as PlanError).describe().split('\n').slice(1);
    }
    return [];
  };

  it('a bracket starting a line of a "- |" text or of a text going on over lines is text; the real error is named', () => {
    expect(describeYaml('document:\n  paragraphs:\n    - |\n      [se bilaga\n      text\n  title: x\n   budgetYear: 2027\n')).toEqual([
      '  plan.yaml:7:1 raden står 1 steg längre till höger än rad 6 ovanför, som hör till samma del; flytta den 1 steg åt vänster, så att den börjar rakt under "title" på rad 6',
    ]);
    expect(describeYaml('document:\n  title: Lång text\n    [fortsätter här\n  budgetYear: 2027\n   x: 1\n')).toEqual([
      '  plan.yaml:5:1 raden står 1 steg längre till höger än rad 4 ovanför, som hör till samma del; flytta den 1 steg åt vänster, så att den börjar rakt under "budgetYear" på rad 4',
    ]);
  });

  it('a line of a block text left of the text, with a colon in it, is told to move right into the text, not under its key', () => {
    expect(describeYaml('document:\n  text: |\n      first\n    Obs: viktigt\n  title: x\n')).toEqual([
      '  plan.yaml:4:1 raden hör till texten under "text: |" på rad 2 men står 2 steg längre till vänster än textens rader; flytta den 2 steg åt höger, så att den börjar rakt under texten på rad 3',
    ]);
  });

  it('an error in a key’s value with a key indented under it is no lost part', () => {
    expect(describeYaml('budget:\n  unit: kr\n   columns: x\n')).toEqual([
      '  plan.yaml:3:1 raden står 1 steg längre till höger än rad 2 ovanför, som hör till samma del; flytta den 1 steg åt vänster, så att den börjar rakt under "unit" på rad 2',
    ]);
  });
});

describe('a section file renamed but not in the list', () => {
  it('is suggested where the list names a file that does not exist', async () => {
    const plan = path.join(dir(), 'renamed-file');
    await cp('data/botkyrka-huddinge-salem-2018', plan, { recursive: true });
    const { rename } = await import('node:fs/promises');
    await rename(path.join(plan, 'avsnitt', '05-arbetsorganisation.md'), path.join(plan, 'avsnitt', '05-organisation-och-ledning.md'));
    expect(await problems(plan)).toMatch(
      /sections\[4\]: avsnittsfilen avsnitt\/05-arbetsorganisation\.md finns inte; menade du avsnitt\/05-organisation-och-ledning\.md, som inte står i listan\? Rätta namnet i listan, eller skapa filen \(eller ta bort raden\)$/m,
    );
  });
});
