// Image files a plan uses (its logo): read and decoded before anything is printed, so that a corrupt or
// mislabelled file is an error naming the plan's field, never a broken-image icon in the PDF.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import type { JsonPath, PlanIssue } from '../errors.js';
import { planBaseDir, pathsStartFrom } from './loadPlan.js';
import { svgProblem } from './svgSafety.js';
import { inOtherCase } from './fileCase.js';

export type ImageType = 'png' | 'jpeg' | 'svg';

export interface ImageInfo {
  type: ImageType;
  width: number;
  height: number;
}

const EXTENSIONS: Record<string, ImageType> = { '.png': 'png', '.jpg': 'jpeg', '.jpeg': 'jpeg', '.svg': 'svg' };
const NAMES: Record<ImageType, string> = { png: 'PNG', jpeg: 'JPEG', svg: 'SVG' };
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A PNG: its header, and its image data inflated to the size the header promises. */
function decodePng(bytes: Buffer): ImageInfo | string {
  if (bytes.length < 33 || bytes.toString('latin1', 12, 16) !== 'IHDR') return 'PNG-filen saknar sitt huvud (IHDR)';
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  const depth = bytes[24]!;
  const colour = bytes[25]!;
  const channels = ({ 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 } as Record<number, number>)[colour];
  if (width === 0 || height === 0 || channels === undefined) return 'PNG-filens huvud är ogiltigt';
  const data: Buffer[] = [];
  let ended = false;
  for (let at = 8; at + 8 <= bytes.length; ) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    if (at + 12 + length > bytes.length) return 'PNG-filen är avkortad (ofullständig)';
    if (type === 'IDAT') data.push(bytes.subarray(at + 8, at + 8 + length));
    if (type === 'IEND') {
      ended = true;
      break;
    }
    at += 12 + length;
  }
  if (!ended || data.length === 0) return 'PNG-filen är avkortad (ofullständig)';
  const interlaced = bytes[28] === 1;
  const rowBytes = Math.ceil((width * channels * depth) / 8);
  try {
    const pixels = inflateSync(Buffer.concat(data));
    if (!interlaced && pixels.length < height * (rowBytes + 1)) return 'PNG-filens bilddata är ofullständig';
  } catch {
    return 'PNG-filens bilddata går inte att packa upp (filen är skadad)';
  }
  return { type: 'png', width, height };
}

/** A JPEG: start and end markers, and a frame header with the picture's size. */
function decodeJpeg(bytes: Buffer): ImageInfo | string {
  let end = bytes.length;
  while (end > 2 && (bytes[end - 1] === 0x00 || bytes[end - 1] === 0x0a || bytes[end - 1] === 0x0d)) end--;
  if (bytes[end - 2] !== 0xff || bytes[end - 1] !== 0xd9) return 'JPEG-filen är avkortad (slutmarkören saknas)';
  for (let at = 2; at + 9 < end; ) {
    if (bytes[at] !== 0xff) return 'JPEG-filen är skadad';
    const marker = bytes[at + 1]!;
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01 || marker === 0xff) {
      at += marker === 0xff ? 1 : 2;
      continue;
    }
    const length = bytes.readUInt16BE(at + 2);
    if ((marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)) {
      const height = bytes.readUInt16BE(at + 5);
      const width = bytes.readUInt16BE(at + 7);
      return width > 0 && height > 0 ? { type: 'jpeg', width, height } : 'JPEG-filens storlek är ogiltig';
    }
    at += 2 + length;
  }
  return 'JPEG-filen saknar bildens storlek (ingen SOF-markör)';
}

const UNITS: Record<string, number> = { '': 1, px: 1, pt: 96 / 72, pc: 16, mm: 96 / 25.4, cm: 96 / 2.54, in: 96 };

/** An SVG length in CSS pixels ("50mm", "120", "12pt"); undefined for a percentage or nothing. */
function cssPixels(value: string | undefined): number | undefined {
  const match = /^\s*([0-9]*\.?[0-9]+)\s*(px|pt|pc|mm|cm|in)?\s*$/i.exec(value ?? '');
  return match ? Number(match[1]) * UNITS[(match[2] ?? '').toLowerCase()]! : undefined;
}

