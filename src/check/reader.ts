// The self-check's reader: pdf.js in a worker thread, so that compiling it (a fifth of a second) and
// reading a print back (half a second for a plan of a few pages) keep off the main thread, which
// meanwhile renders, and finishes the PDF with pdf-lib. One worker per print session, reused by every
// build of a batch or of watch mode; it never keeps the process alive on its own.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import path from 'node:path';
import { PROJECT_ROOT, projectRequire } from '../root.js';
import { RunError } from '../errors.js';
import type { PrintedText } from './printedText.js';
import type { ReadReply, ReaderData, ReadRequest } from './readWorker.js';

type Waiting = { resolve: (text: PrintedText) => void; reject: (error: Error) => void };

/**
 * The worker's code: readWorker.js beside this module in dist/ and in the bundle's chunks (an entry
 * point of its own there). Run from the TypeScript sources (the tests), it is bundled on the spot.
 */
function workerSource(): URL {
  const beside = new URL('./readWorker.js', import.meta.url);
  if (!import.meta.url.endsWith('.ts')) return beside;
  const { buildSync } = projectRequire('esbuild') as typeof import('esbuild');
  const { outputFiles } = buildSync({
    entryPoints: [fileURLToPath(new URL('./readWorker.ts', import.meta.url))],
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    write: false,
  });
  return new URL(`data:text/javascript;base64,${Buffer.from(outputFiles[0]!.contents).toString('base64')}`);
}

const moduleUrl = (specifier: string) => pathToFileURL(projectRequire.resolve(specifier)).href;

export class PdfReader {
  private worker: Worker | undefined;
  private readonly waiting = new Map<number, Waiting>();
  private nextId = 1;
  private warmedUp = false;
  private closing = false;

  /** Starts the worker (and its loading of pdf.js) now, if it is not running. */
  start(): Worker {
    this.closing = false;
    if (this.worker) return this.worker;
    const source = workerSource();
    if (source.protocol === 'file:' && !existsSync(source)) {
      throw new RunError(`vplan saknar sin PDF-läsare för kontrollen efter utskriften (${fileURLToPath(source)}).`, 'Kör npm run build i vplan-mappen.');
    }
    const script = path.join(PROJECT_ROOT, 'dist', 'pdfjs', 'pdfjs.cjs');
    const workerData: ReaderData = {
      pdfjs: moduleUrl('pdfjs-dist/legacy/build/pdf.min.mjs'),
      pdfjsWorker: moduleUrl('pdfjs-dist/legacy/build/pdf.worker.min.mjs'),
      script: existsSync(script) ? script : undefined,
    };
    const worker = new Worker(source, { workerData, name: 'vplan-pdf-reader' });
    worker.on('message', (reply: ReadReply) => this.settle(reply));
    worker.on('error', (error) => this.stopped(worker, error));
    worker.on('exit', (code) => this.stopped(worker, new Error(`PDF-läsaren för självkontrollen avslutades oväntat (kod ${code}).`)));
    // After the listeners: adding a 'message' listener refs the worker again.
    if (this.waiting.size === 0) worker.unref();
    this.worker = worker;
    return worker;
  }

  /** The text of the first `pageLimit` pages of a PDF (all by default); the caller's bytes stay as they are. */
  read(pdf: Uint8Array, pageLimit = Infinity): Promise<PrintedText> {
    const worker = this.start();
    const id = this.nextId++;
    const copy = pdf.slice();
    const request: ReadRequest = { id, pdf: copy, pageLimit };
    const result = new Promise<PrintedText>((resolve, reject) => this.waiting.set(id, { resolve, reject }));
    // Awaited work keeps the process alive; an idle worker does not.
    if (this.waiting.size === 1) worker.ref();
    worker.postMessage(request, [copy.buffer]);
    return result;
  }

  /**
   * Reads a first print in the background, once per reader: pdf.js compiles its code paths while the
   * browser prints the contents pass's final copy, whose reading then takes a tenth of a second.
   */
  warmUpWith(pdf: Uint8Array): void {
    if (this.warmedUp) return;
    this.warmedUp = true;
    // Two pages compile the code paths; reading all of a 200-page plan would cost seconds.
    this.read(pdf, 2).catch(() => undefined);
  }

  /** Ends the worker once no read is waiting; the next read starts a new one. */
  async close(): Promise<void> {
    this.closing = true;
    if (this.waiting.size === 0) await this.terminate();
  }

  private async terminate(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    this.warmedUp = false;
    await worker?.terminate();
  }

  private settle(reply: ReadReply): void {
    const waiting = this.waiting.get(reply.id);
    this.waiting.delete(reply.id);
    if (this.waiting.size === 0) {
      this.worker?.unref();
      if (this.closing) void this.terminate();
    }
    if (!waiting) return;
    if ('text' in reply) return waiting.resolve(reply.text);
    // pdf.js's error as it would have been thrown in this thread.
    const error = new Error(reply.error.message);
    error.name = reply.error.name;
    if (reply.error.stack) error.stack = reply.error.stack;
    waiting.reject(error);
  }

  private stopped(worker: Worker, error: Error): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    this.warmedUp = false;
    for (const { reject } of this.waiting.values()) reject(error);
    this.waiting.clear();
  }
}
