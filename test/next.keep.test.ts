// vplan next and vplan import-budget write the new plan into the user's own texts: comments, names of
// section files, flow lists and spacing stay; only changed values change.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { toYaml } from '../src/convert/write.js';
import { checkPlan } from '../src/build.js';
import { useTempDir } from './helpers/tempDir.js';
import { runVplan } from './helpers/cli.js';

const dir = useTempDir('vplan-next-keep');
const vplan = (...args: string[]) => runVplan(dir(), ...args);
const read = (...parts: string[]) => readFile(path.join(dir(), ...parts), 'utf8');
const comments = (text: string) => text.split('\n').filter((line) => /#\s/.test(line)).map((line) => line.slice(line.indexOf('#')).trim());

describe('vplan next keeps what the user wrote', () => {
  it('a plan folder: every comment, the section files by their names (years moved on), lists as lists', async () => {
    expect((await vplan('init', 'plan', '--name', 'Samordningsförbundet Norr', '--year', '2027')).code).toBe(0);
    // The user's own notes, in plan.yaml and in a section's front matter.
    const planYaml = (await read('plan', 'plan.yaml'))
      .replace('budget:\n', '# Budgeten stämd av med ekonomen i oktober.\nbudget:\n')
      .replace(/(label: "Region"\n\s+values: \[[^\]]*\])/, '$1   # preliminärt besked');
    await writeFile(path.join(dir(), 'plan', 'plan.yaml'), planYaml);
    const goals = (await read('plan', 'avsnitt', '05-mal.md')).replace('---\n', '---\n# Målen ses över i januari.\n');
    await writeFile(path.join(dir(), 'plan', 'avsnitt', '05-mal.md'), goals);
    const budgetFile = path.join(dir(), 'plan', 'avsnitt', '06-budget.md');
    await writeFile(path.join(dir(), 'plan', 'avsnitt', 'budget-2027.md'), await readFile(budgetFile));
    await writeFile(path.join(dir(), 'plan', 'plan.yaml'), planYaml.replace('  - 06-budget.md', '  - budget-2027.md'));
    await import('node:fs/promises').then(({ rm }) => rm(budgetFile));

    const result = await vplan('next', 'plan', '--out', 'plan-2028');
    expect(result.code, result.stderr).toBe(0);
    const next = await read('plan-2028', 'plan.yaml');
    const before = await read('plan', 'plan.yaml');
    // Every comment line stays, the schema line pointed at the schema beside the new plan.
    expect(comments(next)).toEqual(comments(before));
    expect(next).toContain('# Budgeten stämd av med ekonomen i oktober.\nbudget:\n');
    expect(next).toContain('  # dnr: "2026:1"   # diarienumret; behövs för vplan archive');
    // Values stay lists, one per column: the new last plan year is null, to be filled in.
    expect(next).toContain('  planYears: [2029, 2030]\n');
    expect(next).toMatch(/\n {8}values: \[1000000, 1000000, null\]\n/);
    // A changed line keeps the user's spaces before its comment, and a list its tight [ ].
    expect(next).toContain('    state: utkast   # utkast, förslag');
    expect(next).toMatch(/\n {8}values: \[1000000, 1000000, null\]   # preliminärt besked\n/);
    // Lines whose values did not change are the user's lines exactly.
    const unchanged = before.split('\n').filter((line) => !/20\d\d|values|state:/.test(line));
    expect(next.split('\n')).toEqual(expect.arrayContaining(unchanged));
    // Section files keep their names, the year in a name moved on; a front matter's comment stays.
    expect((await readdir(path.join(dir(), 'plan-2028', 'avsnitt'))).sort()).toEqual(
      ['01-inledning.md', '02-vision.md', '03-malgrupp.md', '04-organisation.md', '05-mal.md', 'budget-2028.md'].sort(),
    );
    expect(next).toContain('  - budget-2028.md');
    expect(await read('plan-2028', 'avsnitt', '05-mal.md')).toContain('---\n# Målen ses över i januari.\n');
    // A section file without a type stays without one.
    expect(await read('plan', 'avsnitt', '01-inledning.md')).not.toMatch(/^type:/m);
    expect(await read('plan-2028', 'avsnitt', '01-inledning.md')).not.toMatch(/^type:/m);

    const { plan } = await checkPlan(path.join(dir(), 'plan-2028'));
    expect(plan.document.budgetYear).toBe(2028);
    expect(plan.budget!.columns.map((c) => c.id)).toEqual(['budget2028', 'plan2029', 'plan2030']);
    expect(plan.budget!.totals.income).toEqual([4_000_000, 4_000_000, null]);
  });

  it('a YAML file indented by four spaces: its comments stay and it reads as next year’s plan', async () => {
    const original = parse(await readFile('data/sodra-vatterbygden-2013.yaml', 'utf8')) as Record<string, unknown>;
    const source = stringify(original, { indent: 4, lineWidth: 0 }).replace('document:\n', '# Planen skrivs om varje höst.\ndocument:\n');
    expect(source).toContain('\n    title: Verksamhetsplan 2013\n');
    await writeFile(path.join(dir(), 'plan.yaml'), source);
    const result = await vplan('next', 'plan.yaml', '--out', 'ny.yaml');
    expect(result.code, result.stderr).toBe(0);
    const next = await read('ny.yaml');
    expect(next).toContain('# Planen skrivs om varje höst.\ndocument:\n');
    // Indented as the user indents: four spaces.
    expect(next).toContain('\n    title: Verksamhetsplan 2014\n');
    expect(next).not.toMatch(/^  [a-z]/m);
    expect(next.split('\n')[0]).toBe('# yaml-language-server: $schema=./plan.schema.json');
    const { plan } = await checkPlan(path.join(dir(), 'ny.yaml'));
    expect(plan.budget!.columns.map((c) => c.id)).toEqual(['budget2014', 'budget2015']);
  });

  it('import-budget with a sheet that changes nothing writes the plan folder byte for byte as it was', async () => {
    expect((await vplan('init', 'plan', '--name', 'Samordningsförbundet Norr', '--year', '2027')).code).toBe(0);
    expect((await vplan('export-budget', 'plan', 'budget.xlsx')).code).toBe(0);
    const result = await vplan('import-budget', 'plan', 'budget.xlsx', '--out', 'ny');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('inga belopp ändrades');
    for (const name of ['plan.yaml', ...(await readdir(path.join(dir(), 'plan', 'avsnitt'))).map((f) => `avsnitt/${f}`)]) {
      expect(await read('ny', name), name).toBe(await read('plan', name));
    }
  });
});

describe('toYaml into a previous text', () => {
  const json = fc.letrec((tie) => ({
    value: fc.oneof({ depthSize: 'small' }, fc.constantFrom(null, true, 0, -1.5), fc.integer(), fc.string(), tie('list'), tie('map')),
    list: fc.array(tie('value'), { maxLength: 4 }),
    map: fc.dictionary(fc.constantFrom('a', 'b', 'text', 'values', 'år 2027', '#x'), tie('value'), { maxKeys: 4 }),
  }));

  it('always reads back as the new value, whatever the old one was', () => {
    fc.assert(
      fc.property(json.map, json.map, fc.boolean(), (old, value, flow) => {
        const previous = `# en kommentar\n${flow ? JSON.stringify(old) : toYaml(old)}`;
        expect(parse(toYaml(value, [], previous)) ?? {}).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { numRuns: 300 },
    );
  });
});

describe('vplan next keeps each comment with what it is about', () => {
  async function initPlan() {
    expect((await vplan('init', 'plan', '--name', 'Samordningsförbundet Norr', '--year', '2027')).code).toBe(0);
    return path.join(dir(), 'plan', 'plan.yaml');
  }

  it('a comment on an amount moves with the amount: in a list, and under a column id that is renamed', async () => {
    const file = await initPlan();
    const text = (await readFile(file, 'utf8'))
      .replace('            values: [2500000, 2550000, 2600000]', '            values:\n              - 2500000\n              - 2550000 # avtal med kommunen t.o.m. 2028\n              - 2600000')
      .replace('            values: [700000, 720000, 740000]', '            values:\n              budget2027: 700000\n              plan2028: 720000 # två tjänster\n              plan2029: 740000');
    await writeFile(file, text);
    const result = await vplan('next', 'plan', '--out', 'plan-2028');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).not.toContain('kunde inte behållas');
    const next = await read('plan-2028', 'plan.yaml');
    // The 2028 amount is now the budget year's: its comment with it, nothing on the others.
    expect(next).toContain('            values:\n              - 2550000 # avtal med kommunen t.o.m. 2028\n              - 2600000\n              - null\n');
    expect(next).toContain('              budget2028: 720000 # två tjänster\n              plan2029: 740000\n');
    expect(next.match(/# två tjänster/g)).toHaveLength(1);
  });

  it('a section written out in plan.yaml stays there with its comments', async () => {
    const file = await initPlan();
    const text = (await readFile(file, 'utf8')).replace(
      '  - 02-vision.md\n',
      '  - title: Året 2027 # rubriken ändras varje år\n    type: text\n    text: Ett år med samverkan.\n',
    );
    await writeFile(file, text);
    const result = await vplan('next', 'plan', '--out', 'plan-2028');
    expect(result.code, result.stderr).toBe(0);
    expect(await read('plan-2028', 'plan.yaml')).toContain('  - title: Året 2028 # rubriken ändras varje år\n    type: text\n');
    expect((await readdir(path.join(dir(), 'plan-2028', 'avsnitt'))).some((name) => name.includes('aret'))).toBe(false);
  });

  it('never writes outside the new folder: a section file in a folder beside the plan gets a name inside it', async () => {
    const file = await initPlan();
    await import('node:fs/promises').then(({ mkdir, rename }) =>
      mkdir(path.join(dir(), 'delat')).then(() => rename(path.join(dir(), 'plan', 'avsnitt', '01-inledning.md'), path.join(dir(), 'delat', 'inledning.md'))),
    );
    await writeFile(file, (await readFile(file, 'utf8')).replace('  - 01-inledning.md', '  - ../delat/inledning.md'));
    const shared = await read('delat', 'inledning.md');
    const result = await vplan('next', 'plan', '--out', 'plan-2028');
    expect(result.code, result.stderr).toBe(0);
    expect(await read('delat', 'inledning.md')).toBe(shared);
    expect(await read('plan-2028', 'plan.yaml')).toContain('  - 01-inledning.md\n');
    expect(await read('plan-2028', 'avsnitt', '01-inledning.md')).toContain('{{ costs.budget2028 | mkr }}');
  });

  it('keeps Windows line endings, and compares the written value exactly', () => {
    const kept = toYaml({ a: 'x', b: 2 }, [], '# anteckning\r\na: "x "\r\nb: 1\r\n');
    expect(kept).toBe('# anteckning\r\na: "x"\r\nb: 2\r\n');
  });
});
