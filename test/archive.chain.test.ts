// The archive cannot change unnoticed: read-only versions, a hash chain with a head record, the files a
// plan uses filed with it and rebuilt byte for byte, the version number in the PDF, no duplicate
// versions, abandoned staging removed, one folder per dnr, and file-system errors in Swedish.
import { describe, expect, it, vi } from 'vitest';
import { execFile, spawnSync } from 'node:child_process';
import { chmod, copyFile, mkdir, readFile, readdir, rename, stat, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { createHash } from 'node:crypto';
import { useTempDir } from './helpers/tempDir.js';
import { pdfText } from './helpers/pdfText.js';
import { basePlan } from './helpers/plans.js';
import { checkPlan } from '../src/build.js';
import { computePlan } from '../src/compute/computePlan.js';
import { parsePlanText } from '../src/load/loadPlan.js';
import { renderHtml } from '../src/render/html.js';
import { PlanError, VplanError } from '../src/errors.js';
import { dnrFolder, fileVersion, isInsideArchive, listVersions, verifyArchive } from '../src/archive/archive.js';
import { removeTree } from '../src/archive/lock.js';
import { VERSION } from '../src/version.js';
import type { ComputedPlan } from '../src/model.js';

/** Faults injected into the file system: the operation fails with this code, and its calls are counted. */
const faults = vi.hoisted(() => ({ op: '', code: '', calls: 0 }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  const wrapped: Record<string, unknown> = { ...real };
  for (const op of ['mkdir', 'writeFile', 'rename', 'link'] as const) {
    wrapped[op] = (...args: unknown[]) => {
      if (faults.op === op) {
        faults.calls++;
        return Promise.reject(Object.assign(new Error(`${faults.code}: fake, ${op} '${String(args[0])}'`), { code: faults.code }));
      }
      return (real[op] as (...a: unknown[]) => Promise<unknown>)(...args);
    };
  }
  return { ...wrapped, default: wrapped };
});

const run = promisify(execFile);
const bin = path.resolve('bin/vplan.js');
const tmp = useTempDir('vplan-chain');
const archive = () => path.join(tmp(), 'archive');
const sha = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');
const fakePdf = (text: string) => new TextEncoder().encode(`%PDF-1.7 ${text}`);

async function finnveden() {
  const { plan, loaded } = await checkPlan('data/finnveden-2025.json');
  return { plan, bytes: loaded.bytes! };
}

async function file(plan: ComputedPlan, bytes: Uint8Array, options: { force?: boolean; pdf?: string } = {}) {
  const built: number[] = [];
  const outcome = await fileVersion(plan, bytes, {
    archiveDir: archive(),
    version: VERSION,
    force: options.force ?? false,
    build: async (_planFile, version) => {
      built.push(version);
      return fakePdf(options.pdf ?? `version ${version}`);
    },
  });
  return { outcome, built };
}

/** Files `n` versions of the same plan (forced) and returns the dnr folder. */
async function fileMany(n: number): Promise<string> {
  const { plan, bytes } = await finnveden();
  for (let i = 0; i < n; i++) await file(plan, bytes, { force: true });
  return path.join(archive(), '2024-11-2');
}

const problemsOf = async () => (await verifyArchive(archive())).problems.map((p) => `${path.basename(p.dir)}/${p.file}: ${p.problem}`);

/** A plan in its own folder using a logo at `logo` (relative to the plan). */
async function planWithLogo(logo: string, logoTarget = logo): Promise<string> {
  const dir = path.join(tmp(), 'plan');
  const plan = JSON.parse(await readFile('data/finnveden-2025.json', 'utf8'));
  delete plan.$schema;
  plan.document.logo = { file: logo, alt: 'Förbundets logotyp' };
  const target = path.resolve(dir, logoTarget);
  await mkdir(dir, { recursive: true });
  await mkdir(path.dirname(target), { recursive: true });
  await copyFile('test/fixtures/logo.png', target);
  await writeFile(path.join(dir, 'plan.json'), JSON.stringify(plan, null, 2));
  return path.join(dir, 'plan.json');
}

describe('filed versions are read-only', () => {
  it('makes every file 0444 and every folder 0555, the files the plan uses included', async () => {
    const planFile = await planWithLogo('img/logo.png');
    const { plan, loaded } = await checkPlan(planFile);
    const { outcome } = await file(plan, loaded.bytes!);
    expect(outcome.filed).toBe(true);
    const dir = path.join(archive(), '2024-11-2', 'v1');
    expect((await stat(dir)).mode & 0o777).toBe(0o555);
    expect((await stat(path.join(dir, 'img'))).mode & 0o777).toBe(0o555);
    for (const name of ['plan.json', 'manifest.json', '2024-11-2-v1.pdf', 'img/logo.png']) {
      expect((await stat(path.join(dir, name))).mode & 0o777, name).toBe(0o444);
    }
    expect(await problemsOf()).toEqual([]);
  });

  it('tells whether a path lies in the archive, through symbolic links too', async () => {
    await mkdir(path.join(archive(), '2024-11-2'), { recursive: true });
    expect(isInsideArchive(path.join(archive(), '2024-11-2', 'v1', 'x.pdf'), archive())).toBe(true);
    expect(isInsideArchive(archive(), archive())).toBe(true);
    expect(isInsideArchive(path.join(tmp(), 'archive-copy', 'x.pdf'), archive())).toBe(false);
    expect(isInsideArchive(path.join(tmp(), 'x.pdf'), archive())).toBe(false);
    await symlink(archive(), path.join(tmp(), 'link'));
    expect(isInsideArchive(path.join(tmp(), 'link', 'new.pdf'), archive())).toBe(true);
  });
});

describe('the hash chain and the head record', () => {
  it('links each manifest to the one before and records the latest in head.json', async () => {
    const dnrDir = await fileMany(3);
    const manifests = await Promise.all([1, 2, 3].map((n) => readFile(path.join(dnrDir, `v${n}`, 'manifest.json'))));
    const parsed = manifests.map((m) => JSON.parse(m.toString('utf8')));
    expect(parsed[0].previous).toBeNull();
    expect(parsed[1].previous).toEqual({ version: 1, sha256: sha(manifests[0]!) });
    expect(parsed[2].previous).toEqual({ version: 2, sha256: sha(manifests[1]!) });
    expect(JSON.parse(await readFile(path.join(dnrDir, 'head.json'), 'utf8'))).toEqual({ dnr: '2024:11 / 2', version: 3, sha256: sha(manifests[2]!) });
    expect(await problemsOf()).toEqual([]);
  });

  it('detects a deleted version in the middle', async () => {
    const dnrDir = await fileMany(3);
    await removeTree(path.join(dnrDir, 'v2'));
    expect(await problemsOf()).toEqual(['v2/: version saknas']);
  });

  it('detects a deleted last version through the head record', async () => {
    const dnrDir = await fileMany(3);
    await removeTree(path.join(dnrDir, 'v3'));
    expect(await problemsOf()).toEqual(['v3/: version saknas']);
    // And a new filing does not paper over the gap by taking its number.
    const { plan, bytes } = await finnveden();
    await expect(file(plan, bytes, { force: true })).rejects.toThrow(/inte intakt: version 3, som head\.json pekar på, saknas/);
  });

  it('detects a replaced version whose own manifest is consistent', async () => {
    const dnrDir = await fileMany(3);
    const v2 = path.join(dnrDir, 'v2');
    const manifest = JSON.parse(await readFile(path.join(v2, 'manifest.json'), 'utf8'));
    const forged = fakePdf('forged');
    manifest.files['2024-11-2-v2.pdf'] = { sha256: sha(forged), bytes: forged.byteLength };
    await chmod(v2, 0o755);
    for (const name of ['manifest.json', '2024-11-2-v2.pdf']) await chmod(path.join(v2, name), 0o644);
    await writeFile(path.join(v2, '2024-11-2-v2.pdf'), forged);
    await writeFile(path.join(v2, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    for (const name of ['manifest.json', '2024-11-2-v2.pdf']) await chmod(path.join(v2, name), 0o444);
    await chmod(v2, 0o555);
    // v3's link, vouched for by head.json, names v2's manifest as changed: the file itself, not the link.
    expect(await problemsOf()).toEqual(['v2/manifest.json: ändrad']);
  });

  it('detects reordered versions', async () => {
    const dnrDir = await fileMany(3);
    for (const v of ['v2', 'v3']) await chmod(path.join(dnrDir, v), 0o755);
    await rename(path.join(dnrDir, 'v2'), path.join(dnrDir, 'tmp'));
    await rename(path.join(dnrDir, 'v3'), path.join(dnrDir, 'v2'));
    await rename(path.join(dnrDir, 'tmp'), path.join(dnrDir, 'v3'));
    const problems = await problemsOf();
    expect(problems).toContain('v2/manifest.json: fel versionsnummer');
    expect(problems).toContain('v2/manifest.json: kedjan bruten');
    expect(problems).toContain('v3/manifest.json: kedjan bruten');
  });

  it('completes a filing killed before it moved the head record, and refuses a head far behind', async () => {
    const dnrDir = await fileMany(2);
    const head = path.join(dnrDir, 'head.json');
    const v1 = JSON.parse(await readFile(path.join(dnrDir, 'v2', 'manifest.json'), 'utf8')).previous;
    await chmod(head, 0o644);
    await writeFile(head, JSON.stringify({ dnr: '2024:11 / 2', ...v1 }));
    expect(await problemsOf()).toEqual(['2024-11-2/head.json: head.json stämmer inte']);
    const { plan, bytes } = await finnveden();
    const { outcome } = await file(plan, bytes, { force: true });
    expect(outcome.filed && outcome.version.manifest.version).toBe(3);
    expect(await problemsOf()).toEqual([]);

    await chmod(head, 0o644);
    await writeFile(head, JSON.stringify({ dnr: '2024:11 / 2', ...v1 }));
    await expect(file(plan, bytes, { force: true })).rejects.toThrow(/inte intakt: versionerna 2, 3 står inte i head\.json/);
  });

  it('reports a missing head record', async () => {
    const dnrDir = await fileMany(2);
    await removeTree(path.join(dnrDir, 'head.json'));
    expect(await problemsOf()).toEqual(['2024-11-2/head.json: head.json saknas']);
  });

  it('is an error to verify a folder that holds no archive', async () => {
    await expect(verifyArchive(path.join(tmp(), 'finns-inte'))).rejects.toThrow(/Arkivmappen .*finns-inte finns inte/);
    await mkdir(path.join(tmp(), 'tom'));
    await expect(verifyArchive(path.join(tmp(), 'tom'))).rejects.toThrow(/innehåller inget vplan-arkiv/);
    await fileMany(1);
    await expect(verifyArchive(archive(), '2099:1')).rejects.toThrow(/inga arkiverade versioner av 2099:1/);
    const result = await run(process.execPath, [bin, 'archive', 'verify', '--archive', path.join(tmp(), 'tom')]).catch((e) => e);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/innehåller inget vplan-arkiv/);
    expect(result.stderr).not.toMatch(/at .*\.js|Error/);
  });
});

describe('what is filed', () => {
  it('files no new version of an unchanged plan unless forced', async () => {
    const { plan, bytes } = await finnveden();
    expect((await file(plan, bytes)).built).toEqual([1]);
    const again = await file(plan, bytes);
    expect(again.outcome.filed).toBe(false);
    expect(again.built).toEqual([]);
    expect(!again.outcome.filed && again.outcome.latest.manifest.version).toBe(1);
    expect((await file(plan, bytes, { force: true })).built).toEqual([2]);
    const edited = new TextEncoder().encode(new TextDecoder().decode(bytes).replace('Verksamhetsplan 2025', 'Verksamhetsplan  2025'));
    expect((await file(plan, edited)).built).toEqual([3]);
  });

  it('refuses a used file outside the plan folder, in Swedish, naming the JSON path', async () => {
    const planFile = await planWithLogo('../utanfor/logo.png');
    const { plan, loaded } = await checkPlan(planFile);
    await expect(file(plan, loaded.bytes!)).rejects.toThrow(/document\.logo\.file "\.\.\/utanfor\/logo\.png" ligger utanför planens mapp/);
    expect(await readdir(tmp())).not.toContain('archive');
  });

  it('removes the staging folders of killed runs, only vplan\'s own, and never counts them', async () => {
    const dead = spawnSync(process.execPath, ['-e', '']).pid!;
    const root = archive();
    const abandoned = path.join(root, `.staging-${dead}-0a1b2c3d4e5f`);
    const live = path.join(root, `.staging-${process.pid}-0a1b2c3d4e5f`);
    const foreign = path.join(root, '.staging-notes');
    for (const dir of [abandoned, live, foreign]) {
      await mkdir(dir, { recursive: true });
      await writeFile(path.join(dir, 'manifest.json'), '{}', { mode: 0o444 });
    }
    await mkdir(path.join(root, '2024-11-2', `.staging-${dead}-ffffffffffff`), { recursive: true });
    await fileMany(1);
    const left = await readdir(root);
    expect(left).not.toContain(path.basename(abandoned));
    expect(left).toEqual(expect.arrayContaining([path.basename(live), path.basename(foreign)]));
    expect((await readdir(path.join(root, '2024-11-2'))).sort()).toEqual(['head.json', 'v1']);
    expect((await listVersions(root)).map((v) => v.manifest.version)).toEqual([1]);
    expect((await verifyArchive(root)).checked).toBe(1);
  });
});

describe('one folder per dnr', () => {
  it('gives different dnr different folders and the same dnr, spaced differently, the same folder', () => {
    expect(dnrFolder('KS Å 1')).not.toBe(dnrFolder('KS A 1'));
    expect(dnrFolder('KS A 1')).toBe('KS-A-1');
    expect(dnrFolder('2024:11/2')).toBe(dnrFolder('2024:11 / 2'));
    expect(dnrFolder('KS Å 1')).toMatch(/^KS-A-1_[0-9a-f]{16}$/);
    expect(dnrFolder('KS A 1 ' + dnrFolder('KS Å 1').split('_')[1])).not.toBe(dnrFolder('KS Å 1'));
    expect(dnrFolder('日本')).not.toBe(dnrFolder('中国'));
    expect(dnrFolder('KS Å 1')).toBe(dnrFolder('KS A\u030a 1'));
  });

  it('files "KS Å 1" and "KS A 1" apart', async () => {
    const { plan, bytes } = await finnveden();
    for (const dnr of ['KS Å 1', 'KS A 1']) await file({ ...plan, document: { ...plan.document, dnr } }, bytes);
    expect((await listVersions(archive())).map((v) => [v.manifest.dnr, v.manifest.version])).toEqual(
      expect.arrayContaining([['KS Å 1', 1], ['KS A 1', 1]]),
    );
    expect(await listVersions(archive(), 'KS Å 1')).toHaveLength(1);
  });

  it('accepts in validate exactly the dnr the archive accepts', async () => {
    const valid = (dnr: string) => {
      const plan = basePlan();
      (plan.document as { dnr?: string }).dnr = dnr;
      return () => parsePlanText('plan.json', JSON.stringify(plan));
    };
    const { plan, bytes } = await finnveden();
    expect(valid('日本')).not.toThrow();
    await file({ ...plan, document: { ...plan.document, dnr: '日本' } }, bytes);
    expect((await listVersions(archive(), '日本'))[0]!.manifest.dnr).toBe('日本');
    for (const dnr of ['--- / ---', 'KS\u000b1']) {
      expect(valid(dnr)).toThrow(PlanError);
      try {
        valid(dnr)();
      } catch (error) {
        expect((error as PlanError).describe()).toMatch(/document\.dnr: diarienumret .*skriv/);
      }
      expect(() => dnrFolder(dnr)).toThrow(VplanError);
    }
  });
});

describe('the version number in the PDF', () => {
  it('prints "Dnr …, version N" on the modern title page', async () => {
    const outcome = computePlan(basePlan({ document: { ...basePlan().document, dnr: '2024:11 / 2', theme: 'modern' } }), path.resolve('plan.json'));
    const html = await renderHtml({ ...outcome.plan!, document: { ...outcome.plan!.document, archiveVersion: 3 } }, { generator: 'vplan test' });
    expect(html).toContain('Dnr 2024:11 / 2, version 3</p>');
  });
});

describe('file-system errors', () => {
  const cases = [
    { op: 'mkdir', code: 'EACCES', message: /Arkivet: kunde inte skapa arkivmappen .*archive: vplan har inte behörighet\./ },
    { op: 'writeFile', code: 'ENOSPC', message: /Arkivet: kunde inte .*: disken är full\.\nFrigör utrymme/ },
    { op: 'rename', code: 'EPERM', message: /Arkivet: kunde inte arkivera version 1 som .*v1: åtgärden är inte tillåten\./ },
    { op: 'link', code: 'EACCES', message: /Arkivet: kunde inte skapa låset .*\.lock: vplan har inte behörighet/ },
  ];
  for (const { op, code, message } of cases) {
    it(`${code} in ${op} is one Swedish error naming the path, tried once`, async () => {
      const { plan, bytes } = await finnveden();
      Object.assign(faults, { op, code, calls: 0 });
      const error = await file(plan, bytes).then(
        () => undefined,
        (e: unknown) => e,
      );
      Object.assign(faults, { op: '', code: '' });
      expect(error).toBeInstanceOf(VplanError);
      expect((error as VplanError).describe()).toMatch(message);
      expect((error as VplanError).describe()).not.toMatch(/fake|Error/);
      expect(faults.calls).toBe(1);
      expect((await readdir(archive()).catch(() => [])).filter((e) => e.startsWith('.staging'))).toEqual([]);
    });
  }
});

describe('vplan archive (CLI): checksum, version in the PDF, rebuild', () => {
  it('files the plan with its logo, prints the manifest checksum, and verify --rebuild finds a PDF its plan does not give', async () => {
    const planFile = await planWithLogo('logo.png');
    const filed = await run(process.execPath, [bin, 'archive', planFile, '--archive', archive()]);
    const dir = path.join(archive(), '2024-11-2', 'v1');
    const manifest = await readFile(path.join(dir, 'manifest.json'));
    expect(filed.stdout).toContain(`Kontrollsumma ${sha(manifest)}, anteckna den i diariet`);
    expect(Object.keys(JSON.parse(manifest.toString('utf8')).files).sort()).toEqual(['2024-11-2-v1.pdf', 'logo.png', 'plan.json']);
    expect(Buffer.compare(await readFile(path.join(dir, 'logo.png')), await readFile('test/fixtures/logo.png'))).toBe(0);

    const pdf = new Uint8Array(await readFile(path.join(dir, '2024-11-2-v1.pdf')));
    const text = await pdfText(pdf);
    expect(text.pages[0]).toMatch(/\(dnr 2024:11 \/ 2, version 1\)/);
    expect(String(text.info.Keywords)).toContain('dnr 2024:11 / 2 version 1');

    const again = await run(process.execPath, [bin, 'archive', planFile, '--archive', archive()]);
    expect(again.stdout).toMatch(/oförändrad sedan 2024:11 \/ 2 version 1 .*ingen ny version arkiverades/);
    expect(again.stdout).toContain('--force');

    // A version whose PDF is not what its plan gives: every hash agrees, only a rebuild can tell.
    const { plan, loaded } = await checkPlan(planFile);
    await file(plan, loaded.bytes!, { force: true, pdf: 'not built from the plan' });
    const verified = await run(process.execPath, [bin, 'archive', 'verify', '--rebuild', '--archive', archive()]).catch((e) => e);
    expect(verified.stdout).toContain('alla filer stämmer med manifesten och kedjan är hel');
    expect(verified.stdout).toContain('2 versioner byggda om, 1 fel');
    expect(verified.stderr.trim()).toBe(`${path.join(archive(), '2024-11-2', 'v2', '2024-11-2-v2.pdf')}: ombyggd PDF skiljer sig`);
    expect(verified.code).toBe(1);
  });
});
