// Filing a version: under the dnr's lock, check the chain's head, prepare the version beside the
// archive (the plan, every file it uses, the PDF built from those copies, the manifest), make it
// read-only, rename it into place and move the head record to it.
import { isDecided } from '../compute/status.js';
import { chmod, mkdir, readFile, rename, rmdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { VplanError } from '../errors.js';
import type { ComputedPlan } from '../model.js';
import { planBaseDir } from '../load/loadPlan.js';
import { dnrFolder, sameDnr } from './dnr.js';
import { step } from './fsError.js';
import { integrityProblems } from './verify.js';
import { otherAssociation, refuseCaseTwin, strayProblems } from './preconditions.js';
import { cleanAbandoned, removeTree, stagingName, withDnrLock } from './lock.js';
import {
  HEAD, MANIFEST, PLAN_FILE, existingVersions, inputFiles, readHead, readManifest, sha256, versionFolder,
  sameRef, type FileEntry, type FiledVersion, type Head, type Manifest,
} from './manifest.js';

export interface FileOptions {
  archiveDir: string;
  /** vplan's version, recorded in the manifest. */
  version: string;
  /** The time of filing; the caller's clock. */
  now?: Date;
  /** File a new version even when the plan and its files are those of the latest version. */
  force?: boolean;
  /** Prints the archival PDF of the plan copied into the version (its path given) with the version number. */
  build: (planFile: string, version: number) => Promise<Uint8Array>;
  /** Called once a new version will be built (not when the plan is unchanged): to start the browser early. */
  willBuild?: () => void;
}

/** `renamed`: the förbund's name differs from the version before's, filed anyway with --force. */
export type FileOutcome = { filed: true; version: FiledVersion; renamed?: { from: string; version: number } } | { filed: false; latest: FiledVersion };

/** A file the plan uses, archived at `name` (relative to the plan, "/" separated). */
export interface UsedFile {
  name: string;
  source: string;
  jsonPath: string;
}

/** The files a plan reads besides itself (logo, images, budget sheet). Each must lie in the plan's folder or below it. */
export function usedFiles(plan: ComputedPlan, reserved: string[] = [PLAN_FILE]): UsedFile[] {
  const planDir = planBaseDir(plan.file);
  const used = plan.usedFiles ?? (plan.document.logo ? [{ file: plan.document.logo.file, jsonPath: 'document.logo.file' }] : []);
  const seen = new Set<string>();
  const once = used.filter(({ file }) => !seen.has(path.resolve(planDir, file)) && seen.add(path.resolve(planDir, file)));
  return once.map(({ file, jsonPath }) => {
    const source = path.resolve(planDir, file);
    const relative = path.relative(planDir, source);
    const name = relative.split(path.sep).join('/');
    const outside = relative === '' || relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative);
    if (path.isAbsolute(file) && !outside) {
      // Filed as it is, the plan would read the file from here, not the copy in the version.
      throw new VplanError(
        `${plan.file}: ${jsonPath} "${file}" är en absolut sökväg; den arkiverade planen skulle då läsa filen här, inte kopian i arkivet.`,
        `Skriv sökvägen relativt planen: "${name}".`,
      );
    }
    if (path.isAbsolute(file) || outside) {
      throw new VplanError(
        `${plan.file}: ${jsonPath} "${file}" ligger utanför planens mapp och kan inte arkiveras med planen.`,
        `Lägg filen i mappen ${planDir} (eller en undermapp) och skriv sökvägen relativt planen, t.ex. "${path.basename(file)}".`,
      );
    }
    if (reserved.includes(name) || name === MANIFEST) {
      throw new VplanError(`${plan.file}: ${jsonPath} "${file}" har ett namn som arkivet använder själv.`, 'Byt namn på filen.');
    }
    return { name, source, jsonPath };
  });
}

/**
 * Files a new version, or none when the plan and the files it uses are byte for byte those of the
 * latest version (unless `force`). Concurrent filings of one dnr take turns.
 */
/** The plan as read: its files by the names they get in the version, and the name the plan is built from. */
export interface PlanSources {
  /** "plan.json", "plan.yaml", or "." for a plan folder (the version folder is then the plan folder). */
  entry: string;
  files: { name: string; bytes: Uint8Array }[];
}

/** What is filed for a loaded plan: a JSON plan as plan.json, a YAML plan as plan.yaml, a plan folder as it is. */
export function sourcesOf(loaded: { form: 'json' | 'yaml' | 'folder'; files: { name: string; bytes: Uint8Array }[] }): PlanSources {
  if (loaded.form === 'folder') return { entry: '.', files: loaded.files.map(({ name, bytes }) => ({ name, bytes })) };
  const entry = loaded.form === 'yaml' ? 'plan.yaml' : PLAN_FILE;
  return { entry, files: [{ name: entry, bytes: loaded.files[0]!.bytes }] };
}

/** A JSON plan's bytes alone are filed as plan.json. */
const asSources = (planBytes: Uint8Array | PlanSources): PlanSources =>
  planBytes instanceof Uint8Array ? { entry: PLAN_FILE, files: [{ name: PLAN_FILE, bytes: planBytes }] } : planBytes;

