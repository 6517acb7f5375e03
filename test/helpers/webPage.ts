// A web page (vplan build --web) opened in Chromium as a reader on a phone would, with every request
// refused, and checked with axe-core.
import type { Browser, Page } from 'puppeteer-core';

/** The page in a phone-sized window with every request refused: a self-contained page needs none. */
export async function openPage(browser: Browser, source: string): Promise<{ page: Page; requests: string[] }> {
  const page = await browser.newPage();
  const requests: string[] = [];
  await page.setViewport({ width: 360, height: 740 });
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (request.url().startsWith('data:')) return void request.continue();
    requests.push(request.url());
    void request.abort();
  });
  // The page's own policy refuses every script; axe is put in by the test, past it.
  await page.setBypassCSP(true);
  await page.setContent(source, { waitUntil: 'load' });
  return { page, requests };
}

export interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string[]; failureSummary: string }[];
}

/**
 * The best-practice rules on the page's outline too (axe tags them with no WCAG criterion): heading levels
 * that skip one, a page without an h1, an empty heading, a table header cell without a name. heading-order does not mind a second h1 after an
 * h2; the tests of the headings check that there is one h1.
 */
const OUTLINE_RULES = ['heading-order', 'page-has-heading-one', 'empty-heading', 'empty-table-header'];

/** axe-core's WCAG 2.1 A and AA rules on the page; each violation printed, so a failure says what to fix. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  const axe = (await import('axe-core')).default;
  await page.addScriptTag({ content: axe.source });
  const violations = (await page.evaluate(async (outlineRules: string[]) => {
    const result = await (window as unknown as { axe: typeof axe }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      rules: Object.fromEntries(outlineRules.map((id) => [id, { enabled: true }])),
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.map(String), failureSummary: n.failureSummary })),
    }));
  }, OUTLINE_RULES)) as AxeViolation[];
  if (violations.length > 0) console.log(`axe violations in ${await page.title()}:\n${JSON.stringify(violations, null, 2)}`);
  return violations;
}
