// The archive: numbered versions per dnr, never overwritten, verified by hash, safe when filings race.
import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { chmod, readFile, unlink, writeFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { useTempDir } from './helpers/tempDir.js';
import { checkPlan } from '../src/build.js';
import { dnrFolder, fileVersion, listVersions, readFiledPlan, verifyArchive } from '../src/archive/archive.js';

const run = promisify(execFile);
const tmp = useTempDir('vplan-archive');

const fakePdf = (n: number) => new TextEncoder().encode(`%PDF-1.7 version ${n}`);
/** Filing options with a stand-in for printing; `force` files the same plan again. */
const options = (pdf: Uint8Array = fakePdf(0)) => ({ archiveDir: tmp(), version: '0.0.0', force: true, build: async () => pdf });
async function file(plan: Parameters<typeof fileVersion>[0], bytes: Uint8Array, pdf: Uint8Array) {
  const outcome = await fileVersion(plan, bytes, options(pdf));
  if (!outcome.filed) throw new Error('not filed');
  return outcome.version;
}

async function finnveden() {
  const { plan, loaded } = await checkPlan('data/finnveden-2025.json');
  return { plan, bytes: loaded.bytes! };
}

describe('archive', () => {
  it('files versions 1, 2, 3 under the dnr with the PDF, the exact plan and a manifest', async () => {
    const { plan, bytes } = await finnveden();
    for (let n = 1; n <= 3; n++) await file(plan, bytes, fakePdf(n));
    const versions = await listVersions(tmp(), '2024:11 / 2');
    expect(versions.map((v) => v.manifest.version)).toEqual([1, 2, 3]);
    const v2 = versions[1]!;
    expect(v2.manifest).toMatchObject({ dnr: '2024:11 / 2', status: 'förslag', decisionDate: '2024-11-28', pdf: '2024-11-2-v2.pdf' });
    expect(await readFile(path.join(v2.dir, '2024-11-2-v2.pdf'), 'utf8')).toBe('%PDF-1.7 version 2');
    expect(Buffer.compare(await readFile(path.join(v2.dir, 'plan.json')), Buffer.from(bytes))).toBe(0);
    expect(Object.keys(v2.manifest.files).sort()).toEqual(['2024-11-2-v2.pdf', 'plan.json']);
  });

  it('never overwrites a filed version: filing again takes the next number and leaves the old bytes', async () => {
    const { plan, bytes } = await finnveden();
    const first = await file(plan, bytes, fakePdf(1));
    const before = await readFile(path.join(first.dir, first.manifest.pdf));
    const second = await file(plan, bytes, fakePdf(99));
    expect(second.manifest.version).toBe(2);
    expect(Buffer.compare(await readFile(path.join(first.dir, first.manifest.pdf)), before)).toBe(0);
    // Filed files are read-only.
    const mode = (await import('node:fs/promises')).stat;
    expect((await mode(path.join(first.dir, first.manifest.pdf))).mode & 0o222).toBe(0);
  });

  it('gives racing filings distinct numbers, in one process and across processes', async () => {
    const { plan, bytes } = await finnveden();
    const filed = await Promise.all(Array.from({ length: 8 }, (_, i) => file(plan, bytes, fakePdf(i))));
    expect(filed.map((f) => f.manifest.version).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);

    const script = `
      import { checkPlan } from ${JSON.stringify(path.resolve('dist/build.js'))};
      import { fileVersion } from ${JSON.stringify(path.resolve('dist/archive/archive.js'))};
      const { plan, loaded } = await checkPlan('data/finnveden-2025.json');
      for (let i = 0; i < 5; i++) await fileVersion(plan, loaded.bytes, { archiveDir: ${JSON.stringify(tmp())}, version: '0', force: true, build: async () => new TextEncoder().encode('%PDF ' + process.pid + ' ' + i) });
    `;
    await Promise.all([0, 1, 2].map(() => run(process.execPath, ['--input-type=module', '-e', script])));
    const versions = await listVersions(tmp(), '2024:11 / 2');
    expect(versions.map((v) => v.manifest.version)).toEqual(Array.from({ length: 23 }, (_, i) => i + 1));
    expect((await verifyArchive(tmp())).problems).toEqual([]);
    expect((await readdir(tmp())).filter((e) => e.startsWith('.staging'))).toEqual([]);
  });

  it('verify finds a changed file and a removed one', async () => {
    const { plan, bytes } = await finnveden();
    const v1 = await file(plan, bytes, fakePdf(1));
    const v2 = await file(plan, bytes, fakePdf(2));
    expect(await verifyArchive(tmp())).toMatchObject({ checked: 2, problems: [] });

    const pdf = path.join(v1.dir, v1.manifest.pdf);
    await chmod(pdf, 0o644);
    await writeFile(pdf, '%PDF-1.7 tampered');
    await unlink(path.join(v2.dir, 'plan.json'));
    const { problems, writable } = await verifyArchive(tmp());
    expect(problems.map((p) => [path.basename(p.dir), p.file, p.problem])).toEqual([
      ['v1', '2024-11-2-v1.pdf', 'ändrad'],
      ['v2', 'plan.json', 'saknas'],
    ]);
    // The changed file is writable too, but that is no note beside the error.
    expect(writable).toEqual([]);
  });

  it('refuses a plan without a dnr', async () => {
    const { plan, bytes } = await finnveden();
    plan.document.dnr = undefined;
    await expect(fileVersion(plan, bytes, options())).rejects.toThrow(/inget diarienummer/);
  });

  it('builds on no changed version: filing and reading a filed plan stop at a changed file, not at lost modes', async () => {
    const { plan, bytes } = await finnveden();
    const first = await file(plan, bytes, fakePdf(1));
    // Write permission given back (as a copy that lost modes would): no byte changed, filing goes on.
    const filedPlan = path.join(first.dir, 'plan.json');
    await chmod(filedPlan, 0o644);
    expect((await file(plan, bytes, fakePdf(2))).manifest.version).toBe(2);
    expect((await readFiledPlan(tmp(), '2024:11 / 2', 1)).file).toBe(filedPlan);
    // One figure changed in version 1's plan.
    await writeFile(filedPlan, (await readFile(filedPlan, 'utf8')).replace('"budget2025": 499600', '"budget2025": 499700'));
    const refused = await fileVersion(plan, bytes, options(fakePdf(3))).catch((e: Error) => e);
    expect((refused as Error).message).toMatch(/Arkivet för 2024:11 \/ 2 .* är inte intakt: v1\/plan\.json: ändrad\. Ingen ny version arkiverades\./);
    expect((await listVersions(tmp(), '2024:11 / 2')).map((v) => v.manifest.version)).toEqual([1, 2]);
    const read = await readFiledPlan(tmp(), '2024:11 / 2', 2).catch((e: Error) => e);
    expect((read as Error).message).toMatch(/är inte intakt: v1\/plan\.json: ändrad\. Version 2 visas inte som arkiverad\./);
  });

  it('names folders after the dnr without its punctuation', () => {
    expect(dnrFolder('2024:11 / 2')).toBe('2024-11-2');
    expect(dnrFolder('2012:12 / 7')).toBe('2012-12-7');
  });
});

describe('vplan archive (CLI)', () => {
  it('files a PDF/A, lists it, verifies it, and reports tampering with exit code 1', async () => {
    const bin = path.resolve('bin/vplan.js');
    const plan = path.resolve('data/sodra-vatterbygden-2013.yaml');
    const filed = await run(process.execPath, [bin, 'archive', plan, '--archive', tmp()]);
    expect(filed.stdout).toContain('2012:12 / 7 version 1');
    const pdf = await readFile(path.join(tmp(), '2012-12-7', 'v1', '2012-12-7-v1.pdf'), 'latin1');
    expect(pdf).toContain('<pdfaid:part>2</pdfaid:part>');

    const listed = await run(process.execPath, [bin, 'archive', 'list', '2012:12 / 7', '--archive', tmp()]);
    expect(listed.stdout).toMatch(/2012:12 \/ 7 {2}version 1 {2}Samordningsförbundet Södra Vätterbygden {2}fastställd {2}\(fastställd 2012-11-26\)/);
    expect(listed.stdout).toMatch(/kontrollsumma [0-9a-f]{64} {2}filerna stämmer med manifestet\n1 version; filerna stämmer med manifesten och kedjan är hel\. Jämför kontrollsummorna med diariet\.\n$/);
    // When it was filed, as the manifest records it (UTC), in the machine's local time to the minute.
    const filedAt = JSON.parse(await readFile(path.join(tmp(), '2012-12-7', 'v1', 'manifest.json'), 'utf8')).filedAt as string;
    const local = new Date(filedAt);
    const two = (n: number) => String(n).padStart(2, '0');
    const shown = `${local.getFullYear()}-${two(local.getMonth() + 1)}-${two(local.getDate())} ${two(local.getHours())}:${two(local.getMinutes())}`;
    expect(listed.stdout).toContain(`arkiverad ${shown}  `);
    expect(listed.stdout).not.toContain(filedAt);
    expect((await run(process.execPath, [bin, 'archive', 'verify', '--archive', tmp()])).stdout).toContain('1 version kontrollerad: alla filer stämmer med manifesten');

    // A YAML plan is filed as plan.yaml.
    const file = path.join(tmp(), '2012-12-7', 'v1', 'plan.yaml');
    await chmod(file, 0o644);
    await writeFile(file, 'document: {}');
    await chmod(file, 0o444);
    const verify = await run(process.execPath, [bin, 'archive', 'verify', '--archive', tmp()]).catch((e) => e as { code: number; stderr: string });
    expect((verify as { code: number }).code).toBe(1);
    expect((verify as { stderr: string }).stderr).toContain('plan.yaml: ändrad');
    // list checks as it lists: the checksum of a version whose files changed is marked, exit code 1.
    const listedAfter = await run(process.execPath, [bin, 'archive', 'list', '--archive', tmp()]).catch((e) => e as { code: number; stdout: string });
    expect(listedAfter.code).toBe(1);
    expect(listedAfter.stdout).toMatch(/version 1 .* kontrollsumma [0-9a-f]{64} {2}FEL: plan\.yaml ändrad\n/);
    expect(listedAfter.stdout).toContain('1 fel i arkivet: en kontrollsumma visar inte att versionen är som den arkiverades. Kör vplan archive verify.');
  });

  it('verifies a copy that lost the read-only modes: writable files that match are one note and exit 0, a changed file (a manifest too) an error and never in the note', async () => {
    const bin = path.resolve('bin/vplan.js');
    const plan = path.resolve('data/sodra-vatterbygden-2013.yaml');
    const archive = path.join(tmp(), 'arkiv');
    const filings = [];
    for (const force of [[], ['--force']]) filings.push(await run(process.execPath, [bin, 'archive', plan, '--archive', archive, ...force]));
    // Each filing names the version it builds on and its checksum: the diarium's last entry should be that.
    expect(filings[0]!.stdout).toContain(`Första versionen av 2012:12 / 7 i ${archive}: diariet ska inte ha någon version av den arkiverad.`);
    const v1Manifest = await readFile(path.join(archive, '2012-12-7', 'v1', 'manifest.json'));
    const v1Sha = (await import('node:crypto')).createHash('sha256').update(v1Manifest).digest('hex');
    expect(filings[1]!.stdout).toContain(`Bygger på version 1 med kontrollsumma ${v1Sha}: den ska vara diariets senaste anteckning för 2012:12 / 7.`);
    const copy = path.join(tmp(), 'arkivkopia');
    await run('cp', ['-r', archive, copy]);
    await run('chmod', ['-R', 'u+w', copy]);

    const verify = () => run(process.execPath, [bin, 'archive', 'verify', '--archive', copy]).then((r) => ({ ...r, code: 0 }), (e) => e as { code: number; stdout: string; stderr: string });
    const unchanged = await verify();
    expect(unchanged.code).toBe(0);
    expect(unchanged.stderr).toBe('');
    const v = (n: number) => path.join(copy, '2012-12-7', `v${n}`);
    // Per version: the PDF, plan.yaml, manifest.json and the version folder itself.
    const note = unchanged.stdout.split('\n').filter((line) => line.startsWith('Obs:'));
    // Never "unchanged": a writable file may have been changed and its manifests recomputed, which
    // only the diarium shows; the command comes after the advice to compare first.
    expect(note).toEqual([expect.stringMatching(/^Obs: 6 filer och 2 mappar i arkivet är skrivbara\. De stämmer med manifesten, .*kan också ha ändrats och manifesten räknats om\. Jämför kontrollsumman nedan med diariet innan du skrivskyddar dem med: chmod -R a-w (\S+) (\S+)$/)]);
    expect(note[0]).toContain(`chmod -R a-w ${v(1)} ${v(2)}`);
    expect(unchanged.stdout).not.toMatch(/oförändrad/);
    expect(unchanged.stdout).toMatch(/2 versioner kontrollerade: alla filer stämmer med manifesten och kedjan är hel; 1 anmärkning \(skrivbara filer\)\. Jämför senaste version och kontrollsumma med diariet: först när de stämmer vet du att inget ändrats\.\n$/);

    // One figure changed in version 2's plan: an error, on the first line, and the only one.
    const filedPlan = path.join(v(2), 'plan.yaml');
    const text = await readFile(filedPlan, 'utf8');
    const figure = /\b\d{3} ?000\b/.exec(text)![0];
    await writeFile(filedPlan, text.replace(figure, '999 000'));
    const changed = await verify();
    expect(changed.code).toBe(1);
    expect(changed.stderr).toBe(`${filedPlan}: ändrad\n`);
    // The other writable files are a note without a command: write-protecting now would hide the change.
    expect(changed.stdout.split('\n')[0]).toBe('Obs: dessutom är 5 filer och 2 mappar i arkivet skrivbara. Skrivskydda inget förrän felen är utredda och arkivet återställt.');
    expect(changed.stdout).not.toContain('chmod');
    expect(changed.stdout).toContain('2012:12 / 7 (mappen 2012-12-7): inte intakt (1 fel); manifestet i v2 har kontrollsumma ');
    expect(changed.stdout).toMatch(/2 versioner kontrollerade: 1 fel; 1 anmärkning \(skrivbara filer\)\.\n$/);

    // A changed manifest is named itself, and is never in the note.
    await writeFile(filedPlan, text);
    const manifestFile = path.join(v(1), 'manifest.json');
    const manifestText = await readFile(manifestFile, 'utf8');
    await writeFile(manifestFile, manifestText.replace('\n  "vplan"', '\n   "vplan"'));
    const manifestChanged = await verify();
    expect(manifestChanged.code).toBe(1);
    expect(manifestChanged.stderr).toBe(`${manifestFile}: ändrad (kontrollsumman stämmer inte med länken i v2/manifest.json: manifestet har ändrats eller bytts ut)\n`);
    expect(manifestChanged.stdout).toMatch(/^Obs: dessutom är 5 filer och 2 mappar/);
    await writeFile(manifestFile, manifestText);

    // Made read-only again with the command shown, the note is gone.
    await run('chmod', ['-R', 'a-w', v(1), v(2)]);
    const fixed = await verify();
    expect(fixed.code).toBe(0);
    expect(fixed.stdout).not.toContain('skrivbar');
    expect(fixed.stdout).toContain('2 versioner kontrollerade: alla filer stämmer med manifesten och kedjan är hel.');
  });
});
