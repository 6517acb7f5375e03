// HTML in a plan's texts ("<b>fet</b>", "<br>"): vplan renders no HTML from a plan (it prints such tags
// as the text they are, see render/markdown.ts), so a förbund that pastes HTML from a web page or an old
// document would find "<b>" in its PDF. A warning says so where it stands, with what to write instead.
import type { JsonPath, PlanIssue } from '../errors.js';
import type { PlanInput } from '../load/schema.js';
import { forEachString } from '../jsonPath.js';

/** Tags someone writing a plan might put in by hand or paste: not every word between < and >. */
const TAGS = new Set([
  'a', 'b', 'i', 'u', 's', 'em', 'strong', 'br', 'p', 'div', 'span', 'font', 'center', 'sup', 'sub', 'small', 'big',
  'ul', 'ol', 'li', 'table', 'tr', 'td', 'th', 'thead', 'tbody', 'img', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote',
]);
/** Tags that take attributes (<a href="…">); the others are only ever written bare (<b>, </b>, <br/>). */
const WITH_ATTRIBUTES = new Set(['a', 'p', 'div', 'span', 'font', 'img', 'table', 'tr', 'td', 'th', 'ol', 'ul', 'li', 'hr', 'br', 'center']);
const TAG = /<\/?([a-z][a-z0-9]*)(\s[^<>]*)?\/?>/gi;

/**
 * The first HTML tag in a text, outside `code`, if any. Not an address in brackets (<a.nilsson@kommun.se>,
 * <https://…>, which are links), nor words in brackets ("<i samverkan med …>").
 */
export function firstHtmlTag(text: string): string | undefined {
  const outsideCode = text.replace(/`[^`]*`/g, (code) => ' '.repeat(code.length));
  for (const match of outsideCode.matchAll(TAG)) {
    const name = match[1]!.toLowerCase();
    // "<br />": the slash that closes a tag is no attribute.
    const attributes = match[2]?.replace(/\/$/, '');
    if (!TAGS.has(name)) continue;
    if (attributes !== undefined && (!WITH_ATTRIBUTES.has(name) || !/=|^\s*$/.test(attributes))) continue;
    return text.slice(match.index, match.index + match[0].length);
  }
  return undefined;
}

/** A warning for each text of the plan's sections and preface with an HTML tag in it. */
export function rawHtmlWarnings(plan: PlanInput): PlanIssue[] {
  const out: PlanIssue[] = [];
  const scan = (text: string, path: JsonPath) => {
    const tag = firstHtmlTag(text);
    if (!tag) return;
    out.push({
      path,
      snippet: tag,
      message: `texten har HTML (${tag}), som skrivs ut som den står: vplan använder ingen HTML ur planen. Skriv Markdown i stället: **fet**, *kursiv*, en tom rad mellan stycken, - för en lista`,
    });
  };
  forEachString(plan.document.preface, ['document', 'preface'], scan);
  forEachString(plan.sections, ['sections'], scan);
  return out;
}
