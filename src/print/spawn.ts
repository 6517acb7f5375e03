// Starting the browser's process without Puppeteer, and connecting Puppeteer to it afterwards: the process
// starts the moment vplan knows which browser, before Puppeteer (a tenth of a second to load) has even
// been loaded, with the same arguments puppeteer.launch would give it (test/browser.spawn.test.ts holds
// the two lists together) and the same pipe to talk over.
import { spawn, type ChildProcess } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import type { Browser, ConnectionTransport, ConnectOptions } from 'puppeteer-core';

/** What puppeteer.launch({ headless: true, pipe: true }) passes before the caller's own arguments. */
export const PUPPETEER_ARGS = [
  '--allow-pre-commit-input',
  '--disable-background-networking',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
  '--disable-breakpad',
  '--disable-client-side-phishing-detection',
  '--disable-component-extensions-with-background-pages',
  '--disable-crash-reporter',
  '--disable-default-apps',
  '--disable-dev-shm-usage',
  '--disable-hang-monitor',
  '--disable-infobars',
  '--disable-ipc-flooding-protection',
  '--disable-popup-blocking',
  '--disable-prompt-on-repost',
  '--disable-renderer-backgrounding',
  '--disable-search-engine-choice-screen',
  '--disable-sync',
  '--enable-automation',
  '--export-tagged-pdf',
  '--force-color-profile=srgb',
  '--generate-pdf-document-outline',
  '--metrics-recording-only',
  '--no-first-run',
  '--password-store=basic',
  '--use-mock-keychain',
];
/** The features Puppeteer turns off and on; the caller's --disable-features are added to the first. */
export const PUPPETEER_DISABLED_FEATURES = [
  'Translate',
  'AcceptCHFrame',
  'MediaRouter',
  'OptimizationHints',
  'WebUIReloadButton',
  'ProcessPerSiteUpToMainFrameThreshold',
  'IsolateSandboxedIframes',
];
export const PUPPETEER_ENABLED_FEATURES = ['PdfOopif'];

/** The whole command line for a headless browser with this profile, talking over a pipe, as Puppeteer builds it. */
export function launchArgs(own: readonly string[], profile: string): string[] {
  const features = (flag: string) =>
    own.filter((a) => a.startsWith(`${flag}=`)).flatMap((a) => a.slice(flag.length + 1).split(',').filter(Boolean));
  const rest = own.filter((a) => !a.startsWith('--disable-features=') && !a.startsWith('--enable-features='));
  return [
    ...PUPPETEER_ARGS,
    `--disable-features=${[...PUPPETEER_DISABLED_FEATURES, ...features('--disable-features')].join(',')}`,
    `--enable-features=${[...PUPPETEER_ENABLED_FEATURES, ...features('--enable-features')].join(',')}`,
    `--user-data-dir=${profile}`,
    '--headless=new',
    '--hide-scrollbars',
    '--mute-audio',
    '--disable-extensions',
    ...(rest.every((a) => a.startsWith('-')) ? ['about:blank'] : []),
    ...rest,
    '--remote-debugging-pipe',
  ];
}

/**
 * Chromium's DevTools pipe (file descriptors 3 and 4): messages are JSON separated by a NUL byte. Each
 * message is handed on in its own turn of the event loop, as Puppeteer's own pipe does.
 */
export class PipeTransport implements ConnectionTransport {
  onmessage?: (message: string) => void;
  onclose?: () => void;
  private pending: Buffer[] = [];
  private closed = false;

  constructor(
    private readonly output: Writable,
    input: Readable,
  ) {
    input.on('data', (chunk: Buffer) => this.receive(chunk));
    input.once('close', () => this.end());
    input.on('error', () => this.end());
    output.on('error', () => this.end());
  }

  send(message: string): void {
    if (this.closed) return;
    this.output.write(message);
    this.output.write('\0');
  }

  close(): void {
    this.closed = true;
  }

