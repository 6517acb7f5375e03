// A warm page keeps what two documents have in common: the head up to the end of its first stylesheet,
// where vplan's templates put the bundled fonts and the theme's style (most of a document's bytes, and
// a third of the time it takes to load). The next document whose HTML starts with exactly the same text
// is put in place of the last one's rest (title, metadata, running headers, body) without loading the
// fonts again: a rebuild in watch mode, or the next plan of a batch with the same theme and characters.
// Anything else is loaded afresh.
import { createHash } from 'node:crypto';
import type { Page } from 'puppeteer-core';

/**
 * The part of a document a warm page can keep: from the doctype to the end of the head's first
 * stylesheet. Undefined when the document has no such part (it is then always loaded afresh).
 */
export function keptPart(html: string): string | undefined {
  if (!/^<!DOCTYPE html>/i.test(html)) return undefined;
  const styleEnd = html.indexOf('</style>');
  const headEnd = html.indexOf('</head>');
  if (styleEnd < 0 || headEnd < 0 || styleEnd > headEnd) return undefined;
  return html.slice(0, styleEnd + '</style>'.length);
}

/** What a page remembers of its kept part: a digest, not the text (which would hold the whole document). */
export function keptKey(kept: string): string {
  return `${kept.length}:${createHash('sha256').update(kept).digest('base64')}`;
}

/**
 * Puts the rest of a document (everything after its kept part) in place of the page's: the head's
 * elements after its first stylesheet and the body. Resolves when the new body is laid out with its
 * fonts loaded and its images decoded, as a fresh load's `load` event would.
 */
export async function replaceRest(page: Page, rest: string): Promise<void> {
  await page.evaluate(async (text: string) => {
    // Parsed as a whole document, as the page's own parser would (a fragment parser treats <body> otherwise).
    const parsed = new DOMParser().parseFromString(`<!DOCTYPE html><html><head>${text}`, 'text/html');
    const kept = document.head.querySelector(':scope > style');
    if (!kept) throw new Error('the page has no stylesheet to keep');
    while (kept.nextSibling) kept.nextSibling.remove();
    document.head.append(...parsed.head.childNodes);
    document.documentElement.replaceChild(document.adoptNode(parsed.body), document.body);
    // Layout now, so that the fonts the new text needs start loading; then wait for them and the images.
    void document.body.offsetHeight;
    await document.fonts.ready;
    await Promise.all([...document.images].map((image) => image.decode().catch(() => undefined)));
  }, rest);
}
