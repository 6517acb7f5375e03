// vplan next on a plan as a new user writes one (a folder with a logo and an image, an outcome column,
// member contributions for the budget years, a decided status in the plan's own words): next year's
// plan builds, says what it left to fill in, and prints nothing it cannot know.
import { describe, expect, it } from 'vitest';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { checkPlan } from '../src/build.js';
import { useTempDir } from './helpers/tempDir.js';
import { runVplan } from './helpers/cli.js';
import { pngOf } from './helpers/png.js';
import { normalize, pdftotext } from './helpers/pdfText.js';

const dir = useTempDir('vplan-next-trial');
const vplan = (...args: string[]) => runVplan(dir(), ...args);
const read = (...parts: string[]) => readFile(path.join(dir(), ...parts), 'utf8');
const sp = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

const MEMBERS = [
  ['staten', 'Staten', 'stat', undefined, 4_000_000, 4_200_000],
  ['region', 'Regionen', 'region', undefined, 2_000_000, 2_100_000],
  ['norr', 'Norrby kommun', 'kommun', 15, 1_200_000, 1_260_000],
  ['syd', 'Söderby kommun', 'kommun', 10, 800_000, 840_000],
] as const;

/** The plan for 2027: Utfall 2025, Budget 2026 and 2027 (from the contributions table), Plan 2028 and 2029. */
function planYaml(options: { contributionsEveryYear?: boolean; acknowledged?: string } = {}): string {
  const every = options.contributionsEveryYear === true;
  const member = ([id, name, , , outcome, later]: (typeof MEMBERS)[number]) =>
    `          - { label: "${name}", source: { contributions: ${id} }${every ? '' : `, values: { utfall2025: ${outcome}, plan2028: ${later}, plan2029: ${later} }`} }`;
  const columns = every
    ? ['utfall2025: 8000000', 'budget2026: 8200000', 'budget2027: 8400000', 'plan2028: 8400000', 'plan2029: 8400000'].map((c) => {
        const [id, total] = c.split(': ');
        return `    - { year: ${id!.slice(-4)}, total: ${total}, budgetColumn: ${id} }`;
      })
    : ['    - { year: 2026, total: 8200000, budgetColumn: budget2026 }', '    - { year: 2027, total: 8400000, budgetColumn: budget2027 }'];
  return `# yaml-language-server: $schema=./plan.schema.json
version: 1
document:
  association:
    name: Samordningsförbundet Norr
    members:
${MEMBERS.map(([, name, kind]) => `      - { name: "${name}", kind: ${kind} }`).join('\n')}
  title: "Verksamhetsplan med budget 2027"
  budgetYear: 2027
  planYears: [2028, 2029]
  dnr: "2026/47"
  status:
    state: fastställd
    decisionDate: 2026-11-26
    decisionBody: förbundsstyrelsen
    paragraph: "§ 38"
    decisionText: "Fastställd av {organ} {datum}, {paragraf}"
    closingText: "Verksamhetsplanen med budget 2027 fastställdes av {organ} den {datum}, {paragraf}."
  logo: { file: bilder/logo.png, alt: "Förbundets logotyp" }
  dateStyle: long
sections:
  - 01-ekonomi.md
contributions:
  parties:
${MEMBERS.map(([id, name, role, share]) => `    - { id: ${id}, name: "${name}", role: ${role}${share ? `, share: ${share}` : ''} }`).join('\n')}
  columns:
${columns.join('\n')}
budget:
  unit: kr
  columns:
    - { kind: utfall, year: 2025 }
    - { kind: budget, year: 2026 }
    - { kind: budget, year: 2027 }
    - { kind: plan, year: 2028 }
    - { kind: plan, year: 2029 }
  income:
    rows:
      - heading: Medlemsbidrag
        rows:
${MEMBERS.map(member).join('\n')}
  costs:
    rows:
      - { id: kansli, label: Kansli, values: [2900000, 3000000, 3100000, 3200000, 3300000] }
      - { id: insatser, label: Insatser, values: [5000000, 5500000, 5600000, 5600000, 5600000] }
  capital:
    opening: { utfall2025: 2000000 }
    carryForward: { budget2026: utfall2025, budget2027: budget2026, plan2028: budget2027, plan2029: plan2028 }
    ceiling: 1000000
${options.acknowledged ? `acknowledgedWarnings:\n  - warning: ${options.acknowledged}\n    reason: Kapitalet vid utgången av 2025 var över taket; det minskas enligt beslut.\n    note: true\n` : ''}`;
}

