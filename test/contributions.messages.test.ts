// What a user who writes the member contributions wrong is told, by vplan validate on a plan folder.
import { describe, expect, it } from 'vitest';
import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { useTempDir } from './helpers/tempDir.js';
import { runVplan } from './helpers/cli.js';

const dir = useTempDir('vplan-contributions-messages');

/** The Botkyrka Huddinge Salem plan folder, copied and changed by `edit` in its plan.yaml. */
async function botkyrka(edit: (yaml: string) => string): Promise<string> {
  const folder = path.join(dir(), 'plan');
  await cp('data/botkyrka-huddinge-salem-2018', folder, { recursive: true });
  const file = path.join(folder, 'plan.yaml');
  const before = await readFile(file, 'utf8');
  const after = edit(before);
  expect(after).not.toBe(before);
  await writeFile(file, after);
  return folder;
}

const shares = (yaml: string, huddinge: string, botkyrka: string, salem: string) =>
  yaml.replace('share: 11.75', `share: ${huddinge}`).replace('share: 11.75', `share: ${botkyrka}`).replace('share: 1.5', `share: ${salem}`);

describe('contribution shares', () => {
  it('a share written as text ("1,5", "11.75 %") is told the form of a share, not of an amount', async () => {
    const plan = await botkyrka((yaml) => shares(yaml, '"11.75 %"', '11.75', '"1,5"'));
    const { code, stderr } = await runVplan(dir(), 'validate', plan);
    expect(code).toBe(1);
    expect(stderr).toContain(
      'plan.yaml:41:7 contributions.parties[2].share: andelen är procent av hela medlemsbidraget, skriven som ett tal med punkt före decimalerna, utan % och citattecken: skriv 11.75 – fick texten "11.75 %"',
    );
    expect(stderr).toContain('plan.yaml:49:7 contributions.parties[4].share: andelen är procent av hela medlemsbidraget, skriven som ett tal med punkt före decimalerna, utan % och citattecken: skriv 1.5 – fick texten "1,5"');
    expect(stderr).not.toContain('1234');
  });

  it('kommun shares that sum to 100 are told that a share is a part of the whole, and what to write', async () => {
    const plan = await botkyrka((yaml) => shares(yaml, '47', '47', '6'));
    const { code, stderr } = await runVplan(dir(), 'validate', plan);
    expect(code).toBe(1);
    expect(stderr.replace(/\u00a0/g, ' ')).toContain(
      'contributions.parties[2].share: kommunernas andelar summerar till 100,00 % men ska enligt lagen vara exakt 25,00 %. ' +
        'En andel är en del av hela medlemsbidraget, inte av kommunernas del: staten 50 %, regionen 25 % och kommunerna tillsammans 25 %. ' +
        'Dela varje kommuns andel med 4 (47 blir 11.75)',
    );
  });

  it('kommun shares that are just wrong get no such hint', async () => {
    const plan = await botkyrka((yaml) => shares(yaml, '11.75', '11.75', '2'));
    const { stderr } = await runVplan(dir(), 'validate', plan);
    expect(stderr.replace(/\u00a0/g, ' ')).toMatch(/kommunernas andelar summerar till 25,50 % men ska enligt lagen vara exakt 25,00 %\n/);
  });
});

describe('contributions that cannot be computed', () => {
  /** The income row of the contributions' total replaced by one row per party, as many plans write it. */
  const perParty = (yaml: string) =>
    yaml.replace(
      '      - label: Inbetalning huvudmännen\n        source: contributions\n',
      ['staten', 'sll', 'huddinge', 'botkyrka', 'salem'].map((id) => `      - { label: ${id}, source: { contributions: ${id} } }\n`).join(''),
    );

  it('are one error, not one more per budget row that takes them', async () => {
    const plan = await botkyrka((yaml) => shares(perParty(yaml), '11.75', '11.75', '1.49'));
    const { code, stderr } = await runVplan(dir(), 'validate', plan);
    expect(code).toBe(1);
    expect(stderr).toMatch(/: 1 fel\n/);
    expect(stderr.replace(/\u00a0/g, ' ')).toContain('contributions.parties[2].share: kommunernas andelar summerar till 24,99 %');
    expect(stderr).not.toContain('raden hämtar medlemsbidragen');
  });

  it("leave the budget's own errors reported in the same run", async () => {
    const plan = await botkyrka((yaml) => shares(perParty(yaml), '11.75', '11.75', '1.49').replace('budget2018: 5500', 'budget2019: 5500'));
    const { stderr } = await runVplan(dir(), 'validate', plan);
    expect(stderr).toMatch(/: 2 fel\n/);
    expect(stderr).toMatch(/budget\.income\.rows\[5\]\.values\.budget2019: .*budget2019/);
  });
});

