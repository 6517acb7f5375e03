// pdf.js for the reader's worker thread as a classic script with a V8 code cache: the script is pdf.js's
// two legacy modules bundled at `npm run build` (scripts/pdfjs-script.mjs writes dist/pdfjs/pdfjs.cjs),
// and the cache (pdfjs.cache beside it) is the code V8 compiled for it in an earlier build, written after
// that build's first read. A cold build then neither parses pdf.js nor compiles the functions a read runs.
// The cache is used only for exactly this script (its SHA-256 and the cache's own are checked first);
// V8 itself refuses one made by another Node. Without a cache, or where it cannot be written (a
// read-only install), pdf.js runs the same, only compiled afresh.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import type { Pdfjs } from './printedText.js';

export interface ScriptedPdfjs {
  api: Pdfjs;
  /** pdf.js's worker code, which runs in this thread (as pdf.js runs it in Node anyway). */
  worker: unknown;
  /** Whether V8 took the cache: pdf.js was not compiled afresh. */
  cached: boolean;
  /** Writes the code compiled so far as the cache, once, if there was no usable one. */
  saveCache(): void;
}

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest();
/** A cache file: the script's SHA-256, the data's SHA-256, the data. */
const HEADER = 64;

function readCache(file: string, scriptHash: Buffer): Buffer | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined;
  }
  if (bytes.length <= HEADER || !bytes.subarray(0, 32).equals(scriptHash)) return undefined;
  const data = bytes.subarray(HEADER);
  return bytes.subarray(32, HEADER).equals(sha256(data)) ? data : undefined;
}

/** Runs the bundled pdf.js, `moduleUrl` standing for its own module's URL (pdf.js finds its packages from it). */
export function runPdfjsScript(file: string, moduleUrl: string): ScriptedPdfjs {
  const source = readFileSync(file, 'utf8');
  const scriptHash = sha256(source);
  const cacheFile = path.join(path.dirname(file), 'pdfjs.cache');
  const cachedData = readCache(cacheFile, scriptHash);
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname, __vplanPdfjsUrl) {${source}\n})`, {
    filename: file,
    cachedData,
    // Node 20.12 and later: an import() in pdf.js (unused for reading) as the main context does it.
    ...(vm.constants ? { importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER } : {}),
  });
  const module: { exports: { api?: Pdfjs; worker?: unknown } } = { exports: {} };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(moduleUrl), module, file, path.dirname(file), moduleUrl);
  const { api, worker } = module.exports;
  if (!api) throw new Error(`${file} gav inte pdf.js`);
  let fresh = cachedData === undefined || script.cachedDataRejected === true;
  return {
    api,
    worker,
    cached: !fresh,
    saveCache() {
      if (!fresh) return;
      fresh = false;
      const data = script.createCachedData();
      // A name of its own: two readers (threads of one process, or two processes) may write at once.
      const temporary = `${cacheFile}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
      try {
        writeFileSync(temporary, Buffer.concat([scriptHash, sha256(data), data]));
        renameSync(temporary, cacheFile);
      } catch {
        if (existsSync(temporary)) rmSync(temporary, { force: true });
      }
    },
  };
}
