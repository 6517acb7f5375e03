// What vplan archive refuses or warns about when filing: another förbund's plan under a dnr, a plan
// that still says it was adopted over changed content, a used file named by an absolute path, an
// archive folder inside a filed version, a dnr that differs from a filed one only in letter case.
import { describe, expect, it } from 'vitest';
import { copyFile, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import path from 'node:path';
import { useTempDir } from './helpers/tempDir.js';
import { checkPlan } from '../src/build.js';
import { fileVersion, listVersions } from '../src/archive/archive.js';
import { staleDecision } from '../src/archive/decision.js';
import type { ComputedPlan } from '../src/model.js';

const tmp = useTempDir('vplan-filing');
const archive = () => path.join(tmp(), 'archive');

async function finnveden() {
  const { plan, loaded } = await checkPlan('data/finnveden-2025.json');
  return { plan, bytes: loaded.bytes! };
}

const fakeBuild = async (_planFile: string, version: number) => new TextEncoder().encode(`%PDF-1.7 ${version}`);
const file = (plan: ComputedPlan, bytes: Uint8Array, force = false, archiveDir = archive()) =>
  fileVersion(plan, bytes, { archiveDir, version: '0', force, build: fakeBuild });

describe('one dnr, one förbund', () => {
  it('refuses another förbund\'s plan under a filed dnr, saying what to do; --force files a renamed förbund and says so', async () => {
    const { plan, bytes } = await finnveden();
    await file(plan, bytes);
    const other = { ...plan, document: { ...plan.document, associationName: 'Samordningsförbundet Östra Södermanland' } };
    const edited = new TextEncoder().encode(new TextDecoder().decode(bytes).replace('Finnvedens Samordningsförbund', 'Samordningsförbundet Östra Södermanland'));
    const refused = await file(other, edited).catch((e: Error & { describe?: () => string }) => e);
    expect(refused).toBeInstanceOf(Error);
    const message = (refused as { describe: () => string }).describe();
    expect(message).toContain('förbundet är "Samordningsförbundet Östra Södermanland", men 2024:11 / 2 version 1 arkiverades för "Finnvedens Samordningsförbund"');
    expect(message).toContain('ingen ny version arkiverades');
    expect(message).toMatch(/rätta document\.dnr .* arkivera med --force/s);
    expect((await listVersions(archive())).map((v) => v.manifest.version)).toEqual([1]);

    // Spacing and letter case are the same förbund.
    const spaced = { ...plan, document: { ...plan.document, associationName: 'finnvedens  samordningsförbund' } };
    const same = await file(spaced, new TextEncoder().encode(new TextDecoder().decode(bytes) + ' '));
    expect(same.filed && !same.renamed).toBe(true);

    const forced = await file(other, edited, true);
    expect(forced.filed && forced.renamed).toEqual({ from: 'finnvedens  samordningsförbund', version: 2 });
    expect((await listVersions(archive())).map((v) => v.manifest.association)).toEqual([
      'Finnvedens Samordningsförbund',
      'finnvedens  samordningsförbund',
      'Samordningsförbundet Östra Södermanland',
    ]);
  });
});

describe('nothing but vplan archive writes in the archive', () => {
  const run = promisify(execFile);
  const bin = path.resolve('bin/vplan.js');
  const vplan = (...args: string[]) =>
    run(process.execPath, [bin, ...args], { cwd: tmp() }).then(
      (r) => ({ ...r, code: 0 }),
      (e) => e as { code: number; stdout: string; stderr: string },
    );

  it('refuses every writing command a target in a filed version, a dnr folder or the archive folder, and writes nothing', async () => {
    const { plan, bytes } = await finnveden();
    const defaultArchive = path.join(tmp(), 'output', 'archive');
    await file(plan, bytes, false, defaultArchive);
    await copyFile('data/finnveden-2025.json', path.join(tmp(), 'plan.json'));
    const v1 = path.join('output', 'archive', '2024-11-2', 'v1');
    const before = await readdir(path.join(tmp(), v1));
    const cases: [string[], RegExp][] = [
      [['convert', 'plan.json', '--to', 'yaml', '--out', `${v1}/plan.yaml`], /^--out .*v1\/plan\.yaml: det är i en arkiverad version \(.*v1\), som aldrig ändras; inget skrevs\.\nSkriv planen utanför arkivet, t\.ex\. --out plan\.yaml\./],
      [['convert', 'plan.json', '--to', 'folder', '--out', `${v1}/mapp`], /i en arkiverad version/],
      [['export-budget', 'plan.json', `${v1}/budget.xlsx`], /^output\/archive\/2024-11-2\/v1\/budget\.xlsx: det är i en arkiverad version/],
      [['import-budget', 'plan.json', 'budget.xlsx', '--out', `${v1}/ny.json`], /i en arkiverad version/],
      [['next', 'plan.json', '--out', `${v1}/plan-2026.json`], /i en arkiverad version/],
      [['schema', '--out', `${v1}/plan.schema.json`], /i en arkiverad version/],
      [['init', `${v1}/ny-plan`], /i en arkiverad version/],
      [['import', 'plan.docx', '--out', `${v1}/plan`], /i en arkiverad version/],
      [['convert', 'plan.json', '--to', 'yaml', '--out', 'output/archive/2024-11-2/plan.yaml'], /i arkivets mapp för ett diarienummer/],
      [['export-budget', 'plan.json', 'output/archive/budget.xlsx'], /det är i arkivet \(output\/archive\), där bara vplan archive skriver/],
      [['build', 'plan.json', '--out', 'ut.pdf', '--html', 'output/archive/plan.html'], /Skriv HTML-filen utanför arkivet/],
    ];
    for (const [args, message] of cases) {
      const result = await vplan(...args);
      expect(result.code, args.join(' ')).toBe(1);
      expect(result.stderr, args.join(' ')).toMatch(message);
    }
    expect(await readdir(path.join(tmp(), v1))).toEqual(before);
    expect((await readdir(path.join(tmp(), 'output', 'archive'))).sort()).toEqual(['2024-11-2']);
    expect((await readdir(path.join(tmp(), 'output', 'archive', '2024-11-2'))).sort()).toEqual(['head.json', 'v1']);
  });

  it('refuses --archive inside a filed version or a dnr folder, naming the archive folder', async () => {
    const { plan, bytes } = await finnveden();
    await file(plan, bytes);
    const v1 = path.join(archive(), '2024-11-2', 'v1');
    for (const sub of [['plan.json'], ['verify'], ['list']]) {
      const result = await vplan('archive', ...sub, '--archive', v1);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`--archive ${v1}: det är i en arkiverad version (${v1}), som aldrig ändras, inte ett arkivs mapp.`);
      expect(result.stderr).toContain('Ange arkivets mapp, t.ex. --archive archive.');
    }
    const dnr = await vplan('archive', 'verify', '--archive', path.join(archive(), '2024-11-2'));
    expect(dnr.stderr).toContain('det är i arkivets mapp för ett diarienummer');
    expect(await readdir(v1)).toEqual(['2024-11-2-v1.pdf', 'manifest.json', 'plan.json']);
  });
});

