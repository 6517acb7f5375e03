// The vplan command: a thin shell over the pipeline that turns results and errors into messages and
// exit codes (0 done, 1 a plan or build failed, 2 the command itself was wrong).
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PlanError, VplanError, formatPath, type PlanIssue } from './errors.js';
import { buildPlan, checkPlan, printPlan, PrintSession } from './build.js';
import { DEFAULT_ARCHIVE_DIR, fileVersion, listVersions, readFiledPlan, verifyArchive } from './archive/archive.js';
import { diffPlans } from './diff/diff.js';
import { formatChanges } from './diff/format.js';
import { defaultOutputPath, writeFileAtomic } from './output.js';
import { PlanWatcher } from './watch/watcher.js';
import { describeError, servePreview } from './watch/serve.js';
import { planJsonSchema } from './load/jsonSchema.js';
import { VERSION } from './version.js';

const HELP = `vplan ${VERSION} – verksamhetsplan med budget som PDF

Användning:
  vplan build <plan.json> [fler planer …] [--out fil.pdf] [--html fil.html] [--theme namn] [--pdfa]
             [--jobs N] [--browser sökväg]
      Kontrollerar planen, räknar budgeten och skriver PDF:en
      (standard: output/<plan>.pdf; --out bara med en plan;
      --theme väljer ett annat utseende än planens, t.ex. modern;
      --pdfa skriver PDF/A-2u för arkivering; --html skriver också HTML:en som
      skrevs ut; flera planer byggs med en webbläsare och --jobs sidor åt gången).
  vplan watch <plan.json> [--out fil.pdf] [--theme namn] [--serve] [--port N]
      Bygger planen och bygger om den varje gång planen, en mall, ett utseende
      eller en bild sparas. Ett fel visas, och den senaste fungerande PDF:en står
      kvar. --serve visar PDF:en på http://127.0.0.1:PORT/ och laddar om sidan
      efter varje ombyggnad. Avsluta med Ctrl+C.
  vplan archive <plan.json> [--archive mapp]
      Skriver planen som PDF/A och arkiverar den som nästa version under sitt dnr
      (standard: output/archive/): PDF:en, planen exakt som den är och ett manifest
      med SHA-256 för varje fil. En arkiverad version ändras aldrig.
  vplan archive list [dnr] [--archive mapp]
      Visar arkiverade versioner med status och datum.
  vplan archive verify [dnr] [--archive mapp]
      Räknar om kontrollsummorna och visar filer som ändrats eller saknas.
  vplan diff <gammal.json | dnr@version> <ny.json> [--appendix] [--out fil.pdf] [--archive mapp]
      Visar vad som ändrats: varje budgetcell gammalt → nytt med effekten på summor
      och resultat, nya, borttagna och omskrivna avsnitt, status och datum.
      --appendix skriver också den nya planens PDF med ändringarna som sista sida.
  vplan validate <plan.json> [fler planer …]
      Kontrollerar planen och räknar budgeten utan att skriva något; visar varningar.
  vplan schema
      Skriver planformatets JSON Schema (samma som schema/plan.schema.json).
  vplan --help | --version

Webbläsare: --browser eller miljövariabeln VPLAN_BROWSER; annars Chrome,
Chromium eller Edge på datorn; annars Chromium från npm (@sparticuz/chromium).

Avslutningskod: 0 klart, 1 en plan hade fel eller kunde inte skrivas ut, 2 fel i kommandot.`;

class UsageError extends Error {}

function printWarnings(file: string, warnings: PlanIssue[]): void {
  for (const w of warnings) {
    const where = w.line !== undefined ? `${file}:${w.line}:${w.column ?? 1}` : file;
    process.stderr.write(`  varning: ${where} ${formatPath(w.path)}: ${w.message}\n`);
  }
}

