// Finds and starts the browser that prints: an explicit path, else a Chrome, Chromium or Edge on the
// system, else the Chromium that the npm package @sparticuz/chromium carries. One browser per run.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'puppeteer-core';
import { RunError } from '../errors.js';
import { createProfile, installSignalHandlers, removeStaleProfiles, track } from './profile.js';
import { fontconfigEnvironment } from './fontconfig.js';

export interface BrowserChoice {
  executablePath: string;
  source: 'option' | 'environment' | 'system' | 'npm';
  extraArgs: string[];
}

export const BROWSER_ENV = 'VPLAN_BROWSER';

const SYSTEM_PATHS: Record<string, string[]> = {
  linux: [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/opt/google/chrome/chrome',
    '/usr/bin/microsoft-edge',
    '/usr/bin/microsoft-edge-stable',
    '/opt/microsoft/msedge/msedge',
    '/snap/bin/chromium',
  ],
  darwin: [
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
  ],
  win32: [
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
    'C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe',
  ],
};
const PATH_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'microsoft-edge', 'msedge'];

function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

export function findSystemBrowser(): string | undefined {
  for (const candidate of SYSTEM_PATHS[process.platform] ?? []) if (existsSync(candidate)) return candidate;
  for (const name of PATH_NAMES) {
    const found = onPath(name);
    if (found) return found;
  }
  return undefined;
}

async function npmChromium(): Promise<BrowserChoice | undefined> {
  let module: { default: { executablePath(): Promise<string>; args: string[] } };
  try {
    module = (await import('@sparticuz/chromium' as string)) as typeof module;
  } catch {
    return undefined;
  }
  const executablePath = await module.default.executablePath();
  // Its own flags are for AWS Lambda; keep only the ones this build needs to start and render
  // (software GL, no zygote, and no setuid sandbox, which the unpacked binary does not have).
  const keep = module.default.args.filter((a) => /^--(no-zygote|no-sandbox|use-gl=|use-angle=)/.test(a));
  return { executablePath, source: 'npm', extraArgs: keep };
}

const HOW_TO_GET_ONE = [
  'vplan behöver Chrome, Chromium eller Edge för att skriva ut PDF. Gör ett av följande:',
  '  • installera Chromium: sudo apt-get install chromium   (Debian/Ubuntu)',
  '  • kör npm install i vplan-mappen, så hämtas Chromium från npm (@sparticuz/chromium)',
  `  • ange en webbläsare: ${BROWSER_ENV}=/sökväg/till/chrome eller --browser /sökväg/till/chrome`,
  `    (${BROWSER_ENV}=npm väljer Chromium från npm även när datorn har en egen webbläsare)`,
].join('\n');

export async function chooseBrowser(explicit?: string): Promise<BrowserChoice> {
  const fromEnv = process.env[BROWSER_ENV];
  const given = explicit ?? fromEnv;
  if (given === 'npm') {
    // Asked for by name: the Chromium from the npm registry, even when the system has a browser.
    const fromNpm = await npmChromium();
    if (!fromNpm) throw new RunError('Chromium från npm (@sparticuz/chromium) är inte installerat.', HOW_TO_GET_ONE);
    return fromNpm;
  }
  if (given) {
    if (!existsSync(given)) {
      throw new RunError(`Webbläsaren ${given} finns inte (${explicit ? '--browser' : BROWSER_ENV}).`, HOW_TO_GET_ONE);
    }
    return { executablePath: given, source: explicit ? 'option' : 'environment', extraArgs: [] };
  }
  const system = findSystemBrowser();
  if (system) return { executablePath: system, source: 'system', extraArgs: [] };
  const fromNpm = await npmChromium().catch(() => undefined);
  if (fromNpm) return fromNpm;
  throw new RunError('Ingen webbläsare hittades.', HOW_TO_GET_ONE);
}

/** Flags for a quiet, offline, reproducible headless browser. */
export function browserArgs(choice: BrowserChoice): string[] {
  const args = [
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-default-apps',
    '--disable-extensions',
    '--disable-domain-reliability',
    '--disable-client-side-phishing-detection',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--font-render-hinting=none',
    '--mute-audio',
    // Chromium 156 loads its omnibox popup (a WebUI page) in a renderer of its own at start, headless
    // too: a second of processor time that competes with the printing on a small machine. Nor is a
    // spare renderer started for a next page: vplan reuses its pages. Older and other browsers ignore
    // features they do not know.
    '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup,SpareRendererForSitePerProcess',
    ...choice.extraArgs,
  ];
  // The sandbox cannot start as root; only then is it turned off.
  if (typeof process.getuid === 'function' && process.getuid() === 0 && !args.includes('--no-sandbox')) args.push('--no-sandbox');
  return args;
}

