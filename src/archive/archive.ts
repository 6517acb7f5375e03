// Archive stage: files each version sent to the board under its dnr, numbered 1, 2, 3 …, as the PDF/A,
// the exact plan as given and a manifest with every file's SHA-256. A filed version is never changed:
// it is prepared beside the archive and renamed into place, which fails if that number is taken.
import { createHash, randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { VplanError } from '../errors.js';
import type { ComputedPlan } from '../model.js';

export const DEFAULT_ARCHIVE_DIR = path.join('output', 'archive');
const MANIFEST = 'manifest.json';
const PLAN_FILE = 'plan.json';

export interface FileEntry {
  sha256: string;
  bytes: number;
}

export interface Manifest {
  vplan: string;
  dnr: string;
  version: number;
  title: string;
  association: string;
  status: string;
  decisionDate: string | null;
  decisionBody: string | null;
  filedAt: string;
  pdf: string;
  pdfa: string;
  files: Record<string, FileEntry>;
}

export interface FiledVersion {
  dir: string;
  manifest: Manifest;
}

/** A dnr as a folder name: "2024:11 / 2" → "2024-11-2". Spacing and punctuation do not make a new dnr. */
export function dnrFolder(dnr: string): string {
  const slug = dnr
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (!slug) throw new VplanError(`Diarienumret "${dnr}" innehåller inga bokstäver eller siffror.`);
  return slug;
}

const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');
const versionFolder = (n: number) => `v${n}`;

async function existingVersions(dnrDir: string): Promise<number[]> {
  const entries = await readdir(dnrDir).catch(() => [] as string[]);
  return entries
    .map((e) => /^v(\d+)$/.exec(e))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => Number(m[1]))
    .sort((a, b) => a - b);
}

export interface FileOptions {
  archiveDir: string;
  /** vplan's version, recorded in the manifest. */
  version: string;
  /** The time of filing; the caller's clock. */
  now?: Date;
}

/**
 * Files a new version. The PDF must already be the archival one (PDF/A). Concurrent filings of the
 * same dnr each get their own number: whoever renames first keeps it, the other takes the next.
 */