function report(error: unknown): void {
  if (error instanceof PlanError || error instanceof VplanError) process.stderr.write(`${error.describe()}\n`);
  else process.stderr.write(`Oväntat fel: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
}

async function commandValidate(files: string[]): Promise<number> {
  if (files.length === 0) throw new UsageError('ange minst en planfil: vplan validate data/plan.json');
  let failed = 0;
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

interface BuildCommandOptions {
  out: string | undefined;
  html: string | undefined;
  browser: string | undefined;
  theme: string | undefined;
  pdfa: boolean;
  jobs: number;
}

/** One plan, or many with one browser and a small pool of pages; a broken plan does not stop the rest. */
async function commandBuild(files: string[], options: BuildCommandOptions): Promise<number> {
  if (files.length === 0) throw new UsageError('ange minst en planfil: vplan build data/plan.json');
  if ((options.out !== undefined || options.html !== undefined) && files.length > 1) {
    throw new UsageError('--out och --html går bara att använda med en plan');
  }
  const session = new PrintSession(options.browser);
  session.warmUp(); // the browser starts while the plans are read and computed
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
        process.stderr.write(`  ingen PDF skrevs; ${path.normalize(target)} är orörd\n`);
        if (error instanceof VplanError) stop = true; // a browser or template problem hits every plan alike
      }
      showProgress();
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, Math.min(options.jobs, files.length)) }, worker));
  } finally {
    clearProgress();
    await session.close();
  }
  if (files.length > 1) {
    const seconds = ((performance.now() - started) / 1000).toFixed(1).replace('.', ',');
    const skipped = files.length - built - failed;
    process.stdout.write(`${built} byggda, ${failed} misslyckades${skipped ? `, ${skipped} hoppades över` : ''} (${seconds} s)\n`);
  }
  return failed > 0 || built < files.length ? 1 : 0;
}

async function commandArchive(args: string[], archiveDir: string, browser: string | undefined): Promise<number> {
  const [first, ...rest] = args;
  if (first === undefined) throw new UsageError('ange en planfil, list eller verify: vplan archive data/plan.json');
  if ((first === 'list' || first === 'verify') && !first.endsWith('.json')) {
    if (rest.length > 1) throw new UsageError(`vplan archive ${first} tar högst ett diarienummer`);
    const dnr = rest[0];
    if (first === 'list') {
      const versions = await listVersions(archiveDir, dnr);
      if (versions.length === 0) {
        process.stdout.write(`Inga arkiverade versioner${dnr ? ` av ${dnr}` : ''} i ${archiveDir}.\n`);
        return 0;
      }
      for (const { dir, manifest: m } of versions) {
        const decision = m.decisionDate ? `${m.status === 'fastställd' ? 'fastställd' : 'beslut planerat'} ${m.decisionDate}` : '';
        process.stdout.write(
          `${m.dnr}  version ${m.version}  ${m.status}${decision ? `  (${decision})` : ''}  arkiverad ${m.filedAt}  ${path.join(dir, m.pdf ?? '')}\n`,
        );
      }
      return 0;
    }
    const { checked, problems } = await verifyArchive(archiveDir, dnr);
    for (const p of problems) process.stderr.write(`${path.join(p.dir, p.file)}: ${p.problem}\n`);
    process.stdout.write(`${checked} ${checked === 1 ? 'version' : 'versioner'} kontrollerade, ${problems.length === 0 ? 'alla filer oförändrade' : `${problems.length} fel`}.\n`);
    return problems.length === 0 ? 0 : 1;
  }
  if (rest.length > 0) throw new UsageError('vplan archive arkiverar en plan i taget');
  const session = new PrintSession(browser);
  session.warmUp();
  try {
    const { plan, loaded, warnings } = await checkPlan(first);
    printWarnings(first, warnings);
    const { pdf } = await printPlan(plan, session, { pdfa: true });
    const filed = await fileVersion(plan, loaded.bytes!, pdf, { archiveDir, version: VERSION });
    process.stdout.write(`${first} → ${plan.document.dnr} version ${filed.manifest.version}: ${path.join(filed.dir, filed.manifest.pdf)}\n`);
    return 0;
  } finally {
    await session.close();
  }
}

async function commandDiff(
  args: string[],
  options: { appendix: boolean; out: string | undefined; archiveDir: string; browser: string | undefined; theme: string | undefined },
): Promise<number> {
  const [oldRef, newFile, ...extra] = args;
  if (oldRef === undefined || newFile === undefined || extra.length > 0) {
    throw new UsageError('ange två versioner: vplan diff gammal.json ny.json (eller dnr@version ny.json)');
  }
  let oldFile = oldRef;
  let since = path.basename(oldRef);
  const archived = /^(.+)@(\d+)$/.exec(oldRef);
  if (!existsSync(oldRef) && archived) {
    const filed = await readFiledPlan(options.archiveDir, archived[1]!, Number(archived[2]));
    oldFile = filed.file;
    since = `version ${filed.manifest.version} (${filed.manifest.dnr})`;
  }
  const before = await checkPlan(oldFile);
  const after = await checkPlan(newFile, { theme: options.theme });
  const changes = diffPlans(before.plan, after.plan, since);
  process.stdout.write(formatChanges(changes));
  if (!options.appendix) return 0;

  const plan = after.plan;
  plan.changes = changes;
  plan.contents = plan.contents && [...plan.contents, { anchor: 'andringar', label: '', title: `Ändringar sedan ${since}`, level: 1 }];
  const target = options.out ?? defaultOutputPath(newFile);
  const session = new PrintSession(options.browser);
  try {
    const { pdf, pages } = await printPlan(plan, session);
    await writeFileAtomic(target, pdf);
    process.stdout.write(`\n${newFile} → ${target} (${pages} sidor, ändringarna på sista sidan)\n`);
  } finally {
    await session.close();
  }
  return 0;
}

/** Pages printed at once in a batch: given, or from the machine (a page needs about a core). */
function parseJobs(value: string | undefined): number {
  if (value === undefined) return Math.max(1, Math.min(4, availableParallelism()));
  const jobs = Number(value);
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 32) throw new UsageError('--jobs ska vara ett heltal 1–32');
  return jobs;
}

async function commandWatch(
  args: string[],
  options: { out: string | undefined; theme: string | undefined; browser: string | undefined; serve: boolean; port: string | undefined },
): Promise<number> {
  const [file, ...extra] = args;
  if (file === undefined || extra.length > 0) throw new UsageError('ange en planfil: vplan watch data/plan.json');
  const port = options.port === undefined ? 0 : Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port ska vara ett portnummer');
  const out = options.out ?? defaultOutputPath(file);
  const watcher = new PlanWatcher(file, { out, theme: options.theme, browser: options.browser });
  const time = () => new Date().toLocaleTimeString('sv-SE');
  watcher.on('built', (e) => {
    process.stdout.write(`${time()} byggd (${e.reason}) på ${Math.round(e.ms)} ms → ${e.result.outFile} (${e.result.pages} sidor)\n`);
    printWarnings(file, e.result.warnings);
  });
  watcher.on('failed', (e) => {
    process.stderr.write(`${time()} fel (${e.reason}) efter ${Math.round(e.ms)} ms:\n${describeError(e.error)}\n  ${out} är den senaste fungerande versionen\n`);
  });
  await watcher.start();
  if (watcher.version === 0 && watcher.lastError instanceof VplanError) {
    await watcher.close();
    return 1; // no browser or no templates: waiting would not help
  }
  const preview = options.serve ? await servePreview(watcher, port) : undefined;
  if (preview) process.stdout.write(`Förhandsvisning: ${preview.url}\n`);
  process.stdout.write(`Bevakar ${file} och templates/ – avsluta med Ctrl+C.\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await preview?.close();
  await watcher.close();
  process.stdout.write('Avslutad.\n');
  return 0;
}

export async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: 'string', short: 'o' },
        browser: { type: 'string' },
        theme: { type: 'string' },
        pdfa: { type: 'boolean' },
        archive: { type: 'string' },
        appendix: { type: 'boolean' },
        html: { type: 'string' },
        jobs: { type: 'string', short: 'j' },
        serve: { type: 'boolean' },
        port: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    process.stderr.write(`vplan: ${(error as Error).message}\n\n${HELP}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.version) {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const [command, ...rest] = positionals;
  if (values.help || command === undefined || command === 'help') {
    process.stdout.write(`${HELP}\n`);
    return command === undefined && !values.help ? 2 : 0;
  }
  try {
    switch (command) {
      case 'build':
        return await commandBuild(rest, {
          out: values.out,
          html: values.html,
          browser: values.browser,
          theme: values.theme,
          pdfa: values.pdfa ?? false,
          jobs: parseJobs(values.jobs),
        });
      case 'validate':
        return await commandValidate(rest);
      case 'watch':
        return await commandWatch(rest, { out: values.out, theme: values.theme, browser: values.browser, serve: values.serve ?? false, port: values.port });
      case 'diff':
        return await commandDiff(rest, {
          appendix: values.appendix ?? false,
          out: values.out,
          archiveDir: values.archive ?? DEFAULT_ARCHIVE_DIR,
          browser: values.browser,
          theme: values.theme,
        });
      case 'archive':
        return await commandArchive(rest, values.archive ?? DEFAULT_ARCHIVE_DIR, values.browser);
      case 'schema':
        process.stdout.write(`${JSON.stringify(planJsonSchema(), null, 2)}\n`);
        return 0;
      default:
        throw new UsageError(`okänt kommando "${command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`vplan: ${error.message}\n\nSe vplan --help.\n`);
      return 2;
    }
    report(error);
    return 1;
  }
}
