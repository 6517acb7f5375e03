// A browser started before the rest of vplan has loaded: `vplan build` starts it first thing, so that
// its launch overlaps loading vplan's modules, reading, computing and rendering the plan. The first
// print session that asks for a browser with the same choice takes it over.
import type { Browser } from 'puppeteer-core';
import { chooseBrowser, launchBrowser, prepareLaunch, type BrowserChoice } from './browser.js';

export interface StartedBrowser {
  choice: BrowserChoice;
  browser: Browser;
}

let early: { explicit: string | undefined; started: Promise<StartedBrowser> } | undefined;

/**
 * Starts the browser now; failures surface when a session takes it (takeEarlyBrowser). Settles once
 * the browser's process has been started, so that loading the rest of vplan (which keeps this thread
 * busy) does not delay it.
 */
export async function startBrowserEarly(explicit: string | undefined): Promise<void> {
  const ready = prepareLaunch().catch(() => undefined);
  const started = (async () => {
    const choice = await chooseBrowser(explicit);
    return { choice, browser: await launchBrowser(choice, true) };
  })();
  started.catch(() => undefined);
  early = { explicit, started };
  await ready;
  // launchBrowser's own steps after prepareLaunch are promise steps only: one turn of the event loop.
  await new Promise((resolve) => setImmediate(resolve));
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
  await started?.browser.close().catch(() => started.browser.process()?.kill('SIGKILL'));
}
