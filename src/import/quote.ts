// A quotation (Word's Quote and Intense Quote styles, which mammoth writes as <blockquote>): its source,
// if it has one, is split off to be vplan's source line ("> — Namn", a paragraph of its own). The source is
// the quotation's last line when it starts with a dash, after a manual line break (Shift+Enter) or as a
// paragraph of its own; or, as a guess to check, a short line after a break under a quotation that has
// ended ("…”", "…!", "….").

import { isElement, linesOf, type Element } from './html.js';

export interface SplitQuote {
  /** The quotation's paragraphs, each as its lines (Markdown), the source taken out. */
  paragraphs: string[][];
  /** The source's text without its dash ("Förbundets vision"), as Markdown. */
  source?: string;
  /** Whether the source is a guess (a line with no dash, or a sentence). */
  guessed?: boolean;
  /**
   * Whether the quotation, no source split off, starts its last paragraph with a dash ("– Vi samverkar,
   * säger hon."): vplan prints such a paragraph as the source.
   */
  startsWithDash?: boolean;
}

/** A dash that starts a source line: "–", "—", "-", "--", "−", after any emphasis markers. */
const DASH = /^(\**)\s*(?:--|[-–—−])\s*(?=\S)/;
const QUOTE_MARKS = '"”“’‘»«';
/** Short words with a full stop that end a source line, not a sentence: "ordf.", "red.", "m.fl.". */
const ABBREVIATION = /^(?:ordf|sekr|red|uppl|kap|resp|jfr|prop|dir|bet|avd|enl|tf|fd|vd)$/i;

/** A Markdown line as plain text: emphasis markers and escapes gone. */
const plain = (line: string): string => line.replace(/\\(.)/g, '$1').replace(/\*/g, '').trim();

/** Whether a line ends a sentence ("…, säger hon.", "Välkommen!"), which a source line does not. */
function endsSentence(text: string): boolean {
  const end = text.replace(new RegExp(`[${QUOTE_MARKS})]+$`), '');
  if (/[!?…]$/.test(end)) return true;
  const word = /(\S+)\.$/.exec(end)?.[1];
  // "ordf.", "m.fl.", "Andersson." (a name), "(2003:1210)." end a source; "samverkar." ends a sentence.
  return word !== undefined && /^\p{Ll}{3,}$/u.test(word) && !ABBREVIATION.test(word);
}

/** A line that starts with a dash: its text without the dash, and whether it reads as a source (short, no sentence). */
function dashSource(line: string): { source: string; likely: boolean } | undefined {
  const m = DASH.exec(line);
  if (!m) return undefined;
  const source = `${m[1]}${line.slice(m[0].length)}`;
  const text = plain(source);
  // "– Förbundets vision", "– Anna Andersson, ordf."; "– Vi samverkar." is a reply, part of the quotation.
  return { source, likely: text.length > 0 && text.length <= 100 && !endsSentence(text) };
}

/** A short line with no dash after a quotation that has ended: "Förbundets vision" under "”Plats för alla!”". */
function bareSource(line: string, before: string): boolean {
  const text = plain(line);
  const ended = new RegExp(`(?:[.!?…][${QUOTE_MARKS}]?|[${QUOTE_MARKS}])$`).test(plain(before));
  return ended && text.length <= 60 && /^[\p{Lu}\d]/u.test(text) && !/[,:;]$/.test(text) && !endsSentence(text);
}

/**
 * The source in a quotation's last paragraph (its lines), if one can be told: the lines left of the
 * paragraph (none when the source was the whole paragraph), the source and whether it is a guess.
 * `afterOthers`: whether other paragraphs (or a list) of the quotation come before it.
 */
export function lastParagraphSource(last: string[], afterOthers: boolean): { lines: string[]; source: string; guessed?: boolean } | undefined {
  if (last.length >= 2) {
    // "”Plats för alla!”" Shift+Enter "– Förbundets vision".
    const line = last.at(-1)!;
    const dashed = dashSource(line);
    if (dashed?.likely) return { lines: last.slice(0, -1), source: dashed.source };
    if (!dashed && bareSource(line, last.at(-2)!)) return { lines: last.slice(0, -1), source: line, guessed: true };
  } else if (afterOthers && last.length === 1) {
    // The source as a paragraph of its own in the quotation's style: "– Förbundets vision".
    const dashed = dashSource(last[0]!);
    if (dashed) return { lines: [], source: dashed.source, guessed: !dashed.likely };
  }
  return undefined;
}

/**
 * The quotation's paragraphs (each its lines, Markdown) with the source, if any, taken out of the last one.
 * A last paragraph of its own that starts with a dash is the source even when it reads as a sentence (vplan
 * prints such a paragraph as the source anyway), but then as a guess.
 */
export function splitQuote(paragraphs: string[][]): SplitQuote {
  const kept = paragraphs.filter((lines) => lines.length > 0);
  const last = kept.at(-1);
  if (!last) return { paragraphs: kept };
  const found = lastParagraphSource(last, kept.length >= 2);
  if (found) {
    const rest = found.lines.length > 0 ? [...kept.slice(0, -1), found.lines] : kept.slice(0, -1);
    return { paragraphs: rest, source: found.source, ...(found.guessed ? { guessed: true } : {}) };
  }
  // vplan reads a last paragraph that starts with an en or em dash or "--" as the source (a hyphen is text).
  return { paragraphs: kept, startsWithDash: /^(?:--|[–—])/.test(last[0]!) };
}

/** The source's plain text, for a note. */
export const sourceText = plain;

/** Marks a paragraph moved into the quotation above it by attachSourceLines. */
export const MOVED_SOURCE = 'data-vplan-moved-source';

/**
 * A source line written in another style right under a quotation ("– Förbundets vision" in Normal under a
 * Quote paragraph) is moved into it, as its last paragraph, so that it becomes the source: when it is one
 * short line with a dash that reads as a source, the quotation has no source of its own, and no other
 * dash line follows (a list of dash lines written by hand). Changes `blocks` in place.
 */
export function attachSourceLines(blocks: Element[]): void {
  for (let i = 0; i + 1 < blocks.length; i++) {
    const [quote, line, next] = [blocks[i]!, blocks[i + 1]!, blocks[i + 2]];
    if (quote.tag !== 'blockquote' || line.tag !== 'p') continue;
    const lines = linesOf(line);
    if (lines.length !== 1 || !dashSource(lines[0]!)?.likely) continue;
    if (next?.tag === 'p' && DASH.test(linesOf(next)[0] ?? '')) continue;
    const last = quote.children.filter(isElement).at(-1);
    if (last?.tag === 'p' && lastParagraphSource(linesOf(last), quote.children.filter(isElement).length > 1)) continue;
    quote.children.push({ ...line, attrs: { ...line.attrs, [MOVED_SOURCE]: '' } });
    blocks.splice(i + 1, 1);
  }
}
