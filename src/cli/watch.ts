// vplan watch: rebuild on every save, optionally with a live preview.
import { RunError } from '../errors.js';
import { checkTarget } from '../guard.js';
import { defaultOutputPath } from '../output.js';
import { PlanWatcher } from '../watch/watcher.js';
import { describeError, servePreview } from '../watch/serve.js';
import { UsageError, printWarnings } from './report.js';

export async function commandWatch(
  args: string[],
  options: { out: string | undefined; theme: string | undefined; browser: string | undefined; serve: boolean; port: string | undefined; archiveDir: string },
): Promise<number> {
  const [file, ...extra] = args;
  if (file === undefined || extra.length > 0) throw new UsageError('ange en planfil: vplan watch data/plan.json');
  const port = options.port === undefined ? 0 : Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port ska vara ett portnummer');
  const out = options.out ?? defaultOutputPath(file);
  // A target that must not be written is refused now, not at every save.
  await checkTarget(out, 'pdf', { inputs: [file], archiveDir: options.archiveDir, flag: '--out' });
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
  if (watcher.version === 0 && watcher.lastError instanceof RunError) {
    await watcher.close();
    return 1; // no browser or no templates: waiting would not help
  }
  let preview;
  try {
    preview = options.serve ? await servePreview(watcher, port, options.archiveDir) : undefined;
  } catch (error) {
    await watcher.close();
    throw error;
  }
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

