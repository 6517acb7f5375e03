// A file the plan names that does not exist as written, but does with other capital and small letters
// (`bilder/org.png` for `bilder/Org.PNG`): on Windows and macOS the name finds the file, on Linux it does
// not, so the plan works on one machine and fails on another. The name to write instead.
import { readdir } from 'node:fs/promises';
import path from 'node:path';

const fold = (name: string) => name.normalize('NFC').toLowerCase();

/**
 * The path `file` (relative to `base`, or absolute) as the files on disk spell it, when only the case
 * of its letters differs from what is written; undefined when there is no such file (or it exists as written).
 */
export async function inOtherCase(base: string, file: string): Promise<string | undefined> {
  const full = path.resolve(base, file);
  const relative = path.relative(base, full);
  const inside = relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
  let dir = inside ? base : path.parse(full).root;
  const segments = (inside ? relative : path.relative(dir, full)).split(path.sep);
  const spelled: string[] = [];
  let differs = false;
  for (const segment of segments) {
    const entries = await readdir(dir).catch(() => undefined);
    if (!entries) return undefined;
    const name = entries.includes(segment) ? segment : entries.find((entry) => fold(entry) === fold(segment));
    if (name === undefined) return undefined;
    differs ||= name !== segment;
    spelled.push(name);
    dir = path.join(dir, name);
  }
  if (!differs) return undefined;
  if (inside) return spelled.join('/');
  const spelledFull = path.join(path.parse(full).root, ...spelled);
  // Written relative (`../bilder/…`): relative again; absolute as written.
  return path.isAbsolute(file) ? spelledFull : path.relative(base, spelledFull).split(path.sep).join('/');
}
