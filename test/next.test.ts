// vplan next: next year's plan from each example, in the same form, without touching the old plan.
import { describe, expect, it } from 'vitest';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { checkPlan } from '../src/build.js';
import { loadPlan } from '../src/load/loadPlan.js';
import { nextYear, shiftYears } from '../src/next/nextYear.js';
import { useTempDir } from './helpers/tempDir.js';
import { basePlan } from './helpers/plans.js';
import { runVplan } from './helpers/cli.js';

const dir = useTempDir('vplan-next');

const vplan = (...args: string[]) => runVplan(dir(), ...args);

describe('vplan next', () => {
  it('moves Finnveden 2025 on a year: columns, amounts, capital chain, quoted figures, status; the old plan untouched', async () => {
    const before = await readFile('data/finnveden-2025.json');
    const { plan: old } = await checkPlan('data/finnveden-2025.json');
    const result = await vplan('next', path.resolve('data/finnveden-2025.json'), '--out', 'plan-2026.json');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('plan för 2026 (utkast, utan dnr och beslutsdatum)');
    expect(result.stderr).toMatch(/varning: plan-2026\.json:\d+:\d+ budget\.columns\[4\]: kolumnen plan 2028 är ny och tom/);
    expect(result.stderr).toMatch(/texten nämner 2025, som nu är förfluten tid/);
    // The prognos for 2025 starts from the budget for 2025: said, so that it is not printed as a forecast unawares.
    expect(result.stderr).toMatch(/budget\.columns\[1\]: kolumnen prognos 2025 har fått beloppen från Budget 2025, inte en prognos; skriv prognosen för 2025/);
    // Said once: the built plan's own warning of an empty column is not repeated.
    expect(result.stderr).not.toMatch(/har inget belopp i någon rad/);
    expect(await readFile('data/finnveden-2025.json')).toEqual(before);

    const { plan } = await checkPlan(path.join(dir(), 'plan-2026.json'));
    expect(plan.document.budgetYear).toBe(2026);
    expect(plan.document.title).toBe('Verksamhetsplan 2026');
    // The budget section's title names the new columns' years, as the document's title does.
    expect(plan.sections.map((s) => s.title)).toContain('Budget 2026 och plan 2027–2028');
    expect(plan.sections.map((s) => s.title)).not.toContain('Budget 2025 och plan 2026–2027');
    expect(plan.document.status.state).toBe('utkast');
    expect(plan.document.dnr).toBeUndefined();
    expect(plan.budget!.columns.map((c) => c.id)).toEqual(['budget2025', 'prognos2025', 'budget2026', 'plan2027', 'plan2028']);
    // Each new column starts from the old plan's amounts for its year; the opening capital of the
    // budget year is the closing capital of the prognos, as the old plan computed it.
    const index = (id: string) => old.budget!.columns.findIndex((c) => c.id === id);
    expect(plan.budget!.totals.costs.slice(0, 4)).toEqual([
      old.budget!.totals.costs[index('budget2025')],
      old.budget!.totals.costs[index('budget2025')],
      old.budget!.totals.costs[index('plan2026')],
      old.budget!.totals.costs[index('plan2027')],
    ]);
    expect(plan.budget!.totals.costs[4]).toBeNull();
    expect(plan.budget!.totals.openingCapital[0]).toBe(old.budget!.totals.openingCapital[index('budget2025')]);
    expect(plan.budget!.totals.openingCapital[2]).toBe(plan.budget!.totals.closingCapital[1]);
  });

  it('says when a new budget year starts from the amounts of the year before, as two budget columns do', async () => {
    const result = await vplan('next', path.resolve('data/sodra-vatterbygden-2013.yaml'), '--out', 'sodra-2014.yaml');
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/varning: sodra-2014\.yaml:\d+:\d+ budget\.columns\[1\]: kolumnen budget 2015 är ny och har fått beloppen från Budget 2014; skriv 2015 års belopp/);
  });

  it('writes a YAML plan as YAML and a plan folder as a folder', async () => {
    const yaml = await vplan('next', path.resolve('data/sodra-vatterbygden-2013.yaml'), '--out', 'ny.yaml');
    expect(yaml.code).toBe(0);
    expect((await readFile(path.join(dir(), 'ny.yaml'), 'utf8')).split('\n')[0]).toBe('# yaml-language-server: $schema=./plan.schema.json');
    const { plan } = await checkPlan(path.join(dir(), 'ny.yaml'));
    expect(plan.budget!.columns.map((c) => c.id)).toEqual(['budget2014', 'budget2015']);

    // Botkyrka 2018 used saved capital; the same costs a year on would spend more than there is.
    const folder = await vplan('next', path.resolve('data/botkyrka-huddinge-salem-2018'), '--out', 'ny-mapp');
    expect(await readdir(path.join(dir(), 'ny-mapp'))).toEqual(expect.arrayContaining(['plan.yaml', 'avsnitt']));
    expect(folder.code).toBe(1);
    expect(folder.stderr).toMatch(/ny-mapp\/plan\.yaml:\d+:\d+ budget\.columns\[1\]: eget kapital blir −4[\s\u00a0\u202f]198 tkr vid slutet av Budget 2019/);
    expect(folder.stderr).toContain('Nästa års plan skrevs till ny-mapp, men den har fel');
    // With the error, what next did, which explains it (before, none of next's warnings were shown then).
    expect(folder.stderr).toMatch(/ny-mapp\/plan\.yaml:\d+:\d+ budget\.columns\[1\]: kolumnen budget 2019 är ny och har fått beloppen från Budget 2018; skriv 2019 års belopp/);
  });

  it('moves quoted figures with their columns and leaves a marker for a decision date not yet taken', async () => {
    const loaded = await loadPlan('data/botkyrka-huddinge-salem-2018');
    const { plan } = await checkPlan('data/botkyrka-huddinge-salem-2018');
    const next = nextYear(loaded.parsed.value as Record<string, unknown>, plan.budget);
    const text = JSON.stringify(next.value);
    expect(text).toContain('contributions.total.2018');
    expect(text).not.toContain('contributions.total.2017');
    expect(text).toContain('[beslutsdatum]');
    expect(next.warnings).toContainEqual(expect.objectContaining({ path: ['document', 'preface'], message: expect.stringContaining('[beslutsdatum]') }));
  });

  it('names every line of a text that names a past year, not only the first; the new empty column stays a warning', async () => {
    const plan = JSON.parse(await readFile('data/finnveden-2025.json', 'utf8'));
    plan.sections[0].text = [
      'Förbundet bildades 2009.',
      '',
      'Kostnaderna 2026 beräknas till {{ costs.plan2026 | mkr }} miljoner.',
      '',
      'Kostnaderna 2025 och 2026 är lika.',
    ].join('\n');
    await writeFile(path.join(dir(), 'years.json'), JSON.stringify(plan, null, 2));
    const result = await vplan('next', 'years.json', '--out', 'years-2027.json');
    expect(result.code).toBe(0);
    const lines = result.stderr.split('\n').filter((l) => /sections\[0\]\.text: texten nämner/.test(l));
    expect(lines.map((l) => /texten nämner ([\d, ]+), som/.exec(l)![1])).toEqual(['2009', '2025']);
    // Each where it stands in the file: one JSON line, two columns.
    const at = lines.map((l) => /years-2027\.json:(\d+:\d+)/.exec(l)![1]);
    expect(new Set(at).size).toBe(2);
    // The year beside the quoted figure moved with it (its column is next year's Plan 2027), and that is said.
    const written = JSON.parse(await readFile(path.join(dir(), 'years-2027.json'), 'utf8'));
    expect(written.sections[0].text).toContain('Kostnaderna 2027 beräknas till {{ costs.plan2027 | mkr }} miljoner.');
    expect(result.stderr).toMatch(/sections\[0\]\.text: årtal i samma mening som ett citerat belopp flyttades med beloppet: 2026 → 2027;/);
    // Built, the plan still says its new column is empty, so that it is not printed so unawares.
    const { warnings } = await checkPlan(path.join(dir(), 'years-2027.json'));
    expect(warnings.map((w) => w.message)).toContainEqual(expect.stringMatching(/^kolumnen Plan 2028 har inget belopp i någon rad och skrivs ut tom/));
  });

  it('moves given member contributions (rounding "given") with their column, and says they are last year\'s', async () => {
    const plan = {
      ...basePlan({ sections: [{ type: 'contributions', title: 'Medlemsbidrag' }] }),
      contributions: {
        rounding: 'given',
        parties: [
          { name: 'Försäkringskassan', role: 'stat', amounts: { '2025': 500_000 } },
          { name: 'Regionen', role: 'region', amounts: { '2025': 250_000 } },
          { name: 'Kommunen', role: 'kommun', amounts: { '2025': 250_000 } },
        ],
        columns: [{ year: 2025 }],
      },
    };
    await writeFile(path.join(dir(), 'given.json'), JSON.stringify(plan, null, 2));
    const result = await vplan('next', 'given.json', '--out', 'given-2026.json');
    // Before: the column moved to 2026 and the amounts stayed under "2025", five errors and exit 1.
    expect(result.stderr).not.toMatch(/fel/);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/varning: given-2026\.json:\d+:\d+ contributions\.parties: medlemsbidragens belopp \(parties\[\]\.amounts\) är förra årets, flyttade till 2026; skriv de belopp som beslutas för 2026/);
    const { plan: next } = await checkPlan(path.join(dir(), 'given-2026.json'));
    expect(next.contributions!.columns.map((c) => [c.year, c.total])).toEqual([[2026, 1_000_000]]);
    expect(next.contributions!.parties.map((p) => p.amounts)).toEqual([[500_000], [250_000], [250_000]]);
  });

  it('gives each new contributions column the money of last year\'s column for its year, where there is one', () => {
    const value = {
      contributions: {
        rounding: 'given',
        parties: [{ name: 'Staten', role: 'stat', amounts: { '2025': 500, '2026': 600 } }],
        columns: [
          { year: 2025, total: 1000 },
          { year: 2026, total: 1200 },
        ],
      },
    };
    const next = nextYear(value, undefined).value as typeof value;
    // Last year's 2026 is this year's 2026; the new 2027 starts from it.
    expect(next.contributions.columns).toEqual([
      { year: 2026, total: 1200 },
      { year: 2027, total: 1200 },
    ]);
    expect(next.contributions.parties[0]!.amounts).toEqual({ '2026': 600, '2027': 600 });
  });

  it('refuses to write over anything', async () => {
    const result = await vplan('next', path.resolve('data/finnveden-2025.json'), '--out', path.resolve('data/finnveden-2025.json'));
    expect(result.code).toBe(2);
    expect(shiftYears('med budget 2025 och plan 2026–2027 (lag 2003:1210)')).toBe('med budget 2026 och plan 2027–2028 (lag 2003:1210)');
  });
});
