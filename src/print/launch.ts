// Starts the browser and connects Puppeteer to it, in two steps: the browser's process starts first (no
// Puppeteer needed: `vplan build` starts it before Puppeteer's code, a tenth of a second to load, has even
// been read), and Puppeteer connects over the process's pipe once it has loaded. The process is the one
// Puppeteer's own launch would start: its default flags (dist/browser-args.json, made by `npm run build`
// from Puppeteer itself), vplan's flags, a profile of its own, the DevTools protocol on a pipe.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Readable, Writable } from 'node:stream';
import type { Browser } from 'puppeteer-core';
import { browserArgs, HOW_TO_GET_ONE, printTimeoutMs, whenItWontStart, type BrowserChoice } from './browser.js';
import { RunError } from '../errors.js';
import { fontconfigEnvironment } from './fontconfig.js';
import { createProfile, installSignalHandlers, removeStaleProfiles, startRemover, track } from './profile.js';
import { PROJECT_ROOT } from '../root.js';

export interface StartedProcess {
  choice: BrowserChoice;
  child: ChildProcess;
  profile: string;
  /** Ends the tracking of the profile and removes it (after a delay in seconds). */
  untrack: (afterSeconds?: number) => void;
  /** What the browser wrote to stderr so far (the first 8 kB): the reason when it did not start. */
  stderr(): string;
}

const BROWSER_ARGS_FILE = path.join(PROJECT_ROOT, 'dist', 'browser-args.json');

/** Puppeteer's default flags, from the build; undefined before `npm run build`. */
function puppeteerDefaults(): string[] | undefined {
  try {
    const args: unknown = JSON.parse(readFileSync(BROWSER_ARGS_FILE, 'utf8'));
    return Array.isArray(args) && args.every((a) => typeof a === 'string') ? args : undefined;
  } catch {
    return undefined;
  }
}

/** Puppeteer's flags and vplan's, the lists of features to turn on and off joined as Puppeteer joins them. */
export function commandLine(defaults: readonly string[], ours: readonly string[]): string[] {
  const features = (flag: string) =>
    [...defaults, ...ours].filter((a) => a.startsWith(`${flag}=`)).flatMap((a) => a.slice(flag.length + 1).split(',')).filter(Boolean);
  const merged = (flag: string) => (features(flag).length > 0 ? [`${flag}=${features(flag).join(',')}`] : []);
  const isFeatures = (a: string) => a.startsWith('--disable-features=') || a.startsWith('--enable-features=');
  return [...defaults.filter((a) => !isFeatures(a)), ...merged('--disable-features'), ...merged('--enable-features'), ...ours.filter((a) => !isFeatures(a))];
}

/** Starts the browser's process with its DevTools pipe and a profile of its own; returns at once. */
export async function startBrowserProcess(choice: BrowserChoice, handleSignals: boolean): Promise<StartedProcess> {
  const [fonts, defaults] = await Promise.all([
    fontconfigEnvironment(),
    puppeteerDefaults() ?? import('puppeteer-core').then(({ default: p }) => p.defaultArgs({ headless: true, args: [] }).filter((a) => a !== 'about:blank')),
  ]);
  removeStaleProfiles();
  // Handlers first: a signal from the moment the profile exists must find them in place.
  if (handleSignals) installSignalHandlers();
  const profile = createProfile();
  const args = [...commandLine(defaults, browserArgs(choice)), '--remote-debugging-pipe', `--user-data-dir=${profile}`, 'about:blank'];
  let child: ChildProcess;
  const started = new Promise<{ kill(): void }>((resolve) => {
    // The page sees the bundled fonts only, never the computer's (see fontconfig.ts). Outside Windows the
    // browser leads a process group of its own, so that it ends with its helpers (endBrowser).
    child = spawn(choice.executablePath, args, {
      env: { ...process.env, ...fonts },
      stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'],
      detached: process.platform !== 'win32',
    });
    resolve({ kill: () => child.kill('SIGKILL') });
  });
  const untrack = track(profile, started, handleSignals, startRemover());
  await started;
  let stderr = '';
  child!.stderr?.on('data', (chunk: Buffer) => {
    if (stderr.length < 8192) stderr += chunk.toString('utf8');
  });
  // A failed start (no such file) is reported by connectBrowser; here it must not be an unhandled error,
  // and neither must a pipe's when the browser is killed (ECONNRESET), before Puppeteer listens or after.
  child!.once('error', () => undefined);
  for (const stream of child!.stdio) stream?.on('error', () => undefined);
  return { choice, child: child!, profile, untrack, stderr: () => stderr };
}

/** The browser whose process vplan started, for ending it (Puppeteer's own launch keeps it as browser.process()). */
const processes = new WeakMap<Browser, ChildProcess>();
export const browserProcess = (browser: Browser): ChildProcess | undefined => processes.get(browser) ?? browser.process() ?? undefined;

/** Ends a browser's tracking and removes its profile (after a delay in seconds). */
const untrackers = new WeakMap<Browser, (afterSeconds?: number) => void>();

