// Print stage: one HTML document to PDF bytes in a page that runs no script from the document and
// loads nothing from outside: every request except its own inlined (data:) assets is refused and
// recorded. The page stays open so the contents pass can fill in page numbers and print again.
import type { Browser, Page } from 'puppeteer-core';
import { printTimeoutMs } from './browser.js';
import { settleSoftHyphens, type PageOverflow } from './softHyphens.js';
import { markTallTables } from './tallTables.js';
import { keptKey, keptPart, replaceRest } from './swap.js';
import { trace } from '../trace.js';

export interface LoadedDocument {
  /**
   * Prints the page as it now stands: A4, tagged, with a bookmark per heading. A draft is for the
   * contents pass's first page numbers only: the same pages and link destinations, but untagged,
   * without bookmarks, and with the document's body hidden (see hideForDraft).
   */
  print(options?: { draft?: boolean }): Promise<Uint8Array>;
  /** Writes page numbers into the contents entries (`data-toc-page` elements), by anchor. */
  setContentsPages(pages: Record<string, string>): Promise<void>;
  /** The document as it now stands, serialized (contents page numbers included). */
  html(): Promise<string>;
  /** Every heading (h1–h6) in document order, with the section anchor it belongs to, if any. */
  headings(): Promise<DocumentHeading[]>;
  /**
   * Where each table and the contents stand among the headings: [from, to], the index of the heading
   * they follow (for the contents its own heading, inside it; -1 for none) and of the next one after
   * them (the number of headings for none). The self-check reads only the pages these reach (check/pages.ts).
   */
  headingSpans(): Promise<[number, number][]>;
  /** Whether the page kept the fonts and style of the document before (see swap.ts). */
  readonly reused: boolean;
  /** URLs the page tried to load and was refused: always empty for vplan's own templates. */
  readonly blockedRequests: string[];
  /** What was wider than the page's text at the last print, and that width (CSS px): Chromium shrank every page or cut it off (check/overflow.ts). */
  readonly overflow: PageOverflow;
  close(): Promise<void>;
}

export interface DocumentHeading {
  anchor: string | null;
  text: string;
}

/** A page prepared once to print safely: scripts off, every request but data: refused and recorded. */
export interface PrintPage {
  page: Page;
  /** Requests refused while the current document was loaded. */
  blocked: string[];
  /** The start of the document the page shows, which the next one may keep (see swap.ts): its keptKey. */
  kept?: string | undefined;
  /** Documents put in while keeping the one before's fonts and style. */
  reuses?: number;
}

/**
 * Runs in the page: hides every element of the body, or shows them again. `visibility: hidden` changes
 * no element's box, and Chromium writes a link's destination for its target's place whether it is drawn
 * or not: a draft printed so has the pages and link destinations of the full print, at a fraction of the
 * cost of drawing it (test/print.draft.test.ts). A style sheet adopted by the document, not an element
 * in it: the DOM stays the document's own, and page.content() does not write it out.
 */
export function hideForDraft(hide: boolean): void {
  type Marked = CSSStyleSheet & { vplanDraft?: true };
  const others = document.adoptedStyleSheets.filter((sheet) => !(sheet as Marked).vplanDraft);
  if (!hide) {
    document.adoptedStyleSheets = others;
    return;
  }
  const sheet: Marked = new CSSStyleSheet();
  sheet.replaceSync('body * { visibility: hidden !important; }');
  sheet.vplanDraft = true;
  document.adoptedStyleSheets = [...others, sheet];
}

/** Browsers whose own first tab has been taken to print in. */
const firstTabTaken = new WeakSet<Browser>();

/**
 * A page of the browser: the blank tab it started with, the first time (its renderer started with the
 * browser, and a second one would cost a cold build a few tenths of a second), a new one after that.
 */
async function openPage(browser: Browser): Promise<Page> {
  if (!firstTabTaken.has(browser)) {
    firstTabTaken.add(browser);
    const [first] = await browser.pages();
    if (first && first.url() === 'about:blank') return first;
  }
  return browser.newPage();
}

export async function preparePage(browser: Browser): Promise<PrintPage> {
  const page = await openPage(browser);
  const prepared: PrintPage = { page, blocked: [] };
  try {
    // The document's own scripts never run; the contents pass talks to the page through the
    // DevTools protocol, which this setting does not affect.
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      const url = request.url();
      if (url.startsWith('data:')) {
        void request.continue();
      } else {
        prepared.blocked.push(url);
        void request.abort('blockedbyclient');
      }
    });
  } catch (error) {
    await page.close().catch(() => undefined);
    throw error;
  }
  return prepared;
}

/**
 * Loads HTML into a prepared page. `release` is called when the document is closed: with `true` when
 * the page is fit to print the next document (a pool keeps it warm), `false` after a failure.
 */