const SECTION = `---
title: Ekonomi
sections:
  - type: budget
    title: Budget 2027 och plan 2028–2029
    text: |
      Kostnaderna 2027 beräknas till {{ costs.budget2027 | kr }} kr. Förbundet bildades 2009.

      Vid utgången av 2029 beräknas det egna kapitalet till
      {{ capital.closing.plan2029 | kr }} kr.
---

![Förbundets organisation](bilder/organisation.svg "Organisationen")
`;

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100" viewBox="0 0 200 100"><rect width="200" height="100" fill="#369"/></svg>\n';

async function writePlan(options: Parameters<typeof planYaml>[0] = {}): Promise<void> {
  await mkdir(path.join(dir(), 'plan', 'avsnitt'), { recursive: true });
  await mkdir(path.join(dir(), 'plan', 'bilder'));
  await writeFile(path.join(dir(), 'plan', 'plan.yaml'), planYaml(options));
  await writeFile(path.join(dir(), 'plan', 'avsnitt', '01-ekonomi.md'), SECTION);
  await writeFile(path.join(dir(), 'plan', 'bilder', 'logo.png'), pngOf(40, 20));
  await writeFile(path.join(dir(), 'plan', 'bilder', 'organisation.svg'), SVG);
  const old = await vplan('validate', 'plan');
  expect(old.code, old.stderr).toBe(0);
}

