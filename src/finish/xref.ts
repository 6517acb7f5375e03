// The objects of a PDF as its one cross-reference table places them, without parsing them: where each
// object's bytes begin and end. Chromium writes such a file (one classic `xref` table, no object or
// cross-reference streams, no later updates); for any other kind, readXref gives undefined and the
// caller parses the whole file instead (see lazyPdf.ts).
import { PDFContext, PDFDict, PDFName, PDFNumber, PDFObjectParser, PDFRef } from 'pdf-lib';

export interface PlacedObject {
  ref: PDFRef;
  /** Where the object's own bytes are: after `n g obj`, up to `endobj`, surrounding whitespace left out. */
  start: number;
  end: number;
}

export interface Xref {
  objects: PlacedObject[];
  trailer: PDFDict;
}

const view = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
const latin1 = (bytes: Uint8Array, start: number, end: number) => view(bytes).toString('latin1', start, end);
/** PDF white space: space, line feed, carriage return, tab, form feed, NUL. */
export const isSpace = (byte: number | undefined) => byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09 || byte === 0x0c || byte === 0x00;
const ENDOBJ = Buffer.from('endobj', 'latin1');

/** An unsigned integer's digits at `at`: the number and where they end; undefined when none stand there. */
function integerAt(bytes: Uint8Array, at: number): { value: number; end: number } | undefined {
  let value = 0;
  let end = at;
  for (let c = bytes[end]; c !== undefined && c >= 0x30 && c <= 0x39; c = bytes[++end]) value = value * 10 + c - 0x30;
  return end === at ? undefined : { value, end };
}

/** Where `number generation obj` at `offset` ends, or undefined when something else stands there. */
function objectHeader(bytes: Uint8Array, offset: number, number: number, generation: number): number | undefined {
  const n = integerAt(bytes, offset);
  if (!n || n.value !== number || !isSpace(bytes[n.end])) return undefined;
  let at = n.end;
  while (isSpace(bytes[at])) at++;
  const g = integerAt(bytes, at);
  if (!g || g.value !== generation || !isSpace(bytes[g.end])) return undefined;
  at = g.end;
  while (isSpace(bytes[at])) at++;
  return bytes[at] === 0x6f && bytes[at + 1] === 0x62 && bytes[at + 2] === 0x6a ? at + 3 : undefined;
}

/** The table's in-use entries (number, generation, offset), or undefined when it is not one plain table. */
function readTable(text: string): { number: number; generation: number; offset: number }[] | undefined {
  const header = /^xref\s+/y;
  if (!header.exec(text)) return undefined;
  const section = /(\d+)\s+(\d+)\s+/y;
  const entry = /(\d{10}) (\d{5}) ([nf])\s*/y;
  const entries: { number: number; generation: number; offset: number }[] = [];
  let at = header.lastIndex;
  while (!text.startsWith('trailer', at)) {
    section.lastIndex = at;
    const s = section.exec(text);
    if (!s) return undefined;
    at = section.lastIndex;
    const first = Number(s[1]);
    for (let i = 0; i < Number(s[2]); i++) {
      entry.lastIndex = at;
      const e = entry.exec(text);
      if (!e) return undefined;
      at = entry.lastIndex;
      if (e[3] === 'n') entries.push({ number: first + i, generation: Number(e[2]), offset: Number(e[1]) });
    }
  }
  return entries;
}

/** The file's objects and trailer from its cross-reference table; undefined for any file not written so. */
export function readXref(bytes: Uint8Array, context: PDFContext): Xref | undefined {
  const tailStart = Math.max(0, bytes.length - 1024);
  const tail = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(latin1(bytes, tailStart, bytes.length));
  if (!tail) return undefined;
  const xrefOffset = Number(tail[1]);
  const trailerAt = view(bytes).indexOf('trailer', xrefOffset, 'latin1');
  if (xrefOffset <= 0 || xrefOffset >= tailStart + tail.index || trailerAt < 0) return undefined;
  const table = readTable(latin1(bytes, xrefOffset, trailerAt + 'trailer'.length));
  if (!table || table.length === 0) return undefined;
  let trailer: unknown;
  try {
    trailer = PDFObjectParser.forBytes(bytes.subarray(trailerAt + 'trailer'.length), context).parseObject();
  } catch {
    return undefined;
  }
  if (!(trailer instanceof PDFDict)) return undefined;
  const size = trailer.get(PDFName.of('Size'));
  // A later update (Prev), a cross-reference stream beside the table, or encryption: parsed whole instead.
  if (!(size instanceof PDFNumber) || !(trailer.get(PDFName.of('Root')) instanceof PDFRef)) return undefined;
  if (['Prev', 'XRefStm', 'Encrypt'].some((key) => trailer.has(PDFName.of(key)))) return undefined;
  const byOffset = [...table].sort((a, b) => a.offset - b.offset);
  const numbers = new Set<number>();
  const objects: PlacedObject[] = [];
  const buffer = view(bytes);
  for (const [i, { number, generation, offset }] of byOffset.entries()) {
    const end = byOffset[i + 1]?.offset ?? xrefOffset;
    if (numbers.has(number) || number >= size.asNumber() || end <= offset) return undefined;
    numbers.add(number);
    let start = objectHeader(bytes, offset, number, generation);
    let stop = buffer.lastIndexOf(ENDOBJ, end - ENDOBJ.length);
    if (start === undefined || stop < start) return undefined;
    while (start < stop && isSpace(bytes[start])) start++;
    while (stop > start && isSpace(bytes[stop - 1])) stop--;
    objects.push({ ref: PDFRef.of(number, generation), start, end: stop });
  }
  return { objects, trailer };
}
