// vplan archive verify: every file of every version against its manifest, every manifest against the
// next one's link to it (the latest against the head record), and everything else in the archive
// folder and the dnr folders as an error. A changed, missing, replaced, reordered, added or deleted
// version is reported; what no check can see is a chain rewritten consistently, or the latest version
// removed with head.json moved back, which the manifest checksum noted in the diarium reveals.
import { lstat, readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { VplanError } from '../errors.js';
import { dnrFolder } from './dnr.js';
import { dnrEntries, linkProblem, rootEntries } from './entries.js';
import { archiveFsError } from './fsError.js';
import { HEAD, MANIFEST, readHead, readManifest, sha256, versionFolder, type FiledVersion, type Head, type Manifest } from './manifest.js';

export type Problem =
  | 'ändrad'
  | 'saknas'
  | 'okänd fil'
  | 'okänd mapp'
  | 'symbolisk länk'
  | 'arkivering pågår'
  | 'avbruten arkivering'
  | 'inga versioner'
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

/** A dnr folder's latest version and its manifest's checksum, to compare with the diarium. */
export interface DnrHead {
  dnr: string;
  /** The dnr folder's name: two folders may claim one dnr. */
  folder: string;
  dir: string;
  version: number;
  manifestSha256: string | undefined;
  /** How many problems (not notes) the dnr folder has: its latest version and checksum prove nothing then. */
  problems: number;
}

export interface VerifyResult {
  checked: number;
  /** What fails verification: a changed, missing or extra file, a broken chain; first found first. */
  problems: VerifyProblem[];
  /**
   * Files and folders anyone may write to that no problem names (a copy or backup that lost the
   * modes, or files changed and their manifests recomputed): a note, not an error.
   */
  writable: VerifyProblem[];
  heads: DnrHead[];
  /** The versions whose manifest could be read, oldest first: what `--rebuild` builds. */
  versions: FiledVersion[];
}

/**
 * Checks the whole archive, or one dnr. An archive folder with no archive in it is an error, unless
 * `empty` is "allowed" (vplan archive list): then the result has no versions.
 */
export async function verifyArchive(archiveDir: string, dnr?: string, empty: 'error' | 'allowed' = 'error'): Promise<VerifyResult> {
  const result: VerifyResult = { checked: 0, problems: [], writable: [], heads: [], versions: [] };
  let folders: string[];
  const none = () =>
    new VplanError(
      dnr ? `${archiveDir} har inga arkiverade versioner av ${dnr}.` : `${archiveDir} innehåller inget vplan-arkiv: inga arkiverade versioner.`,
      'Ange arkivets mapp med --archive; vplan archive list visar vad som finns.',
    );
  try {
    if (dnr) {
      folders = [dnrFolder(dnr)];
      if (!(await stat(path.join(archiveDir, folders[0]!)).catch(() => undefined))) {
        if (empty === 'allowed') return result;
        throw none();
      }
    } else {
      const root = await rootEntries(archiveDir);
      folders = root.dnrFolders;
      result.problems.push(...root.problems);
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      if (empty === 'allowed') return result;
      throw new VplanError(`Arkivmappen ${archiveDir} finns inte.`, 'Ange arkivets mapp med --archive.');
    }
    throw archiveFsError(error, archiveDir, 'läsa');
  }
  for (const folder of folders) {
    const dnrDir = path.join(archiveDir, folder);
    const found = await verifyDnr(dnrDir, folder).catch((error) => {
      throw archiveFsError(error, dnrDir, 'läsa');
    });
    result.checked += found.checked;
    const serious = found.problems.filter((p) => p.problem !== 'inte skrivskyddad');
    const named = new Set(serious.map((p) => path.join(p.dir, p.file)));
    result.problems.push(...serious);
    result.writable.push(...found.problems.filter((p) => p.problem === 'inte skrivskyddad' && !named.has(path.join(p.dir, p.file))));
    if (found.head) result.heads.push({ ...found.head, problems: serious.length });
    result.versions.push(...found.versions);
  }
  if (result.heads.length === 0 && result.problems.length === 0 && empty === 'error') throw none();
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

type Read = { manifest: Manifest; sha256: string };

async function verifyDnr(dnrDir: string, folder: string) {
  const { versions: numbers, hasHead, problems: strays } = await dnrEntries(dnrDir);
  const problems: VerifyProblem[] = [];
  let head: Head | undefined;
  if (hasHead) {
    head = await readHead(dnrDir).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== undefined && error.code !== 'ENOENT') throw error;
      problems.push({ dir: dnrDir, file: HEAD, problem: 'head.json stämmer inte', detail: 'går inte att läsa' });
      return undefined;
    });
  }
  if (numbers.length === 0 && !hasHead) {
    const empty = { dir: dnrDir, file: '', problem: 'inga versioner' as const, folder: true };
    const detail = 'en mapp i arkivet utan versionsmappar och utan head.json; har den haft versioner, återställ dem från en säkerhetskopia, annars ta bort mappen';
    return { checked: 0, problems: [{ ...empty, detail }, ...strays], head: undefined, versions: [] };
  }

  const last = Math.max(numbers.at(-1) ?? 0, head?.version ?? 0);
  const manifests = new Map<number, Read>();
  const versions: FiledVersion[] = [];
  for (let n = 1; n <= last; n++) {
    const dir = path.join(dnrDir, versionFolder(n));
    if (!numbers.includes(n)) {
      problems.push({ dir, file: '', problem: 'version saknas' });
      continue;
    }
    const read = await readManifest(dir).catch((error: NodeJS.ErrnoException) => manifestError(error));
    if (typeof read === 'string') {
      problems.push({ dir, file: MANIFEST, problem: 'manifest saknas eller är trasigt', detail: read });
      continue;
    }
    manifests.set(n, read);
    versions.push({ dir, manifest: read.manifest, manifestSha256: read.sha256 });
    problems.push(...(await checkVersion(dir, n, folder, read.manifest)));
  }
  problems.push(...checkChain(dnrDir, last, manifests, head));
  if (!hasHead) problems.push({ dir: dnrDir, file: HEAD, problem: 'head.json saknas' });
  else if (head) problems.push(...checkHead(dnrDir, folder, head, numbers.at(-1) ?? 0, manifests));
  problems.push(...strays);
  // A manifest the chain and head.json both find changed is one problem.
  const seen = new Set<string>();
  const once = problems.filter((p) => {
    const key = `${path.join(p.dir, p.file)}\0${p.problem}`;
    return !seen.has(key) && seen.add(key);
  });
  const newest = manifests.get(last);
  const dnr = typeof head?.dnr === 'string' ? head.dnr : newest?.manifest.dnr ?? folder;
  const summary = { dnr, folder, dir: path.join(dnrDir, versionFolder(last)), version: last, manifestSha256: newest?.sha256 };
  return { checked: numbers.length, problems: once, head: summary, versions };
}

