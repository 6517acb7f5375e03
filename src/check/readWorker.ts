// The reader's worker thread: loads pdf.js as soon as it starts (while the browser starts and the main
// thread renders), then reads each PDF it is sent (all its pages, or a part of them) back as text. See
// reader.ts and lane.ts for the main thread's side.
import { parentPort, workerData } from 'node:worker_threads';
import { readPrintedText, type PageSelection, type Pdfjs, type PrintedText } from './printedText.js';
import { runPdfjsScript } from './pdfjsScript.js';

/** What the main thread hands over at start: pdf.js's two modules, as file URLs (resolved there, from vplan's root). */
export interface ReaderData {
  pdfjs: string;
  pdfjsWorker: string;
  /** The two bundled as one script, run with a code cache (see pdfjsScript.ts); absent before `npm run build`. */
  script?: string | undefined;
}

export interface ReadRequest {
  id: number;
  /** The worker's own copy, transferred. */
  pdf: Uint8Array;
  /** All pages, or a part of them when two workers share a long PDF (reader.ts). */
  pages: PageSelection;
}

export type ReadReply = { id: number; text: PrintedText } | { id: number; error: { name: string; message: string; stack?: string | undefined } };

function tryScript(script: string, moduleUrl: string) {
  try {
    return runPdfjsScript(script, moduleUrl);
  } catch {
    return undefined;
  }
}

interface Loaded {
  api: Pdfjs;
  /** Called after each read: the first one's compiled code becomes the cache of the next cold build. */
  read(): void;
}

async function loadPdfjs({ pdfjs, pdfjsWorker, script }: ReaderData): Promise<Loaded> {
  const push = Array.prototype.push;
  const global = globalThis as { pdfjsWorker?: unknown };
  let loaded: Loaded;
  // The bundled script, or where it cannot run (no build yet, an older Node) the modules themselves.
  const scripted = script ? tryScript(script, pdfjs) : undefined;
  if (scripted) {
    global.pdfjsWorker ??= scripted.worker;
    // After the read's reply has gone: writing the cache is no part of the check.
    loaded = { api: scripted.api, read: () => setImmediate(scripted.saveCache) };
  } else {
    // The minified files: the same code, read and compiled in half the time. pdf.js's own worker code
    // runs in this thread (as it does in Node anyway), loaded here with the rest.
    const [api, worker] = await Promise.all([import(pdfjs) as Promise<Pdfjs>, import(pdfjsWorker) as Promise<unknown>]);
    global.pdfjsWorker ??= worker;
    loaded = { api, read: () => undefined };
  }
  // The legacy build's polyfills (core-js) replace Array.prototype.push in this thread only, with a slower
  // one for arrays longer than 2³² elements: the native one comes back.
  if (Array.prototype.push !== push) Array.prototype.push = push;
  return loaded;
}

const port = parentPort;
if (port) {
  const pdfjs = loadPdfjs(workerData as ReaderData);
  // Loaded or not, a failure surfaces at the first read, as that read's error.
  pdfjs.catch(() => undefined);
  port.on('message', ({ id, pdf, pages }: ReadRequest) => {
    void pdfjs
      .then(async (loaded) => {
        const text = await readPrintedText(loaded.api, pdf, pages);
        loaded.read();
        return text;
      })
      .then(
        (text): ReadReply => ({ id, text }),
        (error: unknown): ReadReply => {
          const { name, message, stack } = error instanceof Error ? error : { name: 'Error', message: String(error), stack: undefined };
          return { id, error: { name, message, stack } };
        },
      )
      .then((reply) => port.postMessage(reply));
  });
}
