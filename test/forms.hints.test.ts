// Mistakes a new user made writing a YAML plan or a plan folder (a trial with Norra Dalarna): each is
// one message that names the mistake and what to write, in the form the plan is written in.
import { describe, expect, it } from 'vitest';
import { copyFile, cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PlanError } from '../src/errors.js';
import { parsePlanText } from '../src/load/loadPlan.js';
import { basePlan } from './helpers/plans.js';
import { planError } from './helpers/planError.js';
import { runVplan } from './helpers/cli.js';
import { useTempDir } from './helpers/tempDir.js';

const dir = useTempDir('vplan-hints');

async function folder(): Promise<string> {
  const target = path.join(dir(), 'plan');
  await cp('data/botkyrka-huddinge-salem-2018', target, { recursive: true });
  return target;
}

async function edit(file: string, change: (text: string) => string): Promise<void> {
  const text = await readFile(file, 'utf8');
  const changed = change(text);
  expect(changed).not.toBe(text);
  await writeFile(file, changed);
}

/** The errors of a message, one a line, without its heading. */
const reported = (text: string) => text.split('\n').slice(1).filter(Boolean);

describe('a section file whose header has no closing "---"', () => {
  it('is one error naming the file and the opening line, not a missing title', async () => {
    const plan = await folder();
    const file = path.join(plan, 'avsnitt', '05-arbetsorganisation.md');
    await edit(file, (text) => text.replace(/\n---\n/, '\n\n'));
    const text = await planError(plan);
    expect(reported(text)).toEqual([
      expect.stringMatching(/avsnitt\/05-arbetsorganisation\.md:1:1 huvudet som börjar med --- på rad 1 har ingen avslutande rad "---": skriv en rad med bara --- efter huvudets sista nyckel, före texten$/),
    ]);
  });
});

