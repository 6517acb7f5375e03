// vplan diff and the budget's group headings: a heading with a new name over the same rows is one
// renamed heading, not a new heading and a removed one.
import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { useTempDir } from './helpers/tempDir.js';
import { checkPlan } from '../src/build.js';
import { diffPlans } from '../src/diff/diff.js';
import { normalize, pdfText } from './helpers/pdfText.js';

const run = promisify(execFile);
const tmp = useTempDir('vplan-diff-headings');
const PLAN = 'data/sodra-vatterbygden-2013.yaml';

/** Södra Vätterbygden 2013 with these edits to its YAML, line by line. */
async function edited(name: string, edits: [string, string][]): Promise<string> {
  let yaml = await readFile(PLAN, 'utf8');
  for (const [from, to] of edits) {
    expect(yaml).toContain(from);
    yaml = yaml.replace(from, to);
  }
  const file = path.join(tmp(), name);
  await writeFile(file, yaml);
  return file;
}

describe('vplan diff: renamed budget headings', () => {
  it('says a group heading over the same rows has a new name, in the terminal and on the appendix page', async () => {
    const file = await edited('rubrik.yaml', [['      - heading: Verksamhet\n', '      - heading: Verksamhet och insatser\n']]);
    const appendix = path.join(tmp(), 'andringar.pdf');
    const { stdout } = await run(process.execPath, [path.resolve('bin/vplan.js'), 'diff', PLAN, file, '--appendix', '--out', appendix]);
    expect(stdout).toContain('Rader\n  rubriken Verksamhet heter nu Verksamhet och insatser\n');
    expect(stdout).not.toMatch(/ny: rubriken|borttagen: rubriken/);
    const last = normalize((await pdfText(await readFile(appendix))).pages.at(-1)!);
    expect(last).toContain('Nya rubriker i budgeten rubriken Verksamhet heter nu Verksamhet och insatser');
    expect(last).not.toContain('Nya rader');
  });

  it('pairs headings whose rows are mostly the same, not headings over other rows', async () => {
    const file = await edited('rubriker.yaml', [
      // Verksamhet: a new name, and one of its four rows renamed (three the same).
      ['      - heading: Verksamhet\n', '      - heading: Insatser\n'],
      ['          - label: KrAmi\n', '          - label: KrAmi Jönköping\n'],
      // Administration: a new name, and three of its four rows renamed (one the same): another group.
      ['      - heading: Administration\n', '      - heading: Gemensamt\n'],
      ['          - label: Kansli\n', '          - label: Förbundschef\n'],
      ['          - label: Styrelse\n', '          - label: Styrelsens arvoden\n'],
      ['          - label: Information\n', '          - label: Kommunikation\n'],
    ]);
    const changes = diffPlans((await checkPlan(PLAN)).plan, (await checkPlan(file)).plan, 'x');
    expect(changes.rowsRenamed).toEqual(['rubriken Verksamhet heter nu Insatser']);
    expect(changes.rowsAdded).toContain('rubriken Gemensamt');
    expect(changes.rowsRemoved).toContain('rubriken Administration');
    expect(changes.rowsAdded).not.toContain('rubriken Insatser');
    expect(changes.rowsRemoved).not.toContain('rubriken Verksamhet');
  });
});

describe('vplan diff: a budget row with an id under a new text', () => {
  it('is the same row renamed, not "inga" (rows are matched by their id)', async () => {
    const json = path.join(tmp(), 'renamed-row.json');
    const text = await readFile('data/finnveden-2025.json', 'utf8');
    expect(text).toContain('"id": "samverkansteam", "label": "Samverkansteam Finnveden"');
    await writeFile(json, text.replace('"label": "Samverkansteam Finnveden"', '"label": "Samverkansteamet i Finnveden"'));
    const { stdout } = await run(process.execPath, [path.resolve('bin/vplan.js'), 'diff', 'data/finnveden-2025.json', json]);
    expect(stdout).toContain('Rader\n  raden Samverkansteam Finnveden heter nu Samverkansteamet i Finnveden\n');
    expect(stdout).not.toContain('inga.');
  });
});