/** How long one step of printing may take before the browser counts as hung (VPLAN_TIMEOUT_MS). */
export function printTimeoutMs(): number {
  const value = Number(process.env.VPLAN_TIMEOUT_MS);
  return Number.isInteger(value) && value > 0 ? value : 60_000;
}

const loadPuppeteer = () => import('puppeteer-core');
let puppeteerModule: ReturnType<typeof loadPuppeteer> | undefined;
/**
 * What a launch needs loaded: puppeteer-core (loaded on first use, not with this module: commands that
 * print nothing never load it) and the browser's font configuration. Once this has settled,
 * launchBrowser starts the browser's process without waiting for anything else.
 */
export const prepareLaunch = () =>
  Promise.all([(puppeteerModule ??= loadPuppeteer()), fontconfigEnvironment()]).then(
    ([puppeteer, fonts]) => ({ puppeteer, fonts }),
  );

/** Ends a browser's tracking and removes its profile (after a delay in seconds). */
const untrackers = new WeakMap<Browser, (afterSeconds?: number) => void>();

export async function launchBrowser(choice: BrowserChoice, handleSignals = true): Promise<Browser> {
  const { puppeteer, fonts } = await prepareLaunch();
  removeStaleProfiles();
  // The page sees the bundled fonts only, never the computer's (see fontconfig.ts).
  const env = { ...process.env, ...fonts };
  // Handlers first: a signal from the moment the profile exists must find them in place.
  if (handleSignals) installSignalHandlers();
  const profile = createProfile();
  const launching = puppeteer.launch({
    // vplan handles the signals itself (see profile.ts): the browser is killed and its profile removed
    // at once. Watch mode (handleSignals false) closes the browser itself.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    // Talk over a pipe, not a port: when vplan dies, even by SIGKILL, the pipe closes and the
    // browser ends with it instead of living on as an orphan.
    pipe: true,
    executablePath: choice.executablePath,
    headless: true,
    userDataDir: profile,
    args: browserArgs(choice),
    env,
    timeout: 30_000,
    // Every request to the browser gives up after this long: a hung browser is noticed.
    protocolTimeout: printTimeoutMs(),
  });
  const untrack = track(
    profile,
    launching.then((browser) => ({ kill: () => browser.process()?.kill('SIGKILL') })),
    handleSignals,
  );
  try {
    const browser = await launching;
    // The profile goes when the browser's process has ended, not when its pipe closed: a browser still
    // shutting down writes into it.
    const child = browser.process();
    if (child && child.exitCode === null && child.signalCode === null) child.once('exit', () => untrack());
    else browser.once('disconnected', () => untrack());
    untrackers.set(browser, untrack);
    return browser;
  } catch (error) {
    untrack();
    throw new RunError(
      `Webbläsaren ${choice.executablePath} kunde inte startas: ${(error as Error).message.split('\n')[0]}`,
      HOW_TO_GET_ONE,
    );
  }
}

/**
 * Ends a browser whose work is done. On Linux it is killed with its helper processes (the browser leads
 * their process group): its profile is thrown away anyway, and an orderly shutdown (saving that
 * profile) takes a third to half a second of every build. Elsewhere it is closed in order.
 */
export async function endBrowser(browser: Browser): Promise<void> {
  const child = browser.process();
  if (process.platform === 'linux' && child?.pid !== undefined && child.exitCode === null && child.signalCode === null) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      child.kill('SIGKILL');
    }
    // Dead from here on, but the kernel takes a tenth of a second or more to take a browser's memory
    // apart: vplan does not wait for that. Its pipe is let go so that this process can end meanwhile,
    // and the profile is removed a moment later by a process of its own.
    for (const stream of child.stdio) stream?.destroy();
    child.unref();
    untrackers.get(browser)?.(1);
    return;
  }
  await browser.close().catch(() => child?.kill('SIGKILL'));
}