export async function fileVersion(plan: ComputedPlan, planBytes: Uint8Array, pdf: Uint8Array, options: FileOptions): Promise<FiledVersion> {
  const dnr = plan.document.dnr;
  if (!dnr) {
    throw new VplanError(
      `${plan.file}: planen har inget diarienummer och kan inte arkiveras.`,
      'Ange document.dnr i planen, t.ex. "dnr": "2024:11 / 2".',
    );
  }
  const folder = dnrFolder(dnr);
  const dnrDir = path.join(options.archiveDir, folder);
  await mkdir(dnrDir, { recursive: true });
  await assertSameDnr(dnrDir, dnr);

  const staging = path.join(options.archiveDir, `.staging-${process.pid}-${randomBytes(6).toString('hex')}`);
  await mkdir(staging);
  try {
    for (let attempt = 0; attempt < 1000; attempt++) {
      const version = ((await existingVersions(dnrDir)).at(-1) ?? 0) + 1;
      const pdfName = `${folder}-v${version}.pdf`;
      const manifest: Manifest = {
        vplan: options.version,
        dnr,
        version,
        title: [plan.document.title, plan.document.subtitle].filter(Boolean).join(' '),
        association: plan.document.associationName,
        status: plan.document.status.state,
        decisionDate: plan.document.status.decisionDate ?? null,
        decisionBody: plan.document.status.state === 'fastställd' ? plan.document.status.decisionBody ?? null : null,
        filedAt: (options.now ?? new Date()).toISOString(),
        pdf: pdfName,
        pdfa: 'PDF/A-2u',
        files: {
          [pdfName]: { sha256: sha256(pdf), bytes: pdf.byteLength },
          [PLAN_FILE]: { sha256: sha256(planBytes), bytes: planBytes.byteLength },
        },
      };
      await rm(staging, { recursive: true, force: true });
      await mkdir(staging);
      await writeFile(path.join(staging, pdfName), pdf);
      await writeFile(path.join(staging, PLAN_FILE), planBytes);
      await writeFile(path.join(staging, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
      for (const name of [pdfName, PLAN_FILE, MANIFEST]) await chmod(path.join(staging, name), 0o444);
      const target = path.join(dnrDir, versionFolder(version));
      try {
        // rename() of a directory onto an existing non-empty one fails: the number is taken.
        await rename(staging, target);
        return { dir: target, manifest };
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code !== 'ENOTEMPTY' && code !== 'EEXIST' && code !== 'EPERM' && code !== 'EACCES') throw error;
      }
    }
    throw new VplanError(`Kunde inte ge ${dnr} ett nytt versionsnummer.`);
  } finally {
    await rm(staging, { recursive: true, force: true }).catch(() => undefined);
  }
}

async function assertSameDnr(dnrDir: string, dnr: string): Promise<void> {
  const first = (await existingVersions(dnrDir))[0];
  if (first === undefined) return;
  const manifest = await readManifest(path.join(dnrDir, versionFolder(first))).catch(() => undefined);
  if (manifest && dnrFolder(manifest.dnr) !== dnrFolder(dnr)) {
    throw new VplanError(`Mappen ${dnrDir} hör till diarienummer ${manifest.dnr}, inte ${dnr}.`);
  }
}

async function readManifest(dir: string): Promise<Manifest> {
  return JSON.parse(await readFile(path.join(dir, MANIFEST), 'utf8')) as Manifest;
}

/** Every filed version, or those of one dnr, oldest first. */
export async function listVersions(archiveDir: string, dnr?: string): Promise<FiledVersion[]> {
  const folders = dnr ? [dnrFolder(dnr)] : (await readdir(archiveDir, { withFileTypes: true }).catch(() => []))
    .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
    .map((e) => e.name)
    .sort();
  const out: FiledVersion[] = [];
  for (const folder of folders) {
    const dnrDir = path.join(archiveDir, folder);
    for (const version of await existingVersions(dnrDir)) {
      const dir = path.join(dnrDir, versionFolder(version));
      const manifest = await readManifest(dir).catch(() => undefined);
      out.push({
        dir,
        manifest: manifest ?? ({ dnr: folder, version, files: {}, status: '?', filedAt: '?', decisionDate: null } as unknown as Manifest),
      });
    }
  }
  return out;
}

export interface VerifyProblem {
  dir: string;
  file: string;
  problem: 'ändrad' | 'saknas' | 'okänd fil' | 'manifest saknas eller är trasigt' | 'fel versionsnummer';
}

/** Re-hashes every file of every filed version (or one dnr's) and reports what changed or went missing. */
export async function verifyArchive(archiveDir: string, dnr?: string): Promise<{ checked: number; problems: VerifyProblem[] }> {
  const problems: VerifyProblem[] = [];
  const versions = await listVersions(archiveDir, dnr);
  for (const { dir, manifest } of versions) {
    let parsed: Manifest;
    try {
      parsed = await readManifest(dir);
    } catch {
      problems.push({ dir, file: MANIFEST, problem: 'manifest saknas eller är trasigt' });
      continue;
    }
    if (`v${parsed.version}` !== path.basename(dir)) problems.push({ dir, file: MANIFEST, problem: 'fel versionsnummer' });
    for (const [name, entry] of Object.entries(parsed.files)) {
      const data = await readFile(path.join(dir, name)).catch(() => undefined);
      if (!data) problems.push({ dir, file: name, problem: 'saknas' });
      else if (sha256(data) !== entry.sha256 || data.byteLength !== entry.bytes) problems.push({ dir, file: name, problem: 'ändrad' });
    }
    for (const name of await readdir(dir)) {
      if (name !== MANIFEST && !(name in parsed.files)) problems.push({ dir, file: name, problem: 'okänd fil' });
    }
    void manifest;
  }
  return { checked: versions.length, problems };
}

/** The plan as it was filed: for `vplan diff dnr@version`. */
export async function readFiledPlan(archiveDir: string, dnr: string, version: number): Promise<{ file: string; text: string; manifest: Manifest }> {
  const dir = path.join(archiveDir, dnrFolder(dnr), versionFolder(version));
  const manifest = await readManifest(dir).catch(() => {
    throw new VplanError(`Version ${version} av ${dnr} finns inte i ${archiveDir}.`, 'Se vplan archive list.');
  });
  const file = path.join(dir, PLAN_FILE);
  return { file, text: await readFile(file, 'utf8'), manifest };
}