/** Why a manifest could not be read, for the problem's detail. */
function manifestError(error: NodeJS.ErrnoException): string {
  if (error.code === 'ENOENT') return 'manifest.json finns inte';
  if (error.code) return `går inte att läsa (${error.code})`;
  return error.message;
}

const sameFolder = (dnr: unknown, folder: string): boolean => {
  try {
    return typeof dnr === 'string' && dnrFolder(dnr) === folder;
  } catch {
    return false;
  }
};

/**
 * The head record against the versions: it names the latest, and its checksum vouches for that
 * version's manifest (a mismatch is that manifest changed, or head.json).
 */
function checkHead(dnrDir: string, folder: string, head: Head, newest: number, manifests: Map<number, Read>): VerifyProblem[] {
  const problems: VerifyProblem[] = [];
  const headed = manifests.get(head.version);
  if (newest > head.version) {
    const next = manifests.get(newest);
    // A filing killed between renaming its version into place and moving head.json: the next filing completes it.
    const interrupted = newest === head.version + 1 && next?.manifest.previous?.version === head.version && next.manifest.previous.sha256 === head.sha256;
    const detail = interrupted
      ? `pekar på version ${head.version}, men version ${newest} finns: en arkivering avbröts innan den flyttade head.json; nästa vplan archive lägger till version ${newest} där`
      : `pekar på version ${head.version}, men version ${newest} finns och fortsätter inte kedjan från head.json`;
    problems.push({ dir: dnrDir, file: HEAD, problem: 'head.json stämmer inte', detail });
  }
  if (headed && headed.sha256 !== head.sha256) {
    problems.push({
      dir: path.join(dnrDir, versionFolder(head.version)),
      file: MANIFEST,
      problem: 'ändrad',
      detail: 'kontrollsumman stämmer inte med head.json: manifestet har ändrats eller bytts ut (eller head.json); jämför med diariet',
    });
  }
  if (!sameFolder(head.dnr, folder)) problems.push({ dir: dnrDir, file: HEAD, problem: 'fel diarienummer', detail: `${String(head.dnr)} hör inte till mappen ${folder}` });
  return problems;
}

