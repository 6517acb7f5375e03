// The self-check's reader: pdf.js in a worker thread, so that compiling it (a fifth of a second) and
// reading a print back (half a second for a plan of a few pages) keep off the main thread, which
// meanwhile renders, and finishes the PDF with pdf-lib. One worker per print session, reused by every
// build of a batch or of watch mode; a long PDF is read by two, each reading every other page (see
// SPLIT_BYTES). A worker (lane.ts) never keeps the process alive on its own.
import type { Worker } from 'node:worker_threads';
import { ReaderLane } from './lane.js';
import type { NeededPages } from './pages.js';
import { mergeParts, type PrintedText } from './printedText.js';

/**
 * From this size on a PDF is read by two workers, each reading every other page, on the two cores vplan
 * counts on: a plan of 188 pages (3.4 MB), read whole, took about 1.4 s instead of 2.1 s on its own, and in a
 * build, where pdf-lib finishes the PDF on the same cores meanwhile, checked 0.3-0.5 s sooner. A plan
 * of the usual 5–20 pages (0.1–0.5 MB) is read by one alone: the second worker's loading of pdf.js costs
 * half a second of processor time, more than it would save, and a cold build on two cores would wait
 * for it. The size decides because the main thread knows a PDF's bytes, not its pages (that takes
 * parsing it).
 */
export const SPLIT_BYTES = 1024 * 1024;

/**
 * A draft print (warmUpWith) shows nothing but its pages' running headers (see print/pdf.ts): some
 * 20 kB and 1 kB a page (the examples' 6 to 11 pages 22–28 kB, the benchmark's 188 pages 200 kB),
 * where the final print takes some 17 kB a page. A draft of 3/32 of SPLIT_BYTES (96 kB, some 60 pages)
 * or more thus has a long final print, and the second worker starts with the draft, to load pdf.js
 * while the browser prints the final copy; a smaller draft decides nothing.
 */
const DRAFT_SHARE = 3 / 32;

export interface ReaderOptions {
  /** See SPLIT_BYTES; the tests split every PDF with 0. */
  splitBytes?: number;
}

export class PdfReader {
  /** The first reads every PDF that is not long, and half of a long one's pages; the second only starts for a long one. */
  private readonly lanes = [new ReaderLane('vplan-pdf-reader'), new ReaderLane('vplan-pdf-reader-2')] as const;
  private readonly splitBytes: number;

  constructor({ splitBytes = SPLIT_BYTES }: ReaderOptions = {}) {
    this.splitBytes = splitBytes;
  }

  /** Starts the first worker (and its loading of pdf.js) now, if it is not running. */
  start(): Worker {
    return this.lanes[0].start();
  }

  /** The workers running now, the first first. */
  get running(): Worker[] {
    return this.lanes.flatMap((lane) => (lane.running ? [lane.running] : []));
  }

  /**
   * The text of a PDF's pages: all, the first `limit` ones, or only those the check needs (`needed`,
   * see pages.ts), as one worker reads it even when two share it; the caller's bytes stay as they are.
   * A pdf.js error in either part rejects it.
   */
  read(pdf: Uint8Array, { limit = Infinity, needed }: { limit?: number; needed?: NeededPages | undefined } = {}): Promise<PrintedText> {
    return this.readWith(this.lanesFor(pdf.byteLength >= this.splitBytes), pdf, limit, needed);
  }

  /**
   * Reads a print in the background, once per worker: pdf.js compiles its code paths while the browser
   * prints the final copy, whose reading then takes a tenth of a second. The print is the contents
   * pass's draft, or the final print of an earlier build (the PDF a build replaces). One that tells of
   * a long final print starts the second worker already, to load pdf.js meanwhile too: a draft by
   * DRAFT_SHARE, a final print by SPLIT_BYTES, as a read would. (A second worker started for a short
   * plan costs a cold build a few hundred milliseconds of processor time on two cores.)
   */
  warmUpWith(pdf: Uint8Array, print: 'draft' | 'final'): void {
    const lanes = this.lanesFor(pdf.byteLength >= this.splitBytes * (print === 'draft' ? DRAFT_SHARE : 1));
    if (lanes.every((lane) => lane.warmedUp)) return;
    for (const lane of lanes) lane.warmedUp = true;
    // Two pages (one each) compile the code paths; reading all of a 200-page plan would cost seconds.
    this.readWith(lanes, pdf, 2, undefined).catch(() => undefined);
  }

  /** Ends the workers once no read is waiting; the next read starts new ones. */
  async close(): Promise<void> {
    await Promise.all(this.lanes.map((lane) => lane.close()));
  }

  private readWith(lanes: ReaderLane[], pdf: Uint8Array, limit: number, needed: NeededPages | undefined): Promise<PrintedText> {
    // Each worker gets a copy of its own, handed over (a copy of a Buffer too, whose slice() is a view).
    const parts = lanes.map((lane, part) => lane.read(new Uint8Array(pdf), { part, of: lanes.length, limit, needed }));
    return parts.length === 1 ? parts[0]! : Promise.all(parts).then(mergeParts);
  }

  private lanesFor(long: boolean): ReaderLane[] {
    return long ? [...this.lanes] : [this.lanes[0]];
  }
}
