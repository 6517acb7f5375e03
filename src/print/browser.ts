// Finds and starts the browser that prints: an explicit path, else a Chrome, Chromium or Edge on the
// system, else the Chromium that the npm package @sparticuz/chromium carries. One browser per run.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { RunError } from '../errors.js';

export interface BrowserChoice {
  executablePath: string;
  source: 'option' | 'environment' | 'system' | 'npm';
  extraArgs: string[];
}

export const BROWSER_ENV = 'VPLAN_BROWSER';

/**
 * Where to look, in order. First Chromium's headless shell (Debian's package chromium-headless-shell,
 * its binary rather than the script that starts it): made for printing and automation, it prints the
 * same PDF byte for byte with some 40 % of the whole browser's processor time (a cold build of an
 * example 2.5 → 1.9 s on two cores, a batch of 50 plans 3.1–3.5 → 5 PDF/s).
 */
const SYSTEM_PATHS: Record<string, string[]> = {
  linux: [
    '/usr/lib/chromium/chromium-headless-shell',
    '/usr/bin/chromium-headless-shell',
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
const PATH_NAMES = ['chromium-headless-shell', 'chrome-headless-shell', 'chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'microsoft-edge', 'msedge'];

function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** Where a browser is looked for on a system, in order. */
export const systemBrowserPaths = (platform: string = process.platform): string[] => SYSTEM_PATHS[platform] ?? [];

/** The first browser found: at the usual places (`paths`), then on PATH by name (`names`). */
export function findSystemBrowser(paths = systemBrowserPaths(), names = PATH_NAMES): string | undefined {
  for (const candidate of paths) if (existsSync(candidate)) return candidate;
  for (const name of names) {
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

export const HOW_TO_GET_ONE = [
  'vplan behöver Chrome, Chromium eller Edge för att skriva ut PDF. Gör ett av följande:',
  '  • installera Chromium: sudo apt-get install chromium-headless-shell   (Debian; den snabbaste för vplan)',
  '    eller hela webbläsaren: sudo apt-get install chromium   (Debian/Ubuntu)',
  '  • kör npm install i vplan-mappen, så hämtas Chromium från npm (@sparticuz/chromium)',
  `  • ange en webbläsare: ${BROWSER_ENV}=/sökväg/till/chrome eller --browser /sökväg/till/chrome`,
  `    (${BROWSER_ENV}=npm väljer Chromium från npm även när datorn har en egen webbläsare)`,
].join('\n');

/**
 * What to do about a browser that is there but did not start (what it said itself comes before this):
 * installing one is no answer then.
 */
export function whenItWontStart(choice: BrowserChoice, reason: string): string {
  const lines = ['Webbläsaren finns, men startade inte. Gör ett av följande:'];
  if (/error while loading shared libraries|cannot open shared object file/i.test(reason)) {
    // The system's Chromium package brings the libraries, whichever Chromium was chosen.
    lines.push('  • den saknar ett bibliotek: installera Chromium med systemets pakethanterare, så följer biblioteken med,');
    lines.push('    t.ex. sudo apt-get install chromium-headless-shell   (Debian)');
  } else {
    lines.push('  • har den startat förut: installera om den, eller starta om datorn');
  }
  lines.push(`  • välj en annan webbläsare: --browser /sökväg/till/chrome eller ${BROWSER_ENV}=/sökväg/till/chrome`);
  if (choice.source !== 'npm') lines.push(`  • skriv ut med Chromium från npm: ${BROWSER_ENV}=npm (efter npm install i vplan-mappen)`);
  return lines.join('\n');
}

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