/** Starts a browser and connects to it (both steps at once). */
export async function launchBrowser(choice: BrowserChoice, handleSignals = true): Promise<Browser> {
  return connectBrowser(await startBrowserProcess(choice, handleSignals));
}

/** Connects Puppeteer to a started browser over its pipe, once its first tab is there. */
export async function connectBrowser(started: StartedProcess): Promise<Browser> {
  const { child } = started;
  const stopped = new Promise<never>((_, reject) => {
    const fail = (reason: string) => reject(new Error(`${reason}${started.stderr() ? `: ${started.stderr().trim().split('\n').slice(-3).join(' ')}` : ''}`));
    child.once('error', (error) => fail(error.message));
    // Its last words on stderr may come after its exit: until its pipes have closed (briefly).
    child.once('exit', (code, signal) => {
      void Promise.race([once(child, 'close'), sleep(200, undefined, { ref: false })]).then(() =>
        fail(`webbläsaren avslutades direkt (${signal ?? `kod ${code}`})`),
      );
    });
  });
  stopped.catch(() => undefined);
  let browser: Browser | undefined;
  const waiting = new AbortController();
  let transport: InstanceType<typeof import('puppeteer-core/internal/node/PipeTransport.js').PipeTransport> | undefined;
  try {
    const [{ default: puppeteer }, { PipeTransport }] = await Promise.all([
      import('puppeteer-core'),
      import('puppeteer-core/internal/node/PipeTransport.js'),
    ]);
    transport = new PipeTransport(child.stdio[3] as Writable, child.stdio[4] as Readable);
    browser = await Promise.race([
      puppeteer.connect({ transport, defaultViewport: { width: 800, height: 600 }, protocolTimeout: printTimeoutMs() }),
      stopped,
    ]);
    processes.set(browser, child);
    untrackers.set(browser, started.untrack);
    // Its first tab, which vplan prints in (see pdf.ts): a second one would start a second renderer.
    await Promise.race([browser.waitForTarget((t) => t.type() === 'page', { timeout: 30_000, signal: waiting.signal }), stopped]);
    // The profile goes when the browser's process has ended, not when its pipe closed.
    if (child.exitCode === null && child.signalCode === null) child.once('exit', () => started.untrack());
    else started.untrack();
    return browser;
  } catch (error) {
    // A browser that ended at once closes its pipe first: its own words (stderr) say more than the pipe's.
    const ended = await Promise.race([stopped.catch((e: Error) => e), sleep(500, undefined, { ref: false })]);
    killGroup(child);
    waiting.abort();
    await browser?.disconnect().catch(() => undefined);
    // Puppeteer still connecting (the browser ended before it noticed) gives up at once: its requests
    // fail rather than wait for the protocol's timeout, which would keep vplan running a minute.
    transport?.close();
    transport?.onclose?.();
    // Its pipes too: open, they would keep vplan running after the error.
    for (const stream of child.stdio) stream?.destroy();
    started.untrack(1);
    const reason = (ended ?? (error as Error)).message.split('\n')[0] ?? '';
    // One that could not be run at all (no such program, or not a program) is a matter of getting one:
    // Node's own error for the spawn says so, not anything the browser wrote.
    const missing = /^spawn .* (ENOENT|EACCES)(?::|$)/.test(reason);
    throw new RunError(`Webbläsaren ${started.choice.executablePath} kunde inte startas: ${reason}`, missing ? HOW_TO_GET_ONE : whenItWontStart(started.choice, reason));
  }
}

/**
 * Ends a browser whose work is done. On Linux it is killed with its helper processes (the browser leads
 * their process group): its profile is thrown away anyway, and an orderly shutdown (saving that
 * profile) takes a third to half a second of every build. Elsewhere it is closed in order.
 */
export async function endBrowser(browser: Browser): Promise<void> {
  const child = browserProcess(browser);
  if (process.platform === 'linux' && child?.pid !== undefined && child.exitCode === null && child.signalCode === null) {
    killGroup(child);
    // Dead from here on, but the kernel takes a tenth of a second or more to take a browser's memory
    // apart: vplan does not wait for that. Its pipe is let go so that this process can end meanwhile,
    // and the profile is removed a moment later by a process of its own.
    for (const stream of child.stdio) stream?.destroy();
    child.unref();
    untrackers.get(browser)?.(1);
    return;
  }
  // Closed in order; Puppeteer's close() of a connected browser does not wait for its process, nor fail
  // when the browser hangs: its process is waited for (briefly) and killed if it is still there.
  await browser.close().catch(() => undefined);
  if (child && child.exitCode === null && child.signalCode === null) {
    const ended = await Promise.race([once(child, 'exit').then(() => true), sleep(5000, false, { ref: false })]);
    if (!ended) killGroup(child);
  }
  for (const stream of child?.stdio ?? []) stream?.destroy();
  untrackers.get(browser)?.(1);
}

/** Kills a browser with its helper processes (outside Windows it leads their process group). */
function killGroup(child: ChildProcess): void {
  if (process.platform !== 'win32' && child.pid !== undefined) {
    try {
      process.kill(-child.pid, 'SIGKILL');
      return;
    } catch {
      // Not a group leader (already gone): the process itself.
    }
  }
  child.kill('SIGKILL');
}
