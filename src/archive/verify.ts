// vplan archive verify: every file of every version against its manifest, every manifest against the
// next one's link to it, and the latest against the head record. A changed, missing, replaced,
// reordered or deleted version is reported; what no check can see is a whole chain rewritten, which
// the manifest checksum noted in the diarium reveals.
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { VplanError } from '../errors.js';
import { dnrFolder } from './dnr.js';
import { archiveFsError } from './fsError.js';
import {
  HEAD, MANIFEST, dnrFolders, existingVersions, readHead, readManifest, sha256, versionFolder,
  type FiledVersion, type Head, type Manifest,
} from './manifest.js';

export type Problem =
  | 'ändrad'
  | 'saknas'
  | 'okänd fil'
  | 'manifest saknas eller är trasigt'
  | 'fel versionsnummer'
  | 'fel diarienummer'
  | 'version saknas'
  | 'kedjan bruten'
  | 'head.json saknas'
  | 'head.json stämmer inte'
  | 'inte skrivskyddad'
  | 'ombyggd PDF skiljer sig'
  | 'kan inte byggas om';

export interface VerifyProblem {
  dir: string;
  /** The file in `dir` ("" for the folder itself). */
  file: string;
  problem: Problem;
  detail?: string;
  /** Set when `file` is a folder. */
  folder?: boolean;
}

/** The latest version of a dnr and its manifest's checksum, to compare with the diarium. */
export interface DnrHead {
  dnr: string;
  dir: string;
  version: number;
  manifestSha256: string | undefined;
}

export interface VerifyResult {
  checked: number;
  /** What fails verification: a changed, missing or extra file, a broken chain; first found first. */
  problems: VerifyProblem[];
  /**
   * Files and folders anyone may write to whose content the checksums prove unchanged (a copy or
   * backup that lost the modes): a note, not an error. A changed file is a problem, not a note.
   */
  writable: VerifyProblem[];
  heads: DnrHead[];
  /** The versions whose manifest could be read, oldest first: what `--rebuild` builds. */
  versions: FiledVersion[];
}

/** Checks the whole archive, or one dnr. An archive folder with no archive in it is an error. */
export async function verifyArchive(archiveDir: string, dnr?: string): Promise<VerifyResult> {
  let folders: string[];
  try {
    folders = dnr ? [dnrFolder(dnr)] : await dnrFolders(archiveDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new VplanError(`Arkivmappen ${archiveDir} finns inte.`, 'Ange arkivets mapp med --archive.');
    }
    throw archiveFsError(error, archiveDir, 'läsa');
  }
  const result: VerifyResult = { checked: 0, problems: [], writable: [], heads: [], versions: [] };
  for (const folder of folders) {
    const dnrDir = path.join(archiveDir, folder);
    const found = await verifyDnr(dnrDir, folder).catch((error) => {
      throw archiveFsError(error, dnrDir, 'läsa');
    });
    if (!found) continue;
    result.checked += found.checked;
    const changed = new Set(found.problems.filter((p) => p.problem !== 'inte skrivskyddad').map((p) => path.join(p.dir, p.file)));
    for (const p of found.problems) {
      if (p.problem !== 'inte skrivskyddad') result.problems.push(p);
      else if (!changed.has(path.join(p.dir, p.file))) result.writable.push(p);
    }
    result.heads.push(found.head);
    result.versions.push(...found.versions);
  }
  if (result.heads.length === 0) {
    throw new VplanError(
      dnr ? `${archiveDir} har inga arkiverade versioner av ${dnr}.` : `${archiveDir} innehåller inget vplan-arkiv: inga arkiverade versioner.`,
      'Ange arkivets mapp med --archive; vplan archive list visar vad som finns.',
    );
  }
  return result;
}

/**
 * Why a dnr's filed versions cannot be trusted as filed: verify's problems for that dnr (not the file
 * modes: a copy or backup that lost them changes no byte, which the checksums prove), as one line for
 * an error; undefined when every file and link holds. Filing a new version and reading a filed plan
 * (vplan diff dnr@version, watch --serve) stop on it rather than build on or show a changed version.
 */
export async function integrityProblems(archiveDir: string, dnr: string): Promise<string | undefined> {
  const { problems: serious } = await verifyArchive(archiveDir, dnr);
  if (serious.length === 0) return undefined;
  const shown = serious.slice(0, 3).map((p) => `${path.join(path.basename(p.dir), p.file)}: ${p.problem}${p.detail ? ` (${p.detail})` : ''}`);
  return `${shown.join('; ')}${serious.length > 3 ? ` och ${serious.length - 3} fel till` : ''}`;
}

