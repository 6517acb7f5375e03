// verify sees everything in the archive: an entry that is not a version, head.json or vplan's own lock
// (hidden ones too), a dnr folder without versions, a symbolic link; a changed manifest is named as
// changed; its all-clear says what it proves and what only the diarium shows.
import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { chmod, mkdir, readFile, rename, symlink, writeFile, copyFile, cp } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { createHash } from 'node:crypto';
import { useTempDir } from './helpers/tempDir.js';
import { checkPlan } from '../src/build.js';
import { fileVersion, verifyArchive } from '../src/archive/archive.js';

const run = promisify(execFile);
const bin = path.resolve('bin/vplan.js');
const tmp = useTempDir('vplan-verify');
const archive = () => path.join(tmp(), 'archive');
const dnrDir = () => path.join(archive(), '2024-11-2');
const sha = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');

/** Files `n` versions of Finnveden's plan (a stand-in PDF) and returns the dnr folder. */
async function fileMany(n: number): Promise<string> {
  const { plan, loaded } = await checkPlan('data/finnveden-2025.json');
  for (let i = 0; i < n; i++) {
    await fileVersion(plan, loaded.bytes!, { archiveDir: archive(), version: '0', force: true, build: async (_f, v) => new TextEncoder().encode(`%PDF-1.7 ${v}`) });
  }
  return dnrDir();
}

async function verify(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return run(process.execPath, [bin, 'archive', 'verify', ...args, '--archive', archive()]).then(
    (r) => ({ ...r, code: 0 }),
    (e) => e as { code: number; stdout: string; stderr: string },
  );
}

const problemsOf = async () => (await verifyArchive(archive())).problems.map((p) => `${path.basename(p.dir)}/${p.file}: ${p.problem}`);

/** head.json pointing at version `n`, as someone with a text editor would write it. */
async function pointHeadAt(n: number): Promise<void> {
  const manifest = await readFile(path.join(dnrDir(), `v${n}`, 'manifest.json'));
  const head = path.join(dnrDir(), 'head.json');
  await chmod(head, 0o644);
  await writeFile(head, JSON.stringify({ dnr: '2024:11 / 2', version: n, sha256: sha(manifest) }, null, 2));
}