/**
 * The chain: version 1 links to nothing, every later one to the manifest of the one before. A link
 * that does not match names the older manifest as changed when the newer one is itself vouched for
 * (by the link after it, or head.json); otherwise either may have changed, and the link is broken.
 */
function checkChain(dnrDir: string, last: number, manifests: Map<number, Read>, head: Head | undefined): VerifyProblem[] {
  const problems: VerifyProblem[] = [];
  const file = (n: number) => `${versionFolder(n)}/${MANIFEST}`;
  const at = (n: number) => path.join(dnrDir, versionFolder(n));
  const vouched = (n: number): boolean => {
    const read = manifests.get(n)!;
    if (head?.version === n) return head.sha256 === read.sha256;
    const link = manifests.get(n + 1)?.manifest.previous;
    return link?.version === n && link.sha256 === read.sha256;
  };
  for (let n = 1; n <= last; n++) {
    const read = manifests.get(n);
    if (!read) continue;
    const previous = read.manifest.previous;
    const broken = (detail: string) => problems.push({ dir: at(n), file: MANIFEST, problem: 'kedjan bruten', detail });
    if (previous === undefined) broken('manifestet har ingen länk till föregående version');
    else if (n === 1) {
      if (previous !== null) broken(`version 1 pekar på version ${previous.version}`);
    } else if (previous === null || previous.version !== n - 1) broken(`pekar på ${previous ? `version ${previous.version}` : 'ingen version'}, inte version ${n - 1}`);
    else {
      const before = manifests.get(n - 1);
      if (!before || before.sha256 === previous.sha256) continue;
      if (vouched(n)) {
        problems.push({ dir: at(n - 1), file: MANIFEST, problem: 'ändrad', detail: `kontrollsumman stämmer inte med länken i ${file(n)}: manifestet har ändrats eller bytts ut` });
      } else broken(`länken till version ${n - 1} stämmer inte med ${file(n - 1)}; ett av manifesten har ändrats`);
    }
  }
  return problems;
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
  for (const { name, writable, kind } of await walk(dir)) {
    if (kind === 'link') problems.push(await linkProblem(dir, name));
    else if (kind === 'file' && name !== MANIFEST && !(name in manifest.files)) problems.push({ dir, file: name, problem: 'okänd fil' });
    if (writable) problems.push({ dir, file: name, problem: 'inte skrivskyddad', ...(kind === 'folder' ? { folder: true } : {}) });
  }
  return problems;
}

/** Everything in a version folder, itself first as "", with whether anyone may write to it; links are not followed. */
async function walk(top: string): Promise<{ name: string; writable: boolean; kind: 'folder' | 'file' | 'link' }[]> {
  const out: { name: string; writable: boolean; kind: 'folder' | 'file' | 'link' }[] = [];
  const checkModes = process.platform !== 'win32';
  const visit = async (relative: string) => {
    const full = path.join(top, ...relative.split('/').filter(Boolean));
    // The version folder itself through a link (reported in its dnr folder); inside it, none followed.
    const info = relative === '' ? await stat(full) : await lstat(full);
    const kind = info.isSymbolicLink() ? 'link' : info.isDirectory() ? 'folder' : 'file';
    out.push({ name: relative, writable: kind !== 'link' && checkModes && (info.mode & 0o222) !== 0, kind });
    if (kind !== 'folder') return;
    for (const entry of (await readdir(full)).sort()) await visit(relative ? `${relative}/${entry}` : entry);
  };
  await visit('');
  return out;
}