export async function loadDocument(
  target: Browser | PrintPage,
  html: string,
  release: (page: PrintPage, reusable: boolean) => Promise<void> = async (p) => {
    await p.page.close().catch(() => undefined);
  },
): Promise<LoadedDocument> {
  const prepared = 'page' in target ? target : await preparePage(target);
  const { page } = prepared;
  prepared.blocked = [];
  const kept = keptPart(html);
  const key = kept === undefined ? undefined : keptKey(kept);
  let reused = false;
  try {
    if (kept !== undefined && prepared.kept === key) {
      // The fonts and the style are loaded already: only the rest of the document is put in.
      reused = await replaceRest(page, html.slice(kept.length)).then(
        () => true,
        (error: unknown) => {
          trace(`the page could not keep its fonts and style (${String(error).split('\n')[0]}): loading the document afresh`);
          return false;
        },
      );
    }
    if (reused) prepared.reuses = (prepared.reuses ?? 0) + 1;
    else {
      prepared.kept = undefined;
      await page.setContent(html, { waitUntil: 'load', timeout: printTimeoutMs() });
      prepared.kept = key;
      // Every font face of the document loaded, also one that only the running headers use: text in
      // the page margins loads none itself, and with font-display: block it would print invisible.
      // (A page that keeps its fonts has them all loaded already.)
      await page.evaluate(() => Promise.all([...document.fonts].map((face) => face.load().catch(() => undefined))).then(() => undefined));
    }
  } catch (error) {
    await release(prepared, false);
    throw error;
  }
  let failed = false;
  let overflow: PageOverflow = { items: [], textWidth: 0 };
  const guard = async <T>(work: Promise<T>): Promise<T> => {
    try {
      return await work;
    } catch (error) {
      failed = true;
      throw error;
    }
  };
  return {
    reused,
    get blockedRequests() {
      return prepared.blocked;
    },
    get overflow() {
      return overflow;
    },
    print: ({ draft = false } = {}) =>
      guard(
        (async () => {
          // Only the soft hyphens that end a line stay: the others would print as spaces in the PDF's
          // text. A draft too, for its pages to be the final's: a word that fits its box loses its
          // soft hyphens and moves to the next line whole (see softHyphens.ts).
          const settled = await page.evaluate(settleSoftHyphens);
          overflow = { items: settled.overflow ?? [], textWidth: settled.textWidth };
          // A table longer than a page starts where it stands instead of on a new page (tallTables.ts).
          await page.evaluate(markTallTables, settled.textArea);
          const printing = () =>
            page.pdf({
              format: 'A4',
              printBackground: true,
              preferCSSPageSize: true,
              displayHeaderFooter: false,
              tagged: !draft,
              outline: !draft,
              timeout: printTimeoutMs(),
            });
          if (!draft) return printing();
          // A draft is read for where its link targets land, nothing else: with the body hidden (which
          // moves no box) it lays out the same pages and draws next to nothing. After a failed print
          // the page is not used again (guard), and the sheet is not taken out of a page that may hang.
          await page.evaluate(hideForDraft, true);
          const pdf = await printing();
          await page.evaluate(hideForDraft, false);
          return pdf;
        })(),
      ),
    setContentsPages: async (pages) => {
      await guard(
        page.evaluate((numbers: Record<string, string>) => {
          for (const element of document.querySelectorAll<HTMLElement>('[data-toc-page]')) {
            const value = numbers[element.dataset.tocPage ?? ''];
            if (value !== undefined) element.textContent = value;
          }
        }, pages),
      );
    },
    html: () => guard(page.content()),
    headings: () =>
      guard(
        page.evaluate(() =>
          [...document.querySelectorAll<HTMLElement>('h1, h2, h3, h4, h5, h6')].map((h) => ({
            anchor: h.dataset.anchor ?? null,
            // Without the soft hyphens the templates put in (bookmarks and checks want the words).
            text: (h.textContent ?? '').replace(/\u00ad/g, '').replace(/\s+/g, ' ').trim(),
          })),
        ),
      ),
    headingSpans: () => guard(page.evaluate(headingSpans)),
    close: () => release(prepared, !failed),
  };
}

/** Runs in the page: see LoadedDocument.headingSpans. */
export function headingSpans(): [number, number][] {
  const headings = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')];
  return [...document.querySelectorAll('table, nav.contents')].map((element) => {
    let before = -1;
    let inside: number | undefined;
    let after = headings.length;
    for (let i = 0; i < headings.length; i++) {
      const position = element.compareDocumentPosition(headings[i]!);
      if (position & Node.DOCUMENT_POSITION_CONTAINED_BY) inside ??= i;
      else if (position & Node.DOCUMENT_POSITION_PRECEDING) before = i;
      else if (position & Node.DOCUMENT_POSITION_FOLLOWING) {
        after = i;
        break;
      }
    }
    return [element.matches('nav.contents') ? (inside ?? before) : before, after];
  });
}
