// One of the reader's worker threads (see reader.ts): started on first use, sent read requests, and
// ended by close() once none is waiting. A worker that is only idle never keeps the process alive.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import path from 'node:path';
import { PROJECT_ROOT, projectRequire } from '../root.js';
import { RunError } from '../errors.js';
import { trace } from '../trace.js';
import type { PageSelection, PrintedText } from './printedText.js';
import type { ReadReply, ReaderData, ReadRequest } from './readWorker.js';

type Waiting = { resolve: (text: PrintedText) => void; reject: (error: Error) => void };

/**
 * The worker's code: readWorker.js beside this module in dist/ and in the bundle's chunks (an entry
 * point of its own there). Run from the TypeScript sources (the tests), it is bundled on the spot, once.
 */
let bundled: URL | undefined;
function workerSource(): URL {
  const beside = new URL('./readWorker.js', import.meta.url);
  if (!import.meta.url.endsWith('.ts')) return beside;
  if (bundled) return bundled;
  const { buildSync } = projectRequire('esbuild') as typeof import('esbuild');
  const { outputFiles } = buildSync({
    entryPoints: [fileURLToPath(new URL('./readWorker.ts', import.meta.url))],
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    write: false,
  });
  return (bundled = new URL(`data:text/javascript;base64,${Buffer.from(outputFiles[0]!.contents).toString('base64')}`));
}

const moduleUrl = (specifier: string) => pathToFileURL(projectRequire.resolve(specifier)).href;

export class ReaderLane {
  private worker: Worker | undefined;
  private readonly waiting = new Map<number, Waiting>();
  private nextId = 1;
  private closing = false;
  /** Whether this worker has been sent a warm-up read (reader.ts's warmUpWith); a new worker has not. */
  warmedUp = false;

  /** `name`: the thread's name, in a debugger's or a profile's list of threads. */
  constructor(private readonly name: string) {}

  /** The worker, if it is running. */
  get running(): Worker | undefined {
    return this.worker;
  }

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
    const worker = new Worker(source, { workerData, name: this.name });
    trace(`PDF reader started (${this.name})`);
    worker.on('message', (reply: ReadReply) => this.settle(reply));
    worker.on('error', (error) => this.stopped(worker, error));
    worker.on('exit', (code) => this.stopped(worker, new Error(`PDF-läsaren för självkontrollen avslutades oväntat (kod ${code}).`)));
    // After the listeners: adding a 'message' listener refs the worker again.
    if (this.waiting.size === 0) worker.unref();
    this.worker = worker;
    return worker;
  }

  /** The text of the selected pages of a PDF, read from `pdf`, which is handed over (transferred). */
  read(pdf: Uint8Array<ArrayBuffer>, pages: PageSelection): Promise<PrintedText> {
    const worker = this.start();
    const id = this.nextId++;
    const request: ReadRequest = { id, pdf, pages };
    const result = new Promise<PrintedText>((resolve, reject) => this.waiting.set(id, { resolve, reject }));
    // Awaited work keeps the process alive; an idle worker does not.
    if (this.waiting.size === 1) worker.ref();
    worker.postMessage(request, [pdf.buffer]);
    return result;
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