describe('an adopted plan changed since its decision', () => {
  it('warns at filing, as vplan diff does, when a version still says adopted on the same date over a changed budget', async () => {
    const dir = path.join(tmp(), 'plan');
    await mkdir(dir);
    const value = JSON.parse(await readFile('data/finnveden-2025.json', 'utf8'));
    value.document.status.state = 'fastställd';
    const planFile = path.join(dir, 'plan.json');
    const fileIt = async () => {
      await writeFile(planFile, JSON.stringify(value, null, 2));
      const { plan, loaded } = await checkPlan(planFile);
      const outcome = await file(plan, loaded.bytes!);
      if (!outcome.filed) throw new Error('not filed');
      return { plan, version: outcome.version };
    };
    const first = await fileIt();
    expect(await staleDecision(first.plan, first.version, await listVersions(archive()))).toBeUndefined();
    // The same decision, a figure changed.
    value.budget.costs.rows[1].rows[0].values.budget2025 = 600000;
    const second = await fileIt();
    const warning = await staleDecision(second.plan, second.version, await listVersions(archive()));
    expect(warning).toBe(
      'OBS: 2024:11 / 2 version 2 jämförd med version 1, som också är fastställd 2024-11-28: den nya versionen säger fortfarande att planen är fastställd 2024-11-28, ' +
        'men budgeten har ändrats sedan dess; sätt status till förslag (eller utkast) tills det finns ett nytt beslut, och skriv då det beslutets datum. ' +
        'Versionen är arkiverad; arkivera den rättade planen som nästa version (vplan diff "2024:11 / 2@1" "2024:11 / 2@2" visar ändringarna).\n',
    );
    // Set back to förslag: nothing to warn about.
    value.document.status.state = 'förslag';
    const third = await fileIt();
    expect(await staleDecision(third.plan, third.version, await listVersions(archive()))).toBeUndefined();
  });
});

