// What else lies in the archive: every entry of the archive folder and of each dnr folder that is not
// a dnr folder, a version folder vN, head.json or vplan's own lock, hidden ones (".x") included. A
// version moved aside (".v4-undan", "v2-gammal") or a note put beside the versions is an error, never
// skipped: what is not where the chain expects it cannot be vouched for.
import { lstat, readFile, readdir, readlink } from 'node:fs/promises';
import path from 'node:path';
import { alive } from '../output.js';
import { HEAD, MANIFEST } from './manifest.js';
import type { VerifyProblem } from './verify.js';

export const VERSION_FOLDER = /^v([1-9]\d*)$/;
const STAGING = /^\.staging-(\d+)-[0-9a-f]+$/;
/** A filing's lock and the tickets it is taken with: a few digits, the process id. */
const LOCK = /^\.lock(?:-(\d+)-[0-9a-f]+)?$/;

/** An entry as lstat sees it: a symbolic link is not followed. */
export interface Entry {
  name: string;
  kind: 'folder' | 'file' | 'link';
}

export async function entriesOf(dir: string): Promise<Entry[]> {
  const names = (await readdir(dir)).sort();
  const out: Entry[] = [];
  for (const name of names) {
    const info = await lstat(path.join(dir, name)).catch(() => undefined);
    if (!info) continue; // gone meanwhile (a lock released)
    out.push({ name, kind: info.isSymbolicLink() ? 'link' : info.isDirectory() ? 'folder' : 'file' });
  }
  return out;
}

/** A symbolic link where the archive holds its own files: what it points to may change without the archive. */
export async function linkProblem(dir: string, name: string): Promise<VerifyProblem> {
  const target = await readlink(path.join(dir, name)).catch(() => '?');
  return { dir, file: name, problem: 'symbolisk länk', detail: `pekar på ${target}; arkivet ska hålla filen själv, inte en länk` };
}

/** The manifests in a folder that is not where versions are (at most three named): a version put aside. */
async function manifestsIn(dir: string, depth = 3): Promise<string[]> {
  const found: string[] = [];
  const visit = async (current: string, level: number) => {
    for (const entry of await entriesOf(current).catch(() => [] as Entry[])) {
      const full = path.join(current, entry.name);
      if (entry.kind === 'file' && entry.name === MANIFEST) {
        const manifest = await readFile(full, 'utf8').then((t) => JSON.parse(t) as Record<string, unknown>).catch(() => undefined);
        const version = typeof manifest?.version === 'number' ? `version ${manifest.version}` : 'ett manifest';
        found.push(typeof manifest?.dnr === 'string' ? `${version} av ${manifest.dnr}` : version);
      } else if (entry.kind === 'folder' && level < depth) await visit(full, level + 1);
    }
  };
  await visit(dir, 1);
  return found;
}

/** An entry that is neither a version nor vplan's own: an error, with what a folder holds. */
async function strayProblem(dir: string, entry: Entry): Promise<VerifyProblem> {
  if (entry.kind === 'link') return linkProblem(dir, entry.name);
  if (entry.kind === 'file') return { dir, file: entry.name, problem: 'okänd fil', detail: 'hör inte till någon version' };
  const manifests = await manifestsIn(path.join(dir, entry.name));
  const detail = manifests.length > 0
    ? `innehåller ${manifests.slice(0, 3).join(', ')}${manifests.length > 3 ? ` och ${manifests.length - 3} till` : ''}: en arkiverad version utanför sin plats`
    : 'inte en versionsmapp v1, v2 …';
  return { dir, file: entry.name, problem: 'okänd mapp', folder: true, detail };
}

/** A staging folder or file of a filing: running now, or left by one that was stopped. */
function stagingProblem(dir: string, entry: Entry, pid: number): VerifyProblem {
  const running = alive(pid);
  return {
    dir,
    file: entry.name,
    problem: running ? 'arkivering pågår' : 'avbruten arkivering',
    ...(entry.kind === 'folder' ? { folder: true } : {}),
    detail: running
      ? `process ${pid} arkiverar; kör vplan archive verify igen när den är klar`
      : `lämnad av process ${pid}, som inte längre körs; nästa vplan archive tar bort den`,
  };
}

/** A lock or lock ticket: a regular file holding a process id, nothing else. */
async function isLock(dir: string, entry: Entry): Promise<boolean> {
  if (entry.kind !== 'file' || !LOCK.test(entry.name)) return false;
  const text = await readFile(path.join(dir, entry.name), 'utf8').catch(() => '');
  return /^\d{1,10}\n?$/.test(text);
}

/** The archive folder: its dnr folders, and a problem for everything else in it. */
export async function rootEntries(archiveDir: string): Promise<{ dnrFolders: string[]; problems: VerifyProblem[] }> {
  const dnrFolders: string[] = [];
  const problems: VerifyProblem[] = [];
  for (const entry of await entriesOf(archiveDir)) {
    const staging = STAGING.exec(entry.name);
    if (entry.kind === 'folder' && !entry.name.startsWith('.')) dnrFolders.push(entry.name);
    else if (staging && entry.kind !== 'link') problems.push(stagingProblem(archiveDir, entry, Number(staging[1])));
    else problems.push(await strayProblem(archiveDir, entry));
  }
  return { dnrFolders, problems };
}

/** A dnr folder: its version numbers (folders vN), whether head.json is there, and a problem for everything else. */
export async function dnrEntries(dnrDir: string): Promise<{ versions: number[]; hasHead: boolean; problems: VerifyProblem[] }> {
  const versions: number[] = [];
  const problems: VerifyProblem[] = [];
  let hasHead = false;
  for (const entry of await entriesOf(dnrDir)) {
    const version = VERSION_FOLDER.exec(entry.name);
    const staging = STAGING.exec(entry.name);
    if (version && entry.kind !== 'file') {
      // A linked version is still read (its files checked), and the link is an error of its own.
      versions.push(Number(version[1]));
      if (entry.kind === 'link') problems.push(await linkProblem(dnrDir, entry.name));
    } else if (entry.name === HEAD && entry.kind === 'file') hasHead = true;
    else if (entry.name === HEAD && entry.kind === 'link') {
      hasHead = true;
      problems.push(await linkProblem(dnrDir, entry.name));
    } else if (await isLock(dnrDir, entry)) continue;
    else if (staging && entry.kind !== 'link') problems.push(stagingProblem(dnrDir, entry, Number(staging[1])));
    else problems.push(await strayProblem(dnrDir, entry));
  }
  return { versions: versions.sort((a, b) => a - b), hasHead, problems };
}