  private receive(chunk: Buffer): void {
    let start = 0;
    for (let end = chunk.indexOf(0); end !== -1; end = chunk.indexOf(0, start)) {
      const part = chunk.subarray(start, end);
      const message = (this.pending.length > 0 ? Buffer.concat([...this.pending, part]) : part).toString('utf8');
      this.pending = [];
      start = end + 1;
      setImmediate(() => this.onmessage?.(message));
    }
    if (start < chunk.length) this.pending.push(chunk.subarray(start));
  }

  private end(): void {
    if (this.closed) return;
    this.closed = true;
    setImmediate(() => this.onclose?.());
  }
}

/** The browser's process, started; its last words on stderr are kept for an error message. */
export interface BrowserProcess {
  child: ChildProcess;
  /** The end of what the browser wrote on stderr. */
  stderr(): string;
}

export function spawnBrowser(executablePath: string, args: string[], env: NodeJS.ProcessEnv): BrowserProcess {
  const child = spawn(executablePath, args, {
    env,
    // Outside Windows the browser leads a process group of its own, which endBrowser ends as one.
    detached: process.platform !== 'win32',
    stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'],
  });
  let tail = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (text: string) => {
    tail = (tail + text).slice(-4000);
  });
  // A browser that cannot be started at all says so as an 'error' event, reported by connectBrowser.
  child.on('error', () => undefined);
  return { child, stderr: () => tail };
}

/**
 * Puppeteer connected to a browser started by spawnBrowser, once the browser answers on its pipe; fails
 * when the process ends or cannot start first, or after `timeoutMs`. The browser's process() is the
 * child, as after puppeteer.launch.
 */
export async function connectBrowser(
  puppeteer: { connect(options: ConnectOptions): Promise<Browser> },
  started: BrowserProcess,
  options: { protocolTimeout: number; timeoutMs: number },
): Promise<Browser> {
  const { child } = started;
  const [, , , output, input] = child.stdio as [unknown, unknown, unknown, Writable | null, Readable | null];
  if (!output || !input) throw new Error('den fick ingen förbindelse för DevTools');
  let timer: NodeJS.Timeout | undefined;
  let onExit: (() => void) | undefined;
  let onError: ((error: NodeJS.ErrnoException) => void) | undefined;
  const failed = new Promise<never>((_, reject) => {
    const lastLine = () => started.stderr().trim().split('\n').filter(Boolean).at(-1) ?? '';
    onExit = () => reject(new Error(`den avslutades direkt (${child.exitCode === null ? `signal ${child.signalCode}` : `kod ${child.exitCode}`}) ${lastLine()}`.trim()));
    onError = (error: NodeJS.ErrnoException) =>
      reject(new Error(error.code === 'EACCES' ? 'filen går inte att köra (ingen körbehörighet)' : `den gick inte att köra (${error.code ?? error.message})`));
    child.once('exit', onExit);
    child.once('error', onError);
    timer = setTimeout(() => reject(new Error(`den svarade inte inom ${options.timeoutMs / 1000} s ${lastLine()}`.trim())), options.timeoutMs);
  });
  try {
    const connecting = puppeteer.connect({
      transport: new PipeTransport(output, input),
      defaultViewport: { width: 800, height: 600 },
      protocolTimeout: options.protocolTimeout,
    });
    connecting.catch(() => undefined);
    const browser = await Promise.race([connecting, failed]).catch(async (error: unknown) => {
      // The pipe closes with the process: its exit, a moment later, says more than the closed pipe.
      const ended = await Promise.race([failed.catch((reason: unknown) => reason), new Promise((resolve) => setTimeout(resolve, 500))]);
      throw ended instanceof Error ? ended : new Error(`förbindelsen bröts (${(error as Error).message})`);
    });
    Object.defineProperty(browser, 'process', { value: () => child });
    return browser;
  } finally {
    clearTimeout(timer);
    child.off('exit', onExit!);
    child.off('error', onError!);
  }
}