describe('vplan archive (CLI): the OBS on an adopted plan changed since its decision', () => {
  it('files the version and prints the OBS on stderr, exit code 0', async () => {
    const run = promisify(execFile);
    const planFile = path.join(tmp(), 'plan.yaml');
    const text = await readFile('data/sodra-vatterbygden-2013.yaml', 'utf8');
    await writeFile(planFile, text);
    const archiveIt = () => run(process.execPath, [path.resolve('bin/vplan.js'), 'archive', planFile, '--archive', archive()]);
    expect((await archiveIt()).stderr).not.toContain('OBS');
    await writeFile(planFile, text.replace('budget2013: 894000', 'budget2013: 900000'));
    const second = await archiveIt();
    expect(second.stdout).toContain('2012:12 / 7 version 2');
    expect(second.stderr).toContain('OBS: 2012:12 / 7 version 2 jämförd med version 1, som också är fastställd 2012-11-26: den nya versionen säger fortfarande att planen är fastställd 2012-11-26, men budgeten har ändrats sedan dess');
  });
});

describe('names and paths', () => {
  it('calls an absolute path inside the plan folder what it is, not "outside the plan folder"', async () => {
    const dir = path.join(tmp(), 'plan');
    await mkdir(dir);
    const value = JSON.parse(await readFile('data/finnveden-2025.json', 'utf8'));
    delete value.$schema;
    value.document.logo = { file: path.join(dir, 'logo.png'), alt: 'Logotyp' };
    await copyFile('test/fixtures/logo.png', path.join(dir, 'logo.png'));
    await writeFile(path.join(dir, 'plan.json'), JSON.stringify(value));
    const { plan, loaded } = await checkPlan(path.join(dir, 'plan.json'));
    const error = await file(plan, loaded.bytes!).catch((e: { describe: () => string }) => e.describe());
    expect(error).toContain(`document.logo.file "${path.join(dir, 'logo.png')}" är en absolut sökväg; den arkiverade planen skulle då läsa filen här, inte kopian i arkivet.`);
    expect(error).toContain('Skriv sökvägen relativt planen: "logo.png".');
    expect(error).not.toContain('utanför');
  });

  it('refuses a dnr that differs from a filed one only in letter case', async () => {
    const { plan, bytes } = await finnveden();
    await file({ ...plan, document: { ...plan.document, dnr: 'KS 2024/1' } }, bytes);
    const error = await file({ ...plan, document: { ...plan.document, dnr: 'ks 2024/1' } }, bytes).catch((e: { describe: () => string }) => e.describe());
    expect(error).toMatch(/^Diarienumret ks 2024\/1 skiljer sig från KS 2024\/1, som redan finns i arkivet \(mappen .*KS-2024-1\), bara i stora och små bokstäver; ingen version arkiverades\.\nÄr det samma ärende, skriv document\.dnr som i arkivet: "KS 2024\/1"/);
    expect(await readdir(archive())).toEqual(['KS-2024-1']);
  });

  it('says which versions and dnr the archive has when dnr@version is not there', async () => {
    const run = promisify(execFile);
    const { plan, bytes } = await finnveden();
    await file({ ...plan, document: { ...plan.document, dnr: 'BHS 2017/45' } }, bytes);
    await file(plan, bytes);
    const diff = (a: string) =>
      run(process.execPath, [path.resolve('bin/vplan.js'), 'diff', a, '2024:11 / 2@1', '--archive', archive()]).catch((e: { code: number; stderr: string }) => e);
    expect((await diff('BHS2017/45@1') as { stderr: string }).stderr).toContain('Menar du "BHS 2017/45@N"?');
    expect((await diff('2024:11 / 2@7') as { stderr: string }).stderr).toContain('2024:11 / 2 har version 1; se vplan archive list.');
    const other = (await diff('2099:1@1')) as { code: number; stderr: string };
    expect(other.code).toBe(1);
    expect(other.stderr).toContain('Arkivet har diarienumren "2024:11 / 2", "BHS 2017/45"');
  });
});

describe('a dnr folder whose head.json is gone', () => {
  it('says head.json is missing, not that the versions are not in it', async () => {
    const { plan, bytes } = await finnveden();
    await file(plan, bytes);
    await file(plan, bytes, true);
    await rm(path.join(archive(), '2024-11-2', 'head.json'));
    const error = await file(plan, bytes, true).catch((e: Error) => e.message);
    expect(error).toContain('är inte intakt: head.json saknas, fast versionerna 1, 2 finns. Ingen ny version arkiverades.');
  });
});
