// What vplan archive refuses or warns about when filing: another förbund's plan under a dnr, a plan
// that still says it was adopted over changed content, a used file named by an absolute path, an
// archive folder inside a filed version, a dnr that differs from a filed one only in letter case.
import { describe, expect, it } from 'vitest';
import { copyFile, readdir } from 'node:fs/promises';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import path from 'node:path';
import { useTempDir } from './helpers/tempDir.js';
import { checkPlan } from '../src/build.js';
import { fileVersion, listVersions } from '../src/archive/archive.js';
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