export async function fileVersion(plan: ComputedPlan, planSources: Uint8Array | PlanSources, options: FileOptions): Promise<FileOutcome> {
  const sources = asSources(planSources);
  const dnr = plan.document.dnr;
  if (!dnr) {
    throw new VplanError(
      `${plan.file}: planen har inget diarienummer och kan inte arkiveras.`,
      sources.entry === PLAN_FILE
        ? 'Ange document.dnr i planen, t.ex. "dnr": "2024:11 / 2".'
        : `Ange dnr under document: i ${sources.entry === '.' ? 'plan.yaml' : 'planen'}, t.ex. dnr: "2024:11 / 2".`,
    );
  }
  const folder = dnrFolder(dnr);
  const inputs = new Map<string, Uint8Array>(sources.files.map((f) => [f.name, f.bytes]));
  for (const used of usedFiles(plan, [...inputs.keys()])) {
    const bytes = await readFile(used.source).catch((error: NodeJS.ErrnoException) => {
      const why = error.code === 'ENOENT' ? 'finns inte' : `kan inte läsas (${error.code})`;
      throw new VplanError(`${plan.file}: ${used.jsonPath}: filen ${used.source} ${why}.`, 'Rätta sökvägen i planen (den är relativ till planfilen).');
    });
    inputs.set(used.name, bytes);
  }
  const { archiveDir } = options;
  const dnrDir = path.join(archiveDir, folder);
  await step(archiveDir, 'skapa arkivmappen', () => mkdir(archiveDir, { recursive: true }));
  await refuseCaseTwin(archiveDir, folder, dnr);
  const created = await step(dnrDir, 'skapa mappen', () => mkdir(dnrDir, { recursive: true }));
  await cleanAbandoned(archiveDir);
  // A first filing that fails leaves no empty dnr folder: verify reports a dnr folder without versions.
  return filing(dnrDir, dnr, async () => {
    const latest = await intactHead(dnrDir, dnr);
    // Every file of every version against its manifest, too: a changed version is not built upon.
    // A dnr folder with no version yet holds nothing else either (a version put aside, a note).
    const broken = latest ? await integrityProblems(archiveDir, dnr) : await strayProblems(dnrDir);
    if (broken) throw notIntact(dnr, dnrDir, broken);
    if (latest && !options.force && sameInputs(latest.manifest, inputs)) return { filed: false, latest };
    const renamed = latest && otherAssociation(plan, sources.entry, latest, options.force ?? false);
    options.willBuild?.();
    const version = await stageAndRename(plan, dnr, folder, dnrDir, inputs, sources.entry, latest, options);
    await writeHead(dnrDir, { dnr, version: version.manifest.version, sha256: version.manifestSha256 });
    return { filed: true, version, ...(renamed ? { renamed } : {}) };
  }, created !== undefined);
}

async function filing<T>(dnrDir: string, dnr: string, work: () => Promise<T>, created: boolean): Promise<T> {
  try {
    return await withDnrLock(dnrDir, dnr, work);
  } catch (error) {
    if (created) await rmdir(dnrDir).catch(() => undefined);
    throw error;
  }
}

function sameInputs(manifest: Manifest, inputs: Map<string, Uint8Array>): boolean {
  const filed = inputFiles(manifest);
  return filed.length === inputs.size && filed.every(([name, entry]) => {
    const bytes = inputs.get(name);
    return bytes !== undefined && sha256(bytes) === entry.sha256;
  });
}

function notIntact(dnr: string, dnrDir: string, detail: string): VplanError {
  return new VplanError(
    `Arkivet för ${dnr} (${dnrDir}) är inte intakt: ${detail}. Ingen ny version arkiverades.`,
    'Kör vplan archive verify, återställ arkivet från en säkerhetskopia och jämför med kontrollsumman i diariet.',
  );
}

/**
 * The latest version, checked against the head record: it must be there with the manifest the head
 * names. A version filed after the head by a run killed before it moved the head is completed when it
 * continues the chain; anything else is refused rather than built upon.
 */
