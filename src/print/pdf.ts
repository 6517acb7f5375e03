// Print stage: one HTML document to PDF bytes in a page that runs no script and loads nothing from
// outside: every request except the document's own inlined (data:) assets is refused and recorded.
import type { Browser } from 'puppeteer-core';

export interface PrintResult {
  pdf: Uint8Array;
  /** URLs the page tried to load and was refused: always empty for vplan's own templates. */
  blockedRequests: string[];
}

export interface PrintOptions {
  title?: string;
}

export async function printPdf(browser: Browser, html: string, _options: PrintOptions = {}): Promise<PrintResult> {
  const blockedRequests: string[] = [];
  const page = await browser.newPage();
  try {
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      const url = request.url();
      if (url.startsWith('data:')) {
        void request.continue();
      } else {
        blockedRequests.push(url);
        void request.abort('blockedbyclient');
      }
    });
    await page.setContent(html, { waitUntil: 'load', timeout: 60_000 });
    const pdf = await page.pdf({
      format: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
      displayHeaderFooter: false,
      tagged: true,
      outline: true,
      timeout: 120_000,
    });
    return { pdf, blockedRequests };
  } finally {
    await page.close().catch(() => undefined);
  }
}