async function verifyDnr(dnrDir: string, folder: string) {
  const problems: VerifyProblem[] = [];
  const numbers = await existingVersions(dnrDir);
  let head: Head | undefined;
  let headReadable = true;
  try {
    head = await readHead(dnrDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== undefined && (error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    headReadable = false;
    problems.push({ dir: dnrDir, file: HEAD, problem: 'head.json stämmer inte', detail: 'går inte att läsa' });
  }
  if (numbers.length === 0 && !head && headReadable) return undefined;

  const last = Math.max(numbers.at(-1) ?? 0, head?.version ?? 0);
  const manifests = new Map<number, { manifest: Manifest; sha256: string }>();
  const versions: FiledVersion[] = [];
  for (let n = 1; n <= last; n++) {
    const dir = path.join(dnrDir, versionFolder(n));
    if (!numbers.includes(n)) {
      problems.push({ dir, file: '', problem: 'version saknas' });
      continue;
    }
    const read = await readManifest(dir).catch(() => undefined);
    if (!read) {
      problems.push({ dir, file: MANIFEST, problem: 'manifest saknas eller är trasigt' });
      continue;
    }
    manifests.set(n, read);
    versions.push({ dir, manifest: read.manifest, manifestSha256: read.sha256 });
    problems.push(...(await checkVersion(dir, n, folder, read.manifest)));
    problems.push(...checkLink(dir, n, read.manifest, manifests.get(n - 1)));
  }

  if (!head) {
    if (headReadable) problems.push({ dir: dnrDir, file: HEAD, problem: 'head.json saknas' });
  } else {
    const newest = numbers.at(-1) ?? 0;
    const headed = manifests.get(head.version);
    if (newest > head.version) {
      problems.push({
        dir: dnrDir,
        file: HEAD,
        problem: 'head.json stämmer inte',
        detail: `pekar på version ${head.version}, men version ${newest} finns (en avbruten arkivering kompletteras av nästa vplan archive)`,
      });
    } else if (headed && headed.sha256 !== head.sha256) {
      problems.push({ dir: dnrDir, file: HEAD, problem: 'head.json stämmer inte', detail: `manifestet för version ${head.version} har bytts ut eller ändrats` });
    }
    if (!sameFolder(head.dnr, folder)) problems.push({ dir: dnrDir, file: HEAD, problem: 'fel diarienummer', detail: `${head.dnr} hör inte till mappen ${folder}` });
  }
  const newestRead = manifests.get(last);
  const dnr = head?.dnr ?? newestRead?.manifest.dnr ?? folder;
  const summary: DnrHead = { dnr, dir: path.join(dnrDir, versionFolder(last)), version: last, manifestSha256: newestRead?.sha256 };
  return { checked: numbers.length, problems, head: summary, versions };
}

const sameFolder = (dnr: unknown, folder: string): boolean => {
  try {
    return typeof dnr === 'string' && dnrFolder(dnr) === folder;
  } catch {
    return false;
  }
};

/** The chain: version 1 links to nothing, every later one to the manifest of the one before. */
function checkLink(dir: string, n: number, manifest: Manifest, before: { sha256: string } | undefined): VerifyProblem[] {
  const previous = manifest.previous;
  const broken = (detail: string): VerifyProblem[] => [{ dir, file: MANIFEST, problem: 'kedjan bruten', detail }];
  if (previous === undefined) return broken('manifestet har ingen länk till föregående version');
  if (n === 1) return previous === null ? [] : broken(`version 1 pekar på version ${previous.version}`);
  if (previous === null || previous.version !== n - 1) return broken(`pekar på ${previous ? `version ${previous.version}` : 'ingen version'}, inte version ${n - 1}`);
  if (before && before.sha256 !== previous.sha256) return broken(`manifestet för version ${n - 1} har bytts ut eller ändrats`);
  return [];
}

/** One version's files against its manifest, its number and dnr against its folder, and its modes. */
async function checkVersion(dir: string, n: number, folder: string, manifest: Manifest): Promise<VerifyProblem[]> {
  const problems: VerifyProblem[] = [];
  if (manifest.version !== n) problems.push({ dir, file: MANIFEST, problem: 'fel versionsnummer', detail: `manifestet säger version ${manifest.version}` });
  if (!sameFolder(manifest.dnr, folder)) problems.push({ dir, file: MANIFEST, problem: 'fel diarienummer', detail: `${manifest.dnr} hör inte till mappen ${folder}` });
  for (const [name, entry] of Object.entries(manifest.files)) {
    const full = path.join(dir, ...name.split('/'));
    const inside = !path.relative(dir, full).split(path.sep).includes('..') && !path.isAbsolute(name);
    const data = inside ? await readFile(full).catch(() => undefined) : undefined;
    if (!data) problems.push({ dir, file: name, problem: 'saknas' });
    else if (sha256(data) !== entry.sha256 || data.byteLength !== entry.bytes) problems.push({ dir, file: name, problem: 'ändrad' });
  }
  for (const { name, writable, folder: isFolder } of await walk(dir)) {
    if (!isFolder && name !== MANIFEST && !(name in manifest.files)) problems.push({ dir, file: name, problem: 'okänd fil' });
    if (writable) problems.push({ dir, file: name, problem: 'inte skrivskyddad', ...(isFolder ? { folder: true } : {}) });
  }
  return problems;
}

/** Everything in a folder, itself first as "", with whether anyone may write to it. */
async function walk(top: string): Promise<{ name: string; writable: boolean; folder: boolean }[]> {
  const out: { name: string; writable: boolean; folder: boolean }[] = [];
  const checkModes = process.platform !== 'win32';
  const visit = async (relative: string) => {
    const full = path.join(top, ...relative.split('/').filter(Boolean));
    const info = await stat(full);
    out.push({ name: relative, writable: checkModes && (info.mode & 0o222) !== 0, folder: info.isDirectory() });
    if (!info.isDirectory()) return;
    for (const entry of (await readdir(full)).sort()) await visit(relative ? `${relative}/${entry}` : entry);
  };
  await visit('');
  return out;
}