/** An SVG: UTF-8 text whose root element is <svg …> with a size (width and height, or a viewBox). */
function decodeSvg(bytes: Buffer): ImageInfo | string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return 'SVG-filen är inte sparad som UTF-8-text';
  }
  const root = /<svg\b([^>]*)>/i.exec(text.replace(/<!--[\s\S]*?-->/g, ''));
  if (!root || !/<\/svg\s*>\s*$/i.test(text.trim())) return 'filen är ingen fullständig SVG-bild (<svg> … </svg> saknas)';
  const attribute = (name: string) => new RegExp(`\\b${name}\\s*=\\s*["']([^"']*)["']`, 'i').exec(root[1]!)?.[1];
  const viewBox = attribute('viewBox')?.trim().split(/[\s,]+/).map(Number);
  const width = cssPixels(attribute('width')) || viewBox?.[2];
  const height = cssPixels(attribute('height')) || viewBox?.[3];
  if (!width || !height || width <= 0 || height <= 0) return 'SVG-bilden saknar storlek: ge <svg> width och height, eller en viewBox';
  const unsafe = svgProblem(text);
  if (unsafe) return `SVG-bilden innehåller ${unsafe}; vplan skriver bara ut bilder utan skript och utan hänvisningar till andra filer eller webbadresser. Ta bort det ur bilden, eller spara om den som vanlig SVG eller PNG`;
  return { type: 'svg', width, height };
}

/** What the bytes are, by their content (not their name), or what is wrong with them. */
export function inspectImage(bytes: Buffer): ImageInfo | string {
  if (bytes.length === 0) return 'filen är tom';
  if (bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return decodePng(bytes);
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return decodeJpeg(bytes);
  const head = bytes.subarray(0, 1024).toString('utf8').replace(/^\uFEFF/, '').trimStart();
  if (/^(<\?xml|<svg|<!--|<!DOCTYPE svg)/i.test(head)) return decodeSvg(bytes);
  return 'filen är ingen PNG-, JPEG- eller SVG-bild';
}

/** Checks an image file named in the plan; problems are issues at `at` (e.g. document.logo.file), in a text at `snippet`. */
export async function checkImageFile(planFile: string, file: string, at: JsonPath, snippet?: string): Promise<PlanIssue[]> {
  const problem = (message: string): PlanIssue[] => [{ path: at, message, ...(snippet === undefined ? {} : { snippet }) }];
  const declared = EXTENSIONS[path.extname(file).toLowerCase()];
  if (!declared) return problem(`"${file}" är inte en png-, jpg- eller svg-fil; använd en sådan bild`);
  const full = path.resolve(planBaseDir(planFile), file);
  let bytes: Buffer;
  try {
    bytes = await readFile(full);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // Found with other capital and small letters on Windows and macOS, not here.
    const other = code === 'ENOENT' ? await inOtherCase(planBaseDir(planFile), file) : undefined;
    if (other) {
      return problem(
        `bilden ${file} finns inte, men ${other} finns – samma namn med andra stora och små bokstäver, som räknas olika i filnamn (på Windows och Mac hittas bilden ändå, men inte här); menade du ${other}? Skriv namnet exakt så`,
      );
    }
    return problem(
      code === 'ENOENT'
        ? `bilden ${full} finns inte; sökvägen räknas från ${pathsStartFrom(planFile)}`
        : code === 'EISDIR'
          ? `${full} är en mapp; ange bildfilen`
          : `bilden ${full} kan inte läsas (${code ?? 'okänt fel'})`,
    );
  }
  const info = inspectImage(bytes);
  if (typeof info === 'string') {
    const hint = info.startsWith('SVG-bilden innehåller') ? '' : '; spara om den som PNG, JPEG eller SVG';
    return problem(`bilden ${file} går inte att använda: ${info}${hint}`);
  }
  if (info.type !== declared) {
    return problem(`bilden ${file} heter .${path.extname(file).slice(1)} men är en ${NAMES[info.type]}-bild; byt filens ändelse så att den stämmer`);
  }
  return [];
}