describe('vplan next on a new user\'s plan folder', () => {
  it('gives a plan that builds: images copied, contributions moved with their budget columns, the outcome left empty', async () => {
    await writePlan();
    const result = await vplan('next', 'plan', '--out', 'plan-2028');
    // Before: 17 errors (images missing, the 2026 contributions gone, the plan years' values colliding with the table).
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('Kopierade bilder/logo.png, bilder/organisation.svg till den nya planen.');
    expect(await readdir(path.join(dir(), 'plan-2028', 'bilder'))).toEqual(['logo.png', 'organisation.svg']);

    const next = await read('plan-2028', 'plan.yaml');
    // The table feeds the budget years still; Budget 2028 gets the total the old plan had in its rows for 2028.
    expect(next).toContain('    - { year: 2027, total: 8400000, budgetColumn: budget2027 }\n    - { year: 2028, total: 8400000, budgetColumn: budget2028 }\n');
    expect(next).toContain('          - { label: "Staten", source: { contributions: staten }, values: { plan2029: 4200000 } }');
    // The outcome for 2026 is not last year's Budget 2026: it is left empty, to be filled in.
    expect(next).toMatch(/ {6}- \{ id: kansli, label: Kansli, values: \[ ?null, 3100000, 3200000, 3300000, null ?\] \}/);
    expect(result.stderr).toMatch(/plan-2028\/plan\.yaml:\d+:\d+ budget\.columns\[0\]: kolumnen utfall 2026 står tom: förra årets plan har inget utfall för 2026 \(den hade Budget 2026, som inte är utfallet\); fyll i utfallet för 2026 ur bokslutet\. Tills dess förs kapitalet till Budget 2027 som om 2026 gick jämnt ut/);

    const { plan } = await checkPlan(path.join(dir(), 'plan-2028'));
    expect(plan.budget!.columns.map((c) => c.id)).toEqual(['utfall2026', 'budget2027', 'budget2028', 'plan2029', 'plan2030']);
    expect(plan.budget!.totals.income).toEqual([null, 8_400_000, 8_400_000, 8_400_000, null]);
    expect(plan.budget!.totals.costs).toEqual([null, 8_700_000, 8_800_000, 8_900_000, null]);
    expect(plan.contributions!.parties.map((p) => p.amounts)).toEqual([
      [4_200_000, 4_200_000],
      [2_100_000, 2_100_000],
      [1_260_000, 1_260_000],
      [840_000, 840_000],
    ]);

    // The PDF: Utfall 2026 prints no figure (before, Budget 2026's under its heading), and the draft says it is one.
    expect((await vplan('build', 'plan-2028', '--out', 'plan-2028.pdf')).code).toBe(0);
    const text = await pdftotext(path.join(dir(), 'plan-2028.pdf'));
    const sums = sp(text.split('\n').find((line) => /^\s*Summa intäkter/.test(line))!);
    expect(sums.trim().split(/\s{2,}/)).toEqual(['Summa intäkter', '8 400 000', '8 400 000', '8 400 000']);
    expect(normalize(text)).toContain('Utkast till');
    expect(text).not.toMatch(/[Ff]astställd/);
  });

  it('leaves out the decision lines that say the draft is decided, and gives them back to write when it is', async () => {
    await writePlan();
    const result = await vplan('next', 'plan', '--out', 'plan-2028');
    expect(result.code, result.stderr).toBe(0);
    const next = await read('plan-2028', 'plan.yaml');
    expect(next).toContain('  status:\n    state: fastställd'.replace('fastställd', 'utkast'));
    expect(next).not.toMatch(/decisionText|closingText|decisionDate|paragraph/);
    expect(result.stderr).toContain(
      'document.status: closingText "Verksamhetsplanen med budget 2027 fastställdes av {organ} den {datum}, {paragraf}." säger att planen är beslutad ("fastställdes"), och nästa års plan är ett utkast; raden togs bort. När planen är fastställd: skriv tillbaka den (här med årtalen ett år fram) som closingText: "Verksamhetsplanen med budget 2028 fastställdes av {organ} den {datum}, {paragraf}." och ange state: fastställd (eller beslutad), decisionDate och paragraph',
    );
  });

  it('moves a year beside a moved figure with it, and says when a text quotes a column that starts empty', async () => {
    await writePlan();
    const result = await vplan('next', 'plan', '--out', 'plan-2028');
    expect(result.code, result.stderr).toBe(0);
    const section = await read('plan-2028', 'avsnitt', '01-ekonomi.md');
    // Before: "Vid utgången av 2029 … {{ capital.closing.plan2030 }}", the year not moved and not flagged.
    expect(section).toContain('Kostnaderna 2028 beräknas till {{ costs.budget2028 | kr }} kr. Förbundet bildades 2009.');
    expect(section).toContain('Vid utgången av 2030 beräknas det egna kapitalet till\n      {{ capital.closing.plan2030 | kr }} kr.');
    expect(result.stderr).toMatch(/01-ekonomi\.md:\d+:\d+ sections\[0\]\.sections\[0\]\.text: årtal i samma mening som ett citerat belopp flyttades med beloppet: 2027 → 2028, 2029 → 2030 \(2 ställen\)/);
    expect(result.stderr).toMatch(/01-ekonomi\.md:\d+:\d+ sections\[0\]\.sections\[0\]\.text: texten citerar \{\{ capital\.closing\.plan2030 \| kr \}\} ur Plan 2030, som är ny och tom; beloppet stämmer inte förrän kolumnen är ifylld/);
    expect(result.stderr).toMatch(/sections\[0\]\.sections\[0\]\.text: texten nämner 2009, som nu är förfluten tid/);
  });

  it('does not let contributions alone fill a new plan year: the table keeps its column, the budget column stays empty and is said so', async () => {
    await writePlan({ contributionsEveryYear: true });
    const result = await vplan('next', 'plan', '--out', 'plan-2028');
    expect(result.code, result.stderr).toBe(0);
    const next = await read('plan-2028', 'plan.yaml');
    // Before: Plan 2030 got 8 400 000 in contributions and no costs, a result of +8 400 000, and was called "ny och tom".
    expect(next).toContain('    - { year: 2030, total: 8400000 }\n');
    expect(next).toContain('    - { year: 2026, total: 8200000 }\n');
    const { plan } = await checkPlan(path.join(dir(), 'plan-2028'));
    expect(plan.budget!.totals.income).toEqual([null, 8_400_000, 8_400_000, 8_400_000, null]);
    expect(plan.budget!.totals.result[4]).toBeNull();
    expect(result.stderr).toMatch(/budget\.columns\[4\]: kolumnen plan 2030 är ny och tom; fyll i beloppen/);
    expect(sp(result.stderr)).toMatch(/contributions\.columns\[4\]: medlemsbidragen 2030 hämtas inte till Plan 2030 \(budgetColumn togs bort\), som är ny och tom .*skriv budgetColumn: plan2030 på kolumnen när kostnaderna för 2030 är ifyllda/);
    expect(sp(result.stderr)).toMatch(/contributions\.columns\[4\]: medlemsbidragen 2030 har fått 2029 års belopp \(totalen 8 400 000 kr\); skriv det som beslutas för 2030/);
  });

  it('keeps an acknowledgement with the column it names: last year\'s note is not printed under another year\'s column', async () => {
    await writePlan({ acknowledged: 'ceiling:utfall2025' });
    const result = await vplan('next', 'plan', '--out', 'plan-2028');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/acknowledgedWarnings\[0\]\.warning: planen ger ingen varning "ceiling:utfall2025" att kvittera/);
    expect(result.stderr).toMatch(/budget\.columns\[0\]: eget kapital .* vid slutet av Utfall 2026 är över taket .* \[ceiling:utfall2026;/);
    expect((await vplan('build', 'plan-2028', '--out', 'plan-2028.pdf')).code).toBe(0);
    expect(await pdftotext(path.join(dir(), 'plan-2028.pdf'))).not.toContain('Kapitalet vid utgången av 2025');
  });

  it('says which rows of a new column differ from the old column it starts from (contributions now allotted by share)', async () => {
    await writePlan();
    const file = path.join(dir(), 'plan', 'plan.yaml');
    // The old plan's 2028 amounts for the municipalities are not their shares of the total.
    const text = (await readFile(file, 'utf8')).replace('plan2028: 1260000, plan2029: 1260000', 'plan2028: 1300000, plan2029: 1260000').replace('plan2028: 840000, plan2029: 840000', 'plan2028: 800000, plan2029: 840000');
    await writeFile(file, text);
    const result = await vplan('next', 'plan', '--out', 'plan-2028');
    expect(result.code, result.stderr).toBe(0);
    expect(sp(result.stderr)).toMatch(
      /budget\.columns\[2\]: Budget 2028 började från Plan 2028 men har andra belopp \(kr\): Norrby kommun 1 260 000 \(förut 1 300 000\), Söderby kommun 840 000 \(förut 800 000\); medlemsbidragen räknas nu ur medlemsbidragstabellen – kontrollera raderna/,
    );
  });

  it('says an image outside the plan\'s folder was not copied, and where the new plan looks for it', async () => {
    await writePlan();
    await mkdir(path.join(dir(), 'delat'));
    await writeFile(path.join(dir(), 'delat', 'logo.png'), pngOf(40, 20));
    const file = path.join(dir(), 'plan', 'plan.yaml');
    await writeFile(file, (await readFile(file, 'utf8')).replace('file: bilder/logo.png', 'file: ../delat/logo.png'));
    // Beside the old plan's folder the path reads the same: nothing to copy.
    expect((await vplan('next', 'plan', '--out', 'plan-2028')).code).toBe(0);
    await mkdir(path.join(dir(), 'ny'));
    const elsewhere = await vplan('next', 'plan', '--out', 'ny/plan-2028');
    expect(elsewhere.code).toBe(1);
    expect(elsewhere.stderr).toMatch(/ny\/plan-2028\/plan\.yaml:\d+:\d+ document\.logo\.file: \.\.\/delat\/logo\.png ligger utanför planens mapp och kopierades inte; från nästa års plan pekar sökvägen på .*ny\/delat\/logo\.png, som inte finns/);
  });
});