describe('a text with a colon inside, written without quotes in YAML', () => {
  const advice = 'ett kolon följt av mellanslag i en text gör att YAML läser det som står före kolonet som en nyckel; skriv texten inom citattecken: ';

  it('in a list item of a section file: says to put the text in quotes, at its line, not that it got an object', async () => {
    const plan = await folder();
    const file = path.join(plan, 'avsnitt', '02-samordningsforbundets-andamal-och.md');
    await edit(file, (text) => text.replace('- Föräldrar med försörjningsansvar', '- Föräldrar: försörjningsansvar'));
    const line = (await readFile(file, 'utf8')).split('\n').findIndex((l) => l.includes('- Föräldrar:')) + 1;
    expect(reported(await planError(plan))).toEqual([
      `  ${file}:${line}:11 sections[1].sections[0].priorityGroups.items[1]: ska vara en text: ${advice}- "Föräldrar: försörjningsansvar gentemot minderåriga barn."`,
    ]);
  });

  it('in a key’s value in a YAML plan: the same advice with the key’s line to write, not "en nyckel kan inte vara ett block"', async () => {
    const file = path.join(dir(), 'plan.yaml');
    await cp('data/sodra-vatterbygden-2013.yaml', file);
    await edit(file, (text) => text.replace('- label: Habo kommun', '- label: Kommun: Habo  # en kommentar'));
    const line = (await readFile(file, 'utf8')).split('\n').findIndex((l) => l.includes('Kommun: Habo')) + 1;
    expect(reported(await planError(file))).toEqual([`  ${file}:${line}:16 ${advice}- label: "Kommun: Habo"`]);
  });

  it('in a JSON plan, an object where a text belongs keeps its own message', () => {
    const plan = { ...basePlan(), sections: [{ type: 'targetGroup', title: 'Målgrupp', priorityGroups: { items: [{ Unga: 'vuxna' }] } }] };
    const error = (() => {
      try {
        parsePlanText('plan.json', JSON.stringify(plan, null, 2));
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(PlanError);
    expect(reported((error as PlanError).describe())).toEqual([expect.stringMatching(/sections\[0\]\.priorityGroups\.items\[0\]: ska vara en text, fick ett objekt$/)]);
  });
});

describe('a "-" written for an empty cell among a row’s values', () => {
  const advice = 'ett ensamt "-" är ingen tom cell (YAML läser det som början på en lista); skriv null för en tom cell: ';
  const esf = 'values:\n          prognos2017: 4100\n          budget2018: 5500';
  const mucf = 'values:\n          prognos2017: 1135\n          budget2018: 0';

  async function planWith(change: (text: string) => string): Promise<{ plan: string; planYaml: string; lineOf: (snippet: string) => Promise<number> }> {
    const plan = await folder();
    const planYaml = path.join(plan, 'plan.yaml');
    await edit(planYaml, change);
    const lineOf = async (snippet: string) => (await readFile(planYaml, 'utf8')).split('\n').findIndex((l) => l.includes(snippet)) + 1;
    return { plan, planYaml, lineOf };
  }

  it('in a list on one line or for a column’s key: one message a line, suggesting null, with the line to write', async () => {
    const { plan, planYaml, lineOf } = await planWith((text) =>
      text.replace(esf, 'values: [-, -]  # inte klart').replace(mucf, 'values:\n          prognos2017: -\n          budget2018: 0'),
    );
    expect(reported(await planError(plan))).toEqual([
      `  ${planYaml}:${await lineOf('values: [-, -]')}:18 ${advice}values: [null, null]`,
      `  ${planYaml}:${await lineOf('prognos2017: -')}:24 ${advice}prognos2017: null`,
    ]);
  });

  it('as a list item ("- -") or a dash as a text: suggests null, not "ska vara ett tal, fick en lista"', async () => {
    const { plan, planYaml, lineOf } = await planWith((text) =>
      text.replace(esf, 'values:\n          - 4100\n          - -').replace(mucf, 'values: [1135, –]'),
    );
    const dash = await lineOf('          - -');
    expect(reported(await planError(plan))).toEqual([
      `  ${planYaml}:${dash}:13 budget.income.rows[1].values[1]: ${advice}- null`,
      `  ${planYaml}:${await lineOf('values: [1135, –]')}:24 budget.income.rows[2].values[1]: ett streck är ingen tom cell; skriv null för en tom cell – fick texten "–"`,
    ]);
  });
});

describe('a YAML plan’s or a plan folder’s hints show YAML, a JSON plan’s JSON', () => {
  const vplan = (...args: string[]) => runVplan(dir(), ...args);

  it('a warning says how to acknowledge it in the plan’s own form, and the YAML lines acknowledge it', async () => {
    const yaml = path.join(dir(), 'plan.yaml');
    await cp('data/sodra-vatterbygden-2013.yaml', yaml);
    const warned = await vplan('validate', yaml);
    expect(warned.stderr).toContain('[deficit:budget2013; kvitteras med raderna "- warning: deficit:budget2013" och "  reason: …" under acknowledgedWarnings:]');
    expect(warned.stderr).not.toContain('{ "warning"');
    await writeFile(yaml, `${await readFile(yaml, 'utf8')}acknowledgedWarnings:\n  - warning: deficit:budget2013\n    reason: Sparat kapital används.\n`);
    const acknowledged = await vplan('validate', yaml);
    expect(acknowledged.code).toBe(0);
    expect(acknowledged.stderr).not.toContain('varning');
    expect((await vplan('validate', path.resolve('data/finnveden-2025.json'))).stderr).toContain(
      '[deficit:budget2025; kvitteras med { "warning": "deficit:budget2025", "reason": "…" } i acknowledgedWarnings]',
    );
  });

  it('vplan archive of a plan without dnr shows the line to write as the plan is written', async () => {
    const archive = path.join(dir(), 'arkiv');
    const plan = await folder();
    const yaml = path.join(dir(), 'sodra.yaml');
    await cp('data/sodra-vatterbygden-2013.yaml', yaml);
    await edit(yaml, (text) => text.replace(/\n {2}dnr: .*\n/, '\n'));
    const json = path.join(dir(), 'finnveden.json');
    await cp('data/finnveden-2025.json', json);
    await edit(json, (text) => text.replace(/\n\s*"dnr": .*\n/, '\n'));
    const folderRun = await vplan('archive', plan, '--archive', archive);
    expect(folderRun.code).toBe(1);
    expect(folderRun.stderr).toContain('planen har inget diarienummer och kan inte arkiveras.\nAnge dnr under document: i plan.yaml, t.ex. dnr: "2024:11 / 2".');
    expect((await vplan('archive', yaml, '--archive', archive)).stderr).toContain('Ange dnr under document: i planen, t.ex. dnr: "2024:11 / 2".');
    expect((await vplan('archive', json, '--archive', archive)).stderr).toContain('Ange document.dnr i planen, t.ex. "dnr": "2024:11 / 2".');
  });
});

describe('an image named with other capital and small letters than its file', () => {
  it('says the file is there in other case and to write its exact name, for a figure in a text and for the logo', async () => {
    const plan = await folder();
    await mkdir(path.join(plan, 'bilder'));
    await copyFile('test/fixtures/organisation.png', path.join(plan, 'bilder', 'Org.PNG'));
    await copyFile('test/fixtures/logo.png', path.join(plan, 'bilder', 'logga.png'));
    const first = path.join(plan, 'avsnitt', '01-den-finansiella-samordningens-uppdrag.md');
    await edit(first, (text) => text.replace('---\n\nRehabiliteringsansvaret', '---\n\n![Organisationen](bilder/org.png)\n\nRehabiliteringsansvaret'));
    await edit(path.join(plan, 'plan.yaml'), (text) => text.replace('\ndocument:\n', '\ndocument:\n  logo:\n    file: Bilder/Logga.png\n    alt: Förbundets logotyp\n'));
    const text = await planError(plan);
    const said = (written: string, file: string) =>
      `bilden ${written} finns inte, men ${file} finns – samma namn med andra stora och små bokstäver, som räknas olika i filnamn (på Windows och Mac hittas bilden ändå, men inte här); menade du ${file}? Skriv namnet exakt så`;
    expect(reported(text)).toEqual([
      `  ${first}:6:19 sections[0].text: ${said('bilder/org.png', 'bilder/Org.PNG')}`,
      `  ${path.join(plan, 'plan.yaml')}:6:5 document.logo.file: ${said('Bilder/Logga.png', 'bilder/logga.png')}`,
    ]);
  });
});
