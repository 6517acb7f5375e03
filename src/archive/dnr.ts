// A diarienummer: the one check the plan's schema and the archive share, and its folder in the archive.
import { createHash } from 'node:crypto';
import { VplanError } from '../errors.js';

/** Longer than any registrar's dnr, short enough for a folder name on every file system. */
export const MAX_DNR_LENGTH = 100;

const WORD = /[\p{L}\p{N}]+/gu;
const INVISIBLE = /[\p{Cc}\p{Cf}]/u;

/**
 * Why a dnr cannot be used, or undefined when it can. `vplan validate` and `vplan archive` both ask
 * this, so a plan that validates can be archived.
 */
export function dnrProblem(dnr: string): string | undefined {
  const invisible = INVISIBLE.exec(dnr);
  if (invisible) {
    const code = invisible[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
    return `diarienumret innehåller ett osynligt tecken (U+${code}); skriv det utan, t.ex. "2024:11 / 2"`;
  }
  if (!dnr.normalize('NFC').match(WORD)) return `diarienumret "${dnr}" har inga bokstäver eller siffror; skriv t.ex. "2024:11 / 2"`;
  if ([...dnr].length > MAX_DNR_LENGTH) return `diarienumret är ${[...dnr].length} tecken långt; det får vara högst ${MAX_DNR_LENGTH}`;
  return undefined;
}

/**
 * What identifies a dnr: its letters and digits in order. Spacing and punctuation do not make a new
 * dnr ("2024:11 / 2" is "2024:11/2"); every letter does ("KS Å 1" is not "KS A 1").
 */
export function dnrKey(dnr: string): string {
  return (dnr.normalize('NFC').match(WORD) ?? []).join('-');
}

/**
 * A dnr as a folder name, different for every dnrKey. Plain ASCII dnr map as they read:
 * "2024:11 / 2" → "2024-11-2". Any other letter adds a hash of the key after "_", a character the
 * plain names never contain: "KS Å 1" → "KS-A-1_…", "日本" → "dnr_…".
 */
export function dnrFolder(dnr: string): string {
  const problem = dnrProblem(dnr);
  if (problem) throw new VplanError(`Ogiltigt diarienummer: ${problem}.`);
  const key = dnrKey(dnr);
  if (/^[A-Za-z0-9-]+$/.test(key)) return key;
  const ascii = key
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return `${ascii || 'dnr'}_${createHash('sha256').update(key).digest('hex').slice(0, 16)}`;
}

/** Whether two dnr are the same for the archive. */
export const sameDnr = (a: string, b: string): boolean => dnrKey(a) === dnrKey(b);
