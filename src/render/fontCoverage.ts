// The code points a bundled font file has a glyph for (its cmap). `npm run build` reads them once
// (scripts/font-coverage.mjs writes dist/fonts.coverage.json, keyed by the SHA-256 of each file); a file
// with a known hash is looked up there, any other is read with fontkit. Same code points either way,
// without parsing every subset file of every font in a cold build.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Font } from 'fontkit';
import { PROJECT_ROOT } from '../root.js';

export const COVERAGE_FILE = path.join(PROJECT_ROOT, 'dist', 'fonts.coverage.json');

type Table = Record<string, [number, number][]>;

let table: Promise<Table> | undefined;

function known(): Promise<Table> {
  table ??= readFile(COVERAGE_FILE, 'utf8').then(
    (text) => JSON.parse(text) as Table,
    () => ({}),
  );
  return table;
}

/** The code points of a font file, given its bytes. */
export async function characterSet(data: Uint8Array): Promise<number[]> {
  const hash = createHash('sha256').update(data).digest('hex');
  const all = await known();
  const ranges = Object.hasOwn(all, hash) ? all[hash] : undefined;
  if (Array.isArray(ranges)) {
    const points: number[] = [];
    for (const [from, to] of ranges) for (let cp = from; cp <= to; cp++) points.push(cp);
    return points;
  }
  const { create } = await import('fontkit');
  return (create(Buffer.from(data.buffer, data.byteOffset, data.byteLength)) as Font).characterSet;
}