async function intactHead(dnrDir: string, dnr: string): Promise<FiledVersion | undefined> {
  const versions = await step(dnrDir, 'läsa', () => existingVersions(dnrDir));
  const head = await readHead(dnrDir).catch(() => {
    throw notIntact(dnr, dnrDir, `${HEAD} går inte att läsa`);
  });
  if (head && !sameDnr(head.dnr, dnr)) throw new VplanError(`Mappen ${dnrDir} hör till diarienummer ${head.dnr}, inte ${dnr}.`);
  let current: FiledVersion | undefined;
  if (head) {
    const dir = path.join(dnrDir, versionFolder(head.version));
    const read = versions.includes(head.version) ? await readManifest(dir).catch(() => undefined) : undefined;
    if (!read) throw notIntact(dnr, dnrDir, `version ${head.version}, som ${HEAD} pekar på, saknas`);
    if (read.sha256 !== head.sha256) throw notIntact(dnr, dnrDir, `manifestet för version ${head.version} stämmer inte med ${HEAD}`);
    current = { dir, ...read, manifestSha256: read.sha256 };
  }
  const after = versions.filter((v) => v > (head?.version ?? 0));
  if (after.length === 0) return current;
  const expected = (head?.version ?? 0) + 1;
  if (after.length > 1 || after[0] !== expected) {
    const versions = `${after.length === 1 ? 'version' : 'versionerna'} ${after.join(', ')}`;
    throw notIntact(dnr, dnrDir, head ? `${versions} står inte i ${HEAD}` : `${HEAD} saknas, fast ${versions} finns`);
  }
  const dir = path.join(dnrDir, versionFolder(expected));
  const read = await readManifest(dir).catch(() => undefined);
  const previous = current ? { version: current.manifest.version, sha256: current.manifestSha256 } : null;
  if (
    !read ||
    read.manifest.version !== expected ||
    !sameDnr(read.manifest.dnr, dnr) ||
    !sameRef(read.manifest.previous, previous)
  ) {
    throw notIntact(dnr, dnrDir, `version ${expected} står inte i ${HEAD} och fortsätter inte kedjan`);
  }
  // A run killed between renaming the version into place and recording it: finish its work.
  await chmod(dir, 0o555).catch(() => undefined);
  await writeHead(dnrDir, { dnr: read.manifest.dnr, version: expected, sha256: read.sha256 });
  return { dir, manifest: read.manifest, manifestSha256: read.sha256 };
}

async function stageAndRename(
  plan: ComputedPlan,
  dnr: string,
  folder: string,
  dnrDir: string,
  inputs: Map<string, Uint8Array>,
  entry: string,
  latest: FiledVersion | undefined,
  options: FileOptions,
): Promise<FiledVersion> {
  const version = (latest?.manifest.version ?? 0) + 1;
  const staging = path.join(options.archiveDir, stagingName());
  await step(options.archiveDir, 'skapa en arbetsmapp i', () => mkdir(staging));
  try {
    const files: Record<string, FileEntry> = {};
    const pdfName = `${folder}-v${version}.pdf`;
    const put = async (name: string, bytes: Uint8Array | string) => {
      const target = path.join(staging, ...name.split('/'));
      await step(target, 'skriva', async () => {
        await mkdir(path.dirname(target), { recursive: true });
        await writeFile(target, bytes);
      });
    };
    for (const [name, bytes] of inputs) await put(name, bytes);
    const pdf = await options.build(path.join(staging, entry), version);
    await put(pdfName, pdf);
    files[pdfName] = { sha256: sha256(pdf), bytes: pdf.byteLength };
    for (const [name, bytes] of inputs) files[name] = { sha256: sha256(bytes), bytes: bytes.byteLength };
    const manifest: Manifest = {
      vplan: options.version,
      dnr,
      version,
      previous: latest ? { version: latest.manifest.version, sha256: latest.manifestSha256 } : null,
      title: [plan.document.title, plan.document.subtitle].filter(Boolean).join(' '),
      association: plan.document.associationName,
      status: plan.document.status.state,
      decisionDate: plan.document.status.decisionDate ?? null,
      decisionBody: isDecided(plan.document.status.state) ? plan.document.status.decisionBody ?? null : null,
      filedAt: (options.now ?? new Date()).toISOString(),
      pdf: pdfName,
      pdfa: 'PDF/A-2u',
      plan: entry,
      files,
    };
    const text = `${JSON.stringify(manifest, null, 2)}\n`;
    await put(MANIFEST, text);
    await step(staging, 'skrivskydda', () => makeReadOnly(staging, [...Object.keys(files), MANIFEST]));
    const target = path.join(dnrDir, versionFolder(version));
    await step(target, `arkivera version ${version} som`, () => rename(staging, target));
    // The folder itself last: renaming a folder needs write access to it.
    await step(target, 'skrivskydda', () => chmod(target, 0o555));
    return { dir: target, manifest, manifestSha256: sha256(text) };
  } finally {
    await removeTree(staging).catch(() => undefined);
  }
}

/** Files 0444 and the sub-folders they are in 0555; the top folder is left to the caller. */
async function makeReadOnly(top: string, names: string[]): Promise<void> {
  const folders = new Set<string>();
  for (const name of names) {
    const parts = name.split('/');
    await chmod(path.join(top, ...parts), 0o444);
    for (let i = 1; i < parts.length; i++) folders.add(parts.slice(0, i).join('/'));
  }
  for (const folder of [...folders].sort().reverse()) await chmod(path.join(top, ...folder.split('/')), 0o555);
}

/** Moves the head record to a version: written beside it and renamed over it. */
async function writeHead(dnrDir: string, head: Head): Promise<void> {
  const file = path.join(dnrDir, HEAD);
  const temporary = path.join(dnrDir, stagingName());
  await step(file, 'skriva', async () => {
    await writeFile(temporary, `${JSON.stringify(head, null, 2)}\n`, { mode: 0o444 });
    await rename(temporary, file);
  }).catch(async (error) => {
    await removeTree(temporary).catch(() => undefined);
    throw error;
  });
}
