// vplan build --web: each plan as a web page (output/<plan>.html), one after the other; no browser is
// needed, and a broken plan does not stop the rest.
import { buildWeb, defaultWebPath } from '../web/buildWeb.js';
import { UsageError, nothingWritten, printWarnings, report } from './report.js';

export interface WebCommandOptions {
  out: string | undefined;
  html: string | undefined;
  theme: string | undefined;
  pdfa: boolean;
}

export async function commandBuildWeb(files: string[], options: WebCommandOptions): Promise<number> {
  if (options.out !== undefined && files.length > 1) throw new UsageError('--out går bara att använda med en plan');
  if (options.html !== undefined) {
    throw new UsageError('--html skriver HTML:en som PDF:en skrevs ut från; med --web skrivs webbsidan till --out, t.ex. --web --out output/plan.html');
  }
  if (options.pdfa) throw new UsageError('--pdfa gäller PDF:en, och med --web skrivs ingen PDF; ta bort --pdfa eller --web');
  if (options.out !== undefined && !/\.html?$/i.test(options.out)) {
    throw new UsageError(`--out ${options.out}: webbsidan ska ha ett namn som slutar på .html, t.ex. --out output/plan.html`);
  }
  const started = performance.now();
  let built = 0;
  for (const file of files) {
    const target = options.out ?? defaultWebPath(file);
    const t0 = performance.now();
    try {
      const result = await buildWeb(file, target, { theme: options.theme });
      built++;
      process.stdout.write(`${file} → ${result.outFile} (webbsida, ${Math.round(result.bytes / 1024)} kB, ${Math.round(performance.now() - t0)} ms)\n`);
      printWarnings(file, result.warnings);
    } catch (error) {
      report(error);
      process.stderr.write(nothingWritten('ingen webbsida', target));
    }
  }
  if (files.length > 1) {
    const seconds = ((performance.now() - started) / 1000).toFixed(1).replace('.', ',');
    process.stdout.write(`${built} byggda, ${files.length - built} misslyckades (${seconds} s)\n`);
  }
  return built < files.length ? 1 : 0;
}