describe('verify reports everything that is not a version', () => {
  it('finds the latest version hidden as a dot-folder with head.json moved back, and filing refuses', async () => {
    await fileMany(3);
    await rename(path.join(dnrDir(), 'v3'), path.join(dnrDir(), '.v3-undan'));
    await pointHeadAt(2);
    const result = await verify();
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`${path.join(dnrDir(), '.v3-undan')}: okänd mapp (innehåller version 3 av 2024:11 / 2: en arkiverad version utanför sin plats)\n`);
    expect(result.stdout).toContain('2024:11 / 2 (mappen 2024-11-2): inte intakt (1 fel)');
    expect(result.stdout).not.toContain('stämmer med manifesten');
    // The number is not taken again while the old version 3 lies beside the chain.
    const { plan, loaded } = await checkPlan('data/finnveden-2025.json');
    const refused = await fileVersion(plan, loaded.bytes!, { archiveDir: archive(), version: '0', force: true, build: async () => new Uint8Array() }).catch((e: Error) => e);
    expect((refused as Error).message).toMatch(/inte intakt: 2024-11-2\/\.v3-undan: okänd mapp \(innehåller version 3/);
  });

  it('reports files and folders beside the versions and in the archive folder, hidden ones too', async () => {
    await fileMany(2);
    await writeFile(path.join(dnrDir(), 'anteckning.txt'), 'hej');
    await mkdir(path.join(dnrDir(), 'v2-gammal'));
    await writeFile(path.join(archive(), 'LÄSMIG.txt'), 'hej');
    await mkdir(path.join(archive(), '.gömt'));
    await writeFile(path.join(dnrDir(), '.DS_Store'), '');
    expect((await problemsOf()).sort()).toEqual([
      '2024-11-2/.DS_Store: okänd fil',
      '2024-11-2/anteckning.txt: okänd fil',
      '2024-11-2/v2-gammal: okänd mapp',
      'archive/.gömt: okänd mapp',
      'archive/LÄSMIG.txt: okänd fil',
    ]);
    const result = await verify();
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/2 versioner kontrollerade: 5 fel\.\n$/);
  });

  it('reports a dnr folder without versions, and leaves none after a first filing that fails', async () => {
    await fileMany(1);
    await mkdir(path.join(archive(), '2024-12-1'));
    expect(await problemsOf()).toEqual(['2024-12-1/: inga versioner']);
    expect((await verify()).code).toBe(1);

    const { plan, loaded } = await checkPlan('data/finnveden-2025.json');
    const other = { ...plan, document: { ...plan.document, dnr: '2025:1' } };
    const failing = { archiveDir: archive(), version: '0', build: async (): Promise<Uint8Array> => Promise.reject(new Error('printing failed')) };
    await expect(fileVersion(other, loaded.bytes!, failing)).rejects.toThrow('printing failed');
    expect(await problemsOf()).toEqual(['2024-12-1/: inga versioner']);
  });

  it('passes vplan\'s own lock, and says a running or stopped filing\'s staging folder is not a version', async () => {
    await fileMany(1);
    await writeFile(path.join(dnrDir(), `.lock-${process.pid}-0a1b2c3d4e5f`), `${process.pid}\n`);
    expect(await problemsOf()).toEqual([]);
    await mkdir(path.join(archive(), `.staging-${process.pid}-0a1b2c3d4e5f`));
    expect(await problemsOf()).toEqual([`archive/.staging-${process.pid}-0a1b2c3d4e5f: arkivering pågår`]);
    // A "lock" that is a folder can hide a version: it is not a lock.
    await mkdir(path.join(dnrDir(), '.lock-1-0a1b2c3d4e5f'));
    expect(await problemsOf()).toContain('2024-11-2/.lock-1-0a1b2c3d4e5f: okänd mapp');
  });

  it('reports a file or a version replaced by a symbolic link to outside the archive', async () => {
    await fileMany(2);
    const v2 = path.join(dnrDir(), 'v2');
    const elsewhere = path.join(tmp(), 'elsewhere');
    await mkdir(elsewhere);
    await chmod(v2, 0o755);
    await copyFile(path.join(v2, 'plan.json'), path.join(elsewhere, 'plan.json'));
    await chmod(path.join(v2, 'plan.json'), 0o644);
    await rename(path.join(v2, 'plan.json'), path.join(tmp(), 'gone.json'));
    await symlink(path.join(elsewhere, 'plan.json'), path.join(v2, 'plan.json'));
    await chmod(v2, 0o555);
    expect(await problemsOf()).toEqual(['v2/plan.json: symbolisk länk']);

    await cp(path.join(dnrDir(), 'v1'), path.join(elsewhere, 'v1'), { recursive: true });
    await chmod(path.join(dnrDir(), 'v1'), 0o755);
    await rename(path.join(dnrDir(), 'v1'), path.join(tmp(), 'v1-gone'));
    await symlink(path.join(elsewhere, 'v1'), path.join(dnrDir(), 'v1'));
    const result = await verify();
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${path.join(dnrDir(), 'v1')}: symbolisk länk (pekar på ${path.join(elsewhere, 'v1')}`);
  });
});

describe('verify names what changed, and says what its all-clear proves', () => {
  it('names the latest manifest as changed when head.json no longer matches it', async () => {
    await fileMany(2);
    const manifest = path.join(dnrDir(), 'v2', 'manifest.json');
    await chmod(manifest, 0o644);
    await writeFile(manifest, (await readFile(manifest, 'utf8')).replace('"förslag"', '"fastställd"'));
    await chmod(manifest, 0o444);
    const result = await verify();
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`${manifest}: ändrad (kontrollsumman stämmer inte med head.json: manifestet har ändrats eller bytts ut (eller head.json); jämför med diariet)\n`);
  });

  it('says "1 version kontrollerad" and that only the diarium proves nothing changed', async () => {
    await fileMany(1);
    const result = await verify();
    expect(result.code).toBe(0);
    const manifest = await readFile(path.join(dnrDir(), 'v1', 'manifest.json'));
    expect(result.stdout).toBe(
      `2024:11 / 2 (mappen 2024-11-2): senaste version 1, kontrollsumma ${sha(manifest)} – jämför med diariet.\n` +
        '1 version kontrollerad: alla filer stämmer med manifesten och kedjan är hel. Jämför senaste version och kontrollsumma med diariet: först när de stämmer vet du att inget ändrats.\n',
    );
  });

  it('does not promise that a renumbered version is completed by the next filing, nor give it the diarium\'s checksum', async () => {
    await fileMany(3);
    await chmod(dnrDir(), 0o755);
    await rename(path.join(dnrDir(), 'v3'), path.join(dnrDir(), 'v4'));
    const result = await verify();
    expect(result.stderr).toContain('head.json stämmer inte (pekar på version 3, men version 4 finns och fortsätter inte kedjan från head.json)');
    expect(result.stdout).not.toMatch(/kompletteras|lägger till/);
    expect(result.stdout).toMatch(/inte intakt \(\d fel\); manifestet i v4 har kontrollsumma/);
    expect(result.stdout).not.toMatch(/senaste version 4/);
  });

  it('labels each dnr folder, so a copied dnr folder is not a second "2024:11 / 2" alike', async () => {
    await fileMany(1);
    await cp(dnrDir(), path.join(archive(), '2024-12-1'), { recursive: true });
    const result = await verify();
    expect(result.stdout).toContain('2024:11 / 2 (mappen 2024-11-2): senaste version 1');
    expect(result.stdout).toContain('2024:11 / 2 (mappen 2024-12-1): inte intakt');
  });

  it('reports a manifest missing fields as broken, never with "undefined"', async () => {
    await fileMany(2);
    const manifest = path.join(dnrDir(), 'v2', 'manifest.json');
    await chmod(manifest, 0o644);
    await writeFile(manifest, '{"files":{"x":null},"version":2}');
    const result = await verify();
    expect(result.stderr).toMatch(/v2\/manifest\.json: manifest saknas eller är trasigt \(fältet \w+ saknas eller har fel form\)/);
    const listed = await run(process.execPath, [bin, 'archive', 'list', '--archive', archive()]).catch((e) => e as { stdout: string; stderr: string });
    expect(`${result.stdout}${result.stderr}${listed.stdout}${listed.stderr}`).not.toContain('undefined');
  });
});
