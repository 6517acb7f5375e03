// The vplan command: a thin shell over the pipeline that turns results and errors into messages and
// exit codes (0 done, 1 a plan or build failed, 2 the command itself was wrong).
import { parseArgs } from 'node:util';
import path from 'node:path';
import { PlanError, VplanError, formatPath, type PlanIssue } from './errors.js';
import { buildPlan, checkPlan, PrintSession } from './build.js';
import { defaultOutputPath } from './output.js';
import { planJsonSchema } from './load/jsonSchema.js';
import { VERSION } from './version.js';

const HELP = `vplan ${VERSION} – verksamhetsplan med budget som PDF

Användning:
  vplan build <plan.json> [fler planer …] [--out fil.pdf] [--theme namn] [--pdfa] [--browser sökväg]
      Kontrollerar planen, räknar budgeten och skriver PDF:en
      (standard: output/<plan>.pdf; --out bara med en plan;
      --theme väljer ett annat utseende än planens, t.ex. modern;
      --pdfa skriver PDF/A-2u för arkivering).
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

async function commandBuild(
  files: string[],
  out: string | undefined,
  browser: string | undefined,
  theme: string | undefined,
  pdfa: boolean,
): Promise<number> {
  if (files.length === 0) throw new UsageError('ange minst en planfil: vplan build data/plan.json');
  if (out !== undefined && files.length > 1) throw new UsageError('--out går bara att använda med en plan');
  const session = new PrintSession(browser);
  let failed = 0;
  try {
    for (const file of files) {
      const target = out ?? defaultOutputPath(file);
      const started = performance.now();
      try {
        const result = await buildPlan(file, target, session, { theme, pdfa });
        const ms = Math.round(performance.now() - started);
        process.stdout.write(`${file} → ${result.outFile} (${result.pages} sidor, ${Math.round(result.bytes / 1024)} kB, ${ms} ms)\n`);
        printWarnings(file, result.warnings);
        if (result.blockedRequests.length > 0) {
          process.stderr.write(`  varning: webbläsaren nekades ${result.blockedRequests.length} förfrågningar: ${result.blockedRequests.join(', ')}\n`);
        }
      } catch (error) {
        failed++;
        report(error);
        process.stderr.write(`  ingen PDF skrevs${target ? `; ${path.normalize(target)} är orörd` : ''}\n`);
        if (error instanceof VplanError) break; // a browser or template problem hits every plan alike
      }
    }
  } finally {
    await session.close();
  }
  return failed > 0 ? 1 : 0;
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
        return await commandBuild(rest, values.out, values.browser, values.theme, values.pdfa ?? false);
      case 'validate':
        return await commandValidate(rest);
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
