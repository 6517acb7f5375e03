// vplan build and vplan validate: one plan or many with one browser; a broken plan does not stop the rest.
import { availableParallelism } from 'node:os';
import { RunError } from '../errors.js';
import { abandonEarlyBrowser, startBrowserEarly } from '../print/early.js';
import { defaultOutputPath } from '../output.js';
import { UsageError, nothingWritten, printWarnings, report } from './report.js';
import { trace } from '../trace.js';

export async function commandValidate(files: string[]): Promise<number> {
  if (files.length === 0) throw new UsageError('ange minst en planfil: vplan validate data/plan.json');
  let failed = 0;
  const { checkPlan } = await import('../build.js');
  for (const file of files) {
    try {
      const { warnings, plan } = await checkPlan(file);
      const count = warnings.length;
      process.stdout.write(`${file}: giltig (${plan.document.title}${count ? `, ${count} ${count === 1 ? 'varning' : 'varningar'}` : ''})\n`);
      printWarnings(file, warnings);
    } catch (error) {
      failed++;
      report(error);
    }
  }
  return failed > 0 ? 1 : 0;
}

export interface BuildCommandOptions {
  out: string | undefined;
  html: string | undefined;
  browser: string | undefined;
  theme: string | undefined;
  pdfa: boolean;
  jobs: number;
  /** vplan build --web: a web page instead of the PDF (src/cli/buildWeb.ts). */
  web?: boolean | undefined;
}

/** One plan, or many with one browser and a small pool of pages; a broken plan does not stop the rest. */
export async function commandBuild(files: string[], options: BuildCommandOptions): Promise<number> {
  if (files.length === 0) throw new UsageError('ange minst en planfil: vplan build data/plan.json');
  if (options.web) return (await import('./buildWeb.js')).commandBuildWeb(files, options);
  if ((options.out !== undefined || options.html !== undefined) && files.length > 1) {
    throw new UsageError('--out och --html går bara att använda med en plan');
  }
  // The browser starts first, while the rest of vplan loads and the plans are read and computed.
  trace('command parsed');
  await startBrowserEarly(options.browser);
  trace('browser starting');
  const { buildPlan, PrintSession } = await import('../build.js').catch(async (error: unknown) => {
    await abandonEarlyBrowser();
    throw error;
  });
  trace('vplan loaded');
  const session = new PrintSession(options.browser);
  session.warmUp();
  const started = performance.now();
  const queue = [...files];
  let built = 0;
  let failed = 0;
  let stop = false;
  const progress = files.length > 1 && process.stderr.isTTY;
  const showProgress = () => {
    if (progress) process.stderr.write(`\r[${built + failed}/${files.length}] ${built} klara, ${failed} fel …`);
  };
  const clearProgress = () => {
    if (progress) process.stderr.write('\r\x1b[K');
  };
  const worker = async () => {
    for (let file = queue.shift(); file !== undefined && !stop; file = queue.shift()) {
      const target = options.out ?? defaultOutputPath(file);
      const t0 = performance.now();
      try {
        const result = await buildPlan(file, target, session, { theme: options.theme, pdfa: options.pdfa, htmlFile: options.html });
        built++;
        clearProgress();
        process.stdout.write(`${file} → ${result.outFile} (${result.pages} sidor, ${Math.round(result.bytes / 1024)} kB, ${Math.round(performance.now() - t0)} ms)\n`);
        printWarnings(file, result.warnings);
        if (result.blockedRequests.length > 0) {
          process.stderr.write(`  varning: webbläsaren nekades ${result.blockedRequests.length} förfrågningar: ${result.blockedRequests.join(', ')}\n`);
        }
      } catch (error) {
        failed++;
        clearProgress();
        report(error);
        process.stderr.write(nothingWritten('ingen PDF', target));
        if (error instanceof RunError) stop = true; // a browser or template problem hits every plan alike
      }
      showProgress();
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, Math.min(options.jobs, files.length)) }, worker));
  } finally {
    clearProgress();
    await session.close();
    trace('browser ended');
  }
  if (files.length > 1) {
    const seconds = ((performance.now() - started) / 1000).toFixed(1).replace('.', ',');
    const skipped = files.length - built - failed;
    process.stdout.write(`${built} byggda, ${failed} misslyckades${skipped ? `, ${skipped} hoppades över` : ''} (${seconds} s)\n`);
  }
  return failed > 0 || built < files.length ? 1 : 0;
}

/** Pages printed at once in a batch: given, or from the machine (a page needs about a core). */
export function parseJobs(value: string | undefined): number {
  if (value === undefined) return Math.max(1, Math.min(4, availableParallelism()));
  const jobs = Number(value);
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 32) throw new UsageError('--jobs ska vara ett heltal 1–32');
  return jobs;
}

