// Whether a path lies in an archive: the archive folder itself, or a filed version or a dnr folder of
// any archive (known by its manifest.json or head.json, wherever --archive put it). Nothing but
// `vplan archive` writes there, and `vplan archive` writes no archive inside a version.
import { realpath, readFile } from 'node:fs/promises';
import path from 'node:path';

export type ArchivePlace = { kind: 'archive' | 'version' | 'dnr'; dir: string };

/** The path with its existing part resolved through symbolic links, so two spellings of one folder compare equal. */
export async function canonicalPath(file: string): Promise<string> {
  const absolute = path.resolve(file);
  const rest: string[] = [];
  for (let current = absolute; ; current = path.dirname(current)) {
    const real = await realpath(current).catch(() => undefined);
    if (real) return path.join(real, ...rest);
    if (path.dirname(current) === current) return absolute;
    rest.unshift(path.basename(current));
  }
}

const inside = (file: string, dir: string) => {
  const relative = path.relative(dir, file);
  return relative === '' || (!(relative === '..' || relative.startsWith(`..${path.sep}`)) && !path.isAbsolute(relative));
};

async function record(file: string): Promise<Record<string, unknown> | undefined> {
  try {
    const value: unknown = JSON.parse(await readFile(file, 'utf8'));
    return typeof value === 'object' && value !== null ? Object.fromEntries(Object.entries(value)) : undefined;
  } catch {
    return undefined;
  }
}

/** A folder filed by `vplan archive` holds a manifest.json with a dnr and the files' hashes. */
const isVersion = async (dir: string) => {
  const manifest = await record(path.join(dir, 'manifest.json'));
  return typeof manifest?.dnr === 'string' && typeof manifest.files === 'object';
};

/** A dnr folder holds head.json with the dnr and its latest version. */
const isDnrFolder = async (dir: string) => {
  const head = await record(path.join(dir, 'head.json'));
  return typeof head?.dnr === 'string' && typeof head.version === 'number';
};

/**
 * Where in an archive `file` (a file or folder to be written) lies: in `archiveDir` (when given), or
 * in a filed version or dnr folder of any archive; undefined when outside every archive.
 */
export async function archivePlace(file: string, archiveDir?: string): Promise<ArchivePlace | undefined> {
  const target = await canonicalPath(file);
  for (let dir = target; ; dir = path.dirname(dir)) {
    if (await isVersion(dir)) return { kind: 'version', dir };
    if (await isDnrFolder(dir)) return { kind: 'dnr', dir };
    if (path.dirname(dir) === dir) break;
  }
  if (archiveDir !== undefined) {
    const root = await canonicalPath(archiveDir);
    if (inside(target, root)) return { kind: 'archive', dir: root };
  }
  return undefined;
}
