// A printed PDF opened for finishing without parsing all of it. Finishing (metadata.ts) reads and
// changes a few hundred of a print's objects: the catalog, /Info, the page tree, the bookmarks, the
// structure elements that carry ids. pdf-lib's own load parses every object first, content streams and
// fonts included: for a plan of 190 pages a third to half a second, the larger part of the finishing.
// Here each object stays as printed (RawObject) until pdf-lib looks it up, and is parsed then, by
// pdf-lib's own object parser; pdf-lib's writer writes the parsed ones as it always does and copies the
// rest byte for byte. The document is pdf-lib's PDFDocument all the same, so every finishing step is the
// same code either way. A file with anything but one plain cross-reference table (xref.ts) is parsed whole.
import { PDFCatalog, PDFContext, PDFDocument, PDFName, PDFObject, PDFObjectParser, PDFRef } from 'pdf-lib';
import { readXref } from './xref.js';

/** A printed file's bytes, and where a text occurs in them (found once, for all its objects). */
class PrintedBytes {
  private readonly found = new Map<string, number[]>();
  readonly buffer: Buffer;

  constructor(bytes: Uint8Array) {
    this.buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /** Whether `text` (Latin-1) occurs wholly between `start` and `end`. */
  occursIn(text: string, start: number, end: number): boolean {
    let positions = this.found.get(text);
    if (!positions) {
      positions = [];
      for (let at = this.buffer.indexOf(text, 0, 'latin1'); at >= 0; at = this.buffer.indexOf(text, at + 1, 'latin1')) positions.push(at);
      this.found.set(text, positions);
    }
    // The first occurrence at or after start.
    let low = 0;
    let high = positions.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (positions[middle]! < start) low = middle + 1;
      else high = middle;
    }
    return low < positions.length && positions[low]! + text.length <= end;
  }
}

/**
 * An object as printed, not parsed: its bytes, written back as they are, but for the texts patch() put
 * in place of others (normalize.ts renumbers node ids so).
 */
export class RawObject extends PDFObject {
  private readonly patches: { at: number; length: number; text: Buffer }[] = [];

  constructor(
    private readonly file: PrintedBytes,
    private readonly start: number,
    private readonly end: number,
  ) {
    super();
  }

  /** Its bytes, patched. */
  get body(): Uint8Array {
    if (this.patches.length === 0) return this.file.buffer.subarray(this.start, this.end);
    const body = new Uint8Array(this.sizeInBytes());
    this.copyBytesInto(body, 0);
    return body;
  }

  /** Whether patch() has put any text in place of its bytes as printed. */
  get patched(): boolean {
    return this.patches.length > 0;
  }

  /** Whether its bytes as printed contain `text` (Latin-1): to look for objects without parsing them. */
  includes(text: string): boolean {
    return this.file.occursIn(text, this.start, this.end);
  }

  /** Puts `text` (Latin-1) in place of the `length` bytes at `at` (an offset into its bytes as printed). */
  patch(at: number, length: number, text: string): void {
    if (at < 0 || length < 0 || at + length > this.end - this.start) throw new RangeError(`patch ${at}+${length} outside the object`);
    const overlaps = this.patches.some((p) => at < p.at + p.length && p.at < at + length);
    if (overlaps) throw new RangeError(`patch ${at}+${length} overlaps another`);
    this.patches.push({ at, length, text: Buffer.from(text, 'latin1') });
    this.patches.sort((a, b) => a.at - b.at);
  }

  override clone(): PDFObject {
    return this;
  }

  override toString(): string {
    return Buffer.from(this.body).toString('latin1');
  }

  override sizeInBytes(): number {
    return this.patches.reduce((size, p) => size + p.text.length - p.length, this.end - this.start);
  }

  override copyBytesInto(buffer: Uint8Array, offset: number): number {
    let to = offset;
    let from = this.start;
    for (const p of this.patches) {
      to += this.file.buffer.copy(buffer, to, from, this.start + p.at);
      buffer.set(p.text, to);
      to += p.text.length;
      from = this.start + p.at + p.length;
    }
    to += this.file.buffer.copy(buffer, to, from, this.end);
    return to - offset;
  }
}

/**
 * The context's objects: each parsed when first looked up (get), and kept parsed, so that changes to it
 * are written. One that does not parse stays as printed, as pdf-lib's own lenient load keeps it.
 */
class LazyObjects extends Map<PDFRef, PDFObject> {
  context: PDFContext | undefined;

  override get(ref: PDFRef): PDFObject | undefined {
    const object = super.get(ref);
    if (!(object instanceof RawObject) || !this.context) return object;
    let parsed: PDFObject;
    try {
      parsed = PDFObjectParser.forBytes(object.body, this.context).parseObject();
    } catch {
      return object;
    }
    super.set(ref, parsed);
    return parsed;
  }
}

/**
 * The print as a PDFDocument whose objects are parsed on first use; undefined for a file that is not
 * laid out as Chromium lays out its prints.
 */
export function openLazily(pdf: Uint8Array): PDFDocument | undefined {
  const context = PDFContext.create();
  const xref = readXref(pdf, context);
  if (!xref) return undefined;
  const objects = new LazyObjects();
  const file = new PrintedBytes(pdf);
  for (const { ref, start, end } of xref.objects) objects.set(ref, new RawObject(file, start, end));
  // pdf-lib keeps a context's objects in a private map: this one stands in for it. Should a later
  // pdf-lib keep them elsewhere, the file is parsed whole as before (and test/finish.lazy.test.ts fails).
  if (!Object.hasOwn(context, 'indirectObjects') || !(Reflect.get(context, 'indirectObjects') instanceof Map)) return undefined;
  Reflect.set(context, 'indirectObjects', objects);
  objects.context = context;
  // As pdf-lib's parser leaves it: the largest number of an object in the file (not the trailer's /Size,
  // which may count free entries after it); new objects are numbered from there.
  context.largestObjectNumber = Math.max(0, ...xref.objects.map((o) => o.ref.objectNumber));
  const entry = (key: string) => xref.trailer.get(PDFName.of(key));
  context.trailerInfo = { Root: entry('Root'), Info: entry('Info'), ID: entry('ID'), Encrypt: undefined };
  // What PDFDocument.load does once it has parsed the file (its constructor is private in pdf-lib's types).
  const doc: unknown = Reflect.construct(PDFDocument, [context, false, false]);
  return doc instanceof PDFDocument && doc.catalog instanceof PDFCatalog ? doc : undefined;
}

/** A print opened for finishing: lazily where it can be (openLazily), else parsed whole. */
export async function openPdf(pdf: Uint8Array): Promise<PDFDocument> {
  return openLazily(pdf) ?? (await PDFDocument.load(pdf, { updateMetadata: false, parseSpeed: Infinity }));
}
