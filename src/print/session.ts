// The print session: one browser for a run (started on first use, or taken over from the early start of
// `vplan build`), a small pool of prepared pages, and the self-check's reader thread; closed whatever
// happened.
import type { Browser } from 'puppeteer-core';
import { chooseBrowser, type BrowserChoice } from './browser.js';
import { browserProcess, endBrowser, launchBrowser } from './launch.js';
import { preparePage, type PrintPage } from './pdf.js';
import { takeEarlyBrowser } from './early.js';
import { PdfReader } from '../check/reader.js';
import { trace } from '../trace.js';

/**
 * The finishing modules (pdf-lib) load on first use, and warmUp() starts loading them while the browser
 * starts: a tenth of a second of a cold build that then costs nothing.
 */
let finishing: Promise<[typeof import('../finish/contents.js'), typeof import('../finish/metadata.js')]> | undefined;
export const loadFinishing = () => (finishing ??= Promise.all([import('../finish/contents.js'), import('../finish/metadata.js')]));

/** One browser, started on first use and closed by close() whatever happened. */
export class PrintSession {
  private browser: Promise<Browser> | undefined;
  choice: BrowserChoice | undefined;

  constructor(
    private readonly explicitBrowser?: string,
    private readonly handleSignals = true,
  ) {}

  async get(): Promise<Browser> {
    if (this.browser) {
      // A browser that crashed or was closed is started again rather than failing every later build.
      const current = await this.browser.catch(() => undefined);
      if (!current || !current.connected) this.browser = undefined;
    }
    this.browser ??= (async () => {
      const early = takeEarlyBrowser(this.explicitBrowser, this.handleSignals);
      if (early) {
        const started = await early;
        trace('browser started');
        this.choice = started.choice;
        return started.browser;
      }
      this.choice ??= await chooseBrowser(this.explicitBrowser);
      return launchBrowser(this.choice, this.handleSignals);
    })();
    const pending = this.browser;
    pending.catch(() => {
      if (this.browser === pending) this.browser = undefined;
    });
    return pending;
  }

  private readonly idle: PrintPage[] = [];
  /** pdf.js in a worker thread, for the self-check: started by warmUp(), or by the first check. */
  readonly reader = new PdfReader();
  /** Contents page numbers by heading structure from earlier builds: the first guess for the next. */
  readonly lastContentsPages = new Map<string, Record<string, string>>();

  /** Starts the browser (and a first page) now, without waiting: problems surface at the first get(). */
  warmUp(): void {
    void loadFinishing();
    // A reader that cannot start says so at the first check, with the build it belongs to.
    try {
      this.reader.start();
    } catch {}
    const preparing = this.page();
    this.preparing = preparing;
    this.warming = preparing.then(
      (page) => {
        // Taken by a build meanwhile (page()), or kept for the first one.
        if (this.preparing !== preparing) return;
        this.preparing = undefined;
        return this.release(page, true);
      },
      () => undefined,
    );
  }

  private warming: Promise<void> | undefined;
  /** The page warmUp() is preparing: the first build takes it rather than preparing a second one. */
  private preparing: Promise<PrintPage> | undefined;

  /** A prepared page, warm from an earlier document when one is free. */
  async page(): Promise<PrintPage> {
    const preparing = this.preparing;
    if (preparing) {
      this.preparing = undefined;
      // A second renderer started at the same time costs a cold build half a second on two cores.
      const page = await preparing.catch(() => undefined);
      if (page) return page;
    }
    const browser = await this.get();
    while (this.idle.length > 0) {
      const page = this.idle.pop()!;
      if (!page.page.isClosed() && page.page.browser() === browser) return page;
    }
    return preparePage(browser);
  }

  /** Back to the pool when it can print again; closed otherwise. Keeps at most a few warm. */
  readonly release = async (page: PrintPage, reusable: boolean): Promise<void> => {
    if (reusable && this.idle.length < 8 && !page.page.isClosed()) {
      this.idle.push(page);
      return;
    }
    await page.page.close().catch(() => undefined);
  };

  /** Ends the browser at once (it crashed or hangs); the next get() starts a new one. */
  async restart(): Promise<void> {
    this.idle.length = 0;
    this.preparing = undefined;
    const pending = this.browser;
    this.browser = undefined;
    const browser = await pending?.catch(() => undefined);
    if (browser) browserProcess(browser)?.kill('SIGKILL');
    await browser?.close().catch(() => undefined);
  }

  async close(): Promise<void> {
    // A page still being prepared would otherwise talk to a closing browser and hold the process open.
    await this.warming;
    await this.reader.close();
    // The pages go with the browser: closing each first costs a round trip apiece.
    this.idle.length = 0;
    const pending = this.browser;
    this.browser = undefined;
    if (!pending) return;
    const browser = await pending.catch(() => undefined);
    if (browser) await endBrowser(browser);
  }
}
