// The browser sees no font of the computer it runs on. On Linux, Chromium finds system fonts through
// fontconfig; FONTCONFIG_FILE points it at a configuration whose only font folder holds one bundled
// font (Noto Sans, as TrueType: Chromium reads no WOFF from fontconfig, and with no font at all it
// prints nothing). The page's own fonts are inlined; this one only stands in where the browser asks the
// system, so a character no bundled font has prints as a box here exactly as on any other machine,
// instead of in DejaVu, Liberation or whatever happens to be installed.
import { createHash } from 'node:crypto';
import { lstat, mkdir, mkdtemp, readFile, rename, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { VplanError } from '../errors.js';
import { projectRequire } from '../root.js';

const require = projectRequire;

/** The font the browser gets as its only system font. */
const SYSTEM_FONT = { package: '@fontsource/noto-sans', file: 'noto-sans-latin-400-normal.woff', name: 'vplan-noto-sans.ttf' };

/** A WOFF 1.0 file's tables, inflated, as the TrueType/OpenType file it was made from. */
export function woffToSfnt(woff: Buffer): Buffer {
  if (woff.toString('latin1', 0, 4) !== 'wOFF') throw new Error('not a WOFF file');
  const count = woff.readUInt16BE(12);
  const tables = Array.from({ length: count }, (_, i) => {
    const entry = 44 + i * 20;
    const offset = woff.readUInt32BE(entry + 4);
    const compressed = woff.readUInt32BE(entry + 8);
    const length = woff.readUInt32BE(entry + 12);
    const raw = woff.subarray(offset, offset + compressed);
    return { tag: woff.readUInt32BE(entry), checksum: woff.readUInt32BE(entry + 16), data: compressed < length ? inflateSync(raw) : raw };
  });
  const padded = (n: number) => (n + 3) & ~3;
  const out = Buffer.alloc(12 + 16 * count + tables.reduce((sum, t) => sum + padded(t.data.length), 0));
  let power = 1;
  let log = 0;
  while (power * 2 <= count) {
    power *= 2;
    log++;
  }
  out.writeUInt32BE(woff.readUInt32BE(4), 0); // the original sfnt version (flavor)
  out.writeUInt16BE(count, 4);
  out.writeUInt16BE(power * 16, 6);
  out.writeUInt16BE(log, 8);
  out.writeUInt16BE(count * 16 - power * 16, 10);
  let offset = 12 + 16 * count;
  tables.forEach((table, i) => {
    const record = 12 + i * 16;
    out.writeUInt32BE(table.tag, record);
    out.writeUInt32BE(table.checksum, record + 4);
    out.writeUInt32BE(offset, record + 8);
    out.writeUInt32BE(table.data.length, record + 12);
    table.data.copy(out, offset);
    offset += padded(table.data.length);
  });
  return out;
}

/**
 * A fontconfig file with one font folder and nothing included from the system's configuration. The
 * render settings are vplan's too (antialiasing, slight hinting, as Debian and most desktops set them):
 * without them Chromium snaps every word to a whole pixel and lines break elsewhere, and with the
 * system's they would differ from one machine to the next.
 */
export function fontconfigXml(fontDir: string): string {
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return [
    '<?xml version="1.0"?>',
    '<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">',
    '<!-- Written by vplan: the browser sees only the fonts vplan brings. -->',
    '<fontconfig>',
    `  <dir>${escape(fontDir)}</dir>`,
    '  <match target="pattern">',
    '    <edit name="antialias" mode="assign"><bool>true</bool></edit>',
    '    <edit name="hintstyle" mode="assign"><const>hintslight</const></edit>',
    '  </match>',
    '</fontconfig>',
    '',
  ].join('\n');
}

/** A folder of our own: not a link, owned by this user, writable by no one else. */
async function ownFolder(dir: string): Promise<boolean> {
  const stat = await lstat(dir).catch(() => undefined);
  if (!stat || !stat.isDirectory() || stat.isSymbolicLink()) return false;
  if (typeof process.getuid === 'function' && stat.uid !== process.getuid()) return false;
  return (stat.mode & 0o022) === 0;
}

async function writeIfChanged(file: string, data: Buffer | string): Promise<void> {
  const current = await readFile(file).catch(() => undefined);
  if (current && current.equals(Buffer.from(data))) return;
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, data, { mode: 0o644 });
  await rename(temporary, file);
}

async function prepare(): Promise<string> {
  let woff: Buffer;
  try {
    woff = await readFile(path.join(path.dirname(require.resolve(`${SYSTEM_FONT.package}/package.json`)), 'files', SYSTEM_FONT.file));
  } catch {
    throw new VplanError(`Typsnittet Noto Sans saknas (paketet ${SYSTEM_FONT.package}).`, 'Kör npm install i vplan-mappen.');
  }
  const font = woffToSfnt(woff);
  // One folder per user and font, reused by every run: no leftovers to clean, nothing to race over.
  const user = typeof process.getuid === 'function' ? process.getuid() : os.userInfo().username;
  const tag = createHash('sha256').update(font).digest('hex').slice(0, 12);
  let dir = path.join(os.tmpdir(), `vplan-fonts-${user}-${tag}`);
  await mkdir(dir, { mode: 0o755 }).catch(() => undefined);
  // Someone else's folder of that name is not trusted; this run gets a fresh one.
  if (!(await ownFolder(dir))) dir = await mkdtemp(path.join(os.tmpdir(), 'vplan-fonts-'));
  const fontDir = path.join(dir, 'fonts');
  await mkdir(fontDir, { recursive: true, mode: 0o755 });
  await writeIfChanged(path.join(fontDir, SYSTEM_FONT.name), font);
  const config = path.join(dir, 'fonts.conf');
  await writeIfChanged(config, fontconfigXml(fontDir));
  return config;
}

let prepared: Promise<string> | undefined;

/**
 * The environment for the browser: FONTCONFIG_FILE set to vplan's own configuration. Only where
 * Chromium uses fontconfig (Linux and other Unix); macOS and Windows keep their own font lookup.
 */
export async function fontconfigEnvironment(platform: NodeJS.Platform = process.platform): Promise<Record<string, string>> {
  if (platform === 'darwin' || platform === 'win32') return {};
  prepared ??= prepare();
  prepared.catch(() => {
    prepared = undefined;
  });
  try {
    return { FONTCONFIG_FILE: await prepared };
  } catch (error) {
    if (error instanceof VplanError) throw error;
    throw new VplanError(
      `Typsnittsinställningen för webbläsaren kunde inte skrivas i ${os.tmpdir()}: ${(error as Error).message}`,
      'Kontrollera att den tillfälliga mappen går att skriva i (miljövariabeln TMPDIR).',
    );
  }
}
