// The front page of a Word plan: the förbund's name, the plan's title and subtitle, dnr and preface, read
// from Word's Title style (Rubrik), a first heading that names the plan and the text before the first
// heading. The Title style may hold the name, the title, or both on lines of their own (Shift+Enter).
import { dnrProblem } from '../archive/dnr.js';
import { linesOf, textOf, type Element } from './html.js';
import { block, type MarkdownContext } from './markdown.js';

export interface FrontPage {
  name: string | undefined;
  title: string | undefined;
  /** Whether the title is the text in Word's Title style (else a heading or paragraph that names the plan). */
  titleFromStyle: boolean;
  /** The förbund's name when Word's Title style held it (and so not the plan's title). */
  nameInTitleStyle: string | undefined;
  subtitle: string | undefined;
  dnr: string | undefined;
  /** The other text before the first heading, as Markdown paragraphs. */
  preface: string[];
  notes: string[];
}

/** A förbund's name: capitalised words around "Samordningsförbund(et)". */
const NAME = /((?:[A-ZÅÄÖ][\wåäöÅÄÖ-]*\s+)*[Ss]amordningsförbund(?:et)?(?:\s+[A-ZÅÄÖ][\wåäöÅÄÖ-]*)*)/;
/** Words that make a line a plan's title. */
const PLAN_WORDS = /verksamhetsplan|budget|\bplan\b/i;
/** Capitalised words up to one that ends in "förbund" or "förbundet" (not "förbundsstyrelsen"). */
const FORBUND_NAME = /^(?=\p{Lu})(?:\p{Lu}[\p{L}-]*\s+)*[\p{L}-]*(?:[Ff]örbund(?:et)?|FÖRBUND(?:ET)?)(?!\p{L})/u;

/**
 * Whether a line of the front page is the förbund's name: "Samordningsförbundet Finsam Exempel",
 * "Finsamförbundet i Exempel", "Finnvedens Samordningsförbund" – short, no sentence, no plan or year.
 */
function isAssociationName(line: string): boolean {
  return line.length <= 80 && FORBUND_NAME.test(line) && !/[.:;!?]/.test(line) && !PLAN_WORDS.test(line) && !/\b(?:19|20)\d\d\b/.test(line) && !/^förbundet$/i.test(line);
}

/**
 * A line under the title that goes on from it: "med plan 2027–2028", "samt budget 2026", "Budget och plan
 * 2027–2028", "Budget 2026 och plan 2027–2028" – short, one line.
 */
const SUBTITLE_WORDS = /^(?:(?:med|samt|och|inklusive|inkl\.)\s+(?:budget|plan|verksamhetsplan|flerårsplan|flerårsbudget|ekonomisk plan)\b|(?:budget|plan|flerårsplan)(?:\s+(?:19|20)\d\d(?:\s*[–-]\s*(?:19|20)?\d\d)?)?\s+(?:och|samt|med)\s+(?:budget|plan|flerårsplan)\b)/i;
const isSubtitleLine = (element: Element, text: string) => element.tag === 'p' && text.length <= 80 && linesOf(element).length === 1 && SUBTITLE_WORDS.test(text);

/** A title that says it is a plan (a verksamhetsplan, a budget), not some other line in a title's style. */
const namesPlan = (title: string | undefined): boolean => title !== undefined && PLAN_WORDS.test(title);

function sentenceCase(text: string): string {
  return text === text.toUpperCase() ? text.charAt(0) + text.slice(1).toLowerCase() : text;
}

const isHeading = (e: Element) => /^h[1-6]$/.test(e.tag);

/** Reads the front page out of the document's blocks; what is left in them starts at the first section. */
export function readFrontPage(blocks: Element[], context: MarkdownContext): FrontPage {
  const front: FrontPage = { name: undefined, title: undefined, titleFromStyle: false, nameInTitleStyle: undefined, subtitle: undefined, dnr: undefined, preface: [], notes: [] };
  // Title-style lines that name no plan (a motto): they stay on the front page if a better title turns up.
  let styled: Element | undefined;
  const setTitle = (text: string) => {
    if (styled) front.preface.push(block(styled, context));
    styled = undefined;
    front.title = text;
    front.titleFromStyle = false;
  };

  const titleStyle = blocks.findIndex((b) => b.attrs.class === 'title');
  if (titleStyle >= 0) {
    const element = blocks.splice(titleStyle, 1)[0]!;
    const rest: string[] = [];
    for (const line of linesOf(element)) {
      if (!front.name && isAssociationName(line)) front.name = front.nameInTitleStyle = line;
      else rest.push(line);
    }
    if (rest.length > 0) {
      front.title = rest.join(' ');
      front.titleFromStyle = true;
      const br: Element = { tag: 'br', attrs: {}, children: [] };
      if (!namesPlan(front.title)) styled = { tag: 'p', attrs: {}, children: rest.flatMap((line, i) => (i > 0 ? [br, line] : [line])) };
    }
  }
  const first = blocks.findIndex(isHeading);
  if (!namesPlan(front.title) && first >= 0 && /verksamhetsplan/i.test(textOf(blocks[first]!)) && blocks.slice(first + 1).some(isHeading)) {
    setTitle(textOf(blocks.splice(first, 1)[0]!));
  }

  const start = blocks.findIndex(isHeading);
  const preamble = start < 0 ? [] : blocks.splice(0, start);
  /** The preface as it was when the title was read: a subtitle by its words is one of the first lines after the title. */
  let prefaceAtTitle = front.title ? 0 : undefined;
  for (const element of preamble) {
    const text = textOf(element);
    if (!text) continue;
    if (!namesPlan(front.title) && element.tag === 'p' && /^(förslag till\s+)?verksamhetsplan\b/i.test(text) && text.length < 120) {
      setTitle(text.replace(/^förslag till\s+/i, ''));
      prefaceAtTitle = front.preface.length;
      continue;
    }
    if (!front.name && isAssociationName(text)) {
      front.name = text;
      continue;
    }
    const rightAfterTitle = prefaceAtTitle !== undefined && front.preface.length === prefaceAtTitle;
    if (!front.subtitle && (element.attrs.class === 'subtitle' || /^med budget\b/i.test(text) || (rightAfterTitle && isSubtitleLine(element, text)))) {
      front.subtitle = text;
      continue;
    }
    const d = /^\(?\s*dnr\.?:?\s*([^)]+?)\s*\)?$/i.exec(text);
    if (d && !front.dnr && !dnrProblem(d[1]!)) {
      front.dnr = d[1]!;
      continue;
    }
    const n = NAME.exec(text);
    if (n && !front.name && text.length <= n[1]!.length + 25) {
      front.name = n[1]!.trim();
      continue;
    }
    if (/^förslag( till)?$/i.test(text)) continue;
    const markdown = block(element, context);
    if (markdown) front.preface.push(markdown);
  }
  front.title = front.title ? sentenceCase(front.title.replace(/\s+/g, ' ').trim()) : undefined;
  if (front.title && front.titleFromStyle && !namesPlan(front.title)) {
    front.notes.push(`titeln "${front.title}" (formatmallen Rubrik) säger inte att det är en verksamhetsplan – kontrollera document.title i plan.yaml`);
  }
  if (!front.name && front.title) front.name = NAME.exec(front.title)?.[1]?.trim();
  return front;
}
