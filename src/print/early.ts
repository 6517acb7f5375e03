// A browser started before the rest of vplan has loaded: `vplan build` starts its process first thing,
// before even Puppeteer has loaded (see launch.ts), so that its start overlaps loading vplan's modules,
// reading, computing and rendering the plan. The first print session that asks for a browser with the
// same choice takes it over.
import type { Browser } from 'puppeteer-core';
import { chooseBrowser, type BrowserChoice } from './browser.js';
import { connectBrowser, endBrowser, startBrowserProcess } from './launch.js';

export interface StartedBrowser {
  choice: BrowserChoice;
  browser: Browser;
}

let early: { explicit: string | undefined; started: Promise<StartedBrowser> } | undefined;

/**
 * Starts the browser now; failures surface when a session takes it (takeEarlyBrowser). Settles once the
 * browser's process has been started, before Puppeteer has even loaded: Puppeteer then loads and connects
 * while the browser starts and the rest of vplan loads.
 */
export async function startBrowserEarly(explicit: string | undefined): Promise<void> {
  const spawned = (async () => startBrowserProcess(await chooseBrowser(explicit), true))();
  const started = spawned.then(async (p) => ({ choice: p.choice, browser: await connectBrowser(p) }));
  started.catch(() => undefined);
  early = { explicit, started };
  await spawned.catch(() => undefined);
}

/** The early browser, once, for a session that handles signals and asks for the same browser. */
export function takeEarlyBrowser(explicit: string | undefined, handleSignals: boolean): Promise<StartedBrowser> | undefined {
  if (!early || early.explicit !== explicit || !handleSignals) return undefined;
  const { started } = early;
  early = undefined;
  return started;
}

/** Closes an early browser nobody took (the command failed before it printed). */
export async function abandonEarlyBrowser(): Promise<void> {
  const pending = takeEarlyBrowser(early?.explicit, true);
  const started = await pending?.catch(() => undefined);
  if (started) await endBrowser(started.browser);
}
