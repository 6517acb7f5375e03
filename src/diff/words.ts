// The words that changed in a reworded section, with the `diff` package's word diff: what a reader
// of the board papers wants to see, not only "omskrivet".
import { diffWords } from 'diff';

/** At most this many changed passages per section are listed; the rest are counted. */
const MAX_PASSAGES = 6;
/** A passage longer than this is shortened in the middle. */
const MAX_PASSAGE = 120;

const shorten = (s: string) => {
  const text = s.replace(/\s+/g, ' ').trim();
  if (text.length <= MAX_PASSAGE) return text;
  // Cut between words where there are any near the cut, so that no word is shown in part.
  const head = text.slice(0, MAX_PASSAGE / 2 - 1);
  const tail = text.slice(-MAX_PASSAGE / 2 + 2);
  const headEnd = head.lastIndexOf(' ');
  const tailStart = tail.indexOf(' ');
  const words = (part: string, cut: string) => (cut.length >= part.length / 2 ? cut : part).trim();
  return `${words(head, headEnd > 0 ? head.slice(0, headEnd) : head)} … ${words(tail, tailStart >= 0 ? tail.slice(tailStart + 1) : tail)}`;
};

/**
 * A number's digit groups ("1 025 200", with the no-break spaces vplan prints) as one word while the
 * words are compared, so that a changed amount shows as "1 025 200 → 1 015 200", not "025 → 015".
 */
const GROUP_SPACE = /(?<=\d)[ \u00a0\u202f](?=\d{3}(?!\d))/g;
const JOINED = /(?<=\d)_(?=\d{3}(?!\d))/g;
const joinGroups = (text: string) => text.replace(GROUP_SPACE, '_');
const splitGroups = (text: string) => text.replace(JOINED, '\u00a0');

export function changedWords(before: string, after: string): { removed: string[]; added: string[] } {
  const removed: string[] = [];
  const added: string[] = [];
  for (const part of diffWords(joinGroups(before), joinGroups(after))) {
    const text = shorten(splitGroups(part.value));
    if (!text) continue;
    if (part.removed && removed.length < MAX_PASSAGES) removed.push(text);
    if (part.added && added.length < MAX_PASSAGES) added.push(text);
  }
  return { removed, added };
}

/**
 * A number as prose prints it: its digit groups (with any of the spaces vplan prints; a group follows
 * one to three digits, so "2025 150" is a year and a count, not one number) and decimals ("5,8", "3.4").
 */
const AMOUNT = String.raw`(?:\d{1,3}(?:[ \u00a0\u202f]\d{3}(?!\d))+|\d+)(?:[.,]\d+)?`;
/**
 * A figure in a text: a date (2024-11-28), a number with its minus sign ("−396 700", not the hyphen in
 * "COVID-19"), or a span of two ("2026–2027").
 */
const FIGURE = new RegExp(String.raw`\d{4}-\d\d-\d\d(?!\d)|(?:(?<![\p{L}\d])[−-])?${AMOUNT}(?:[–-]${AMOUNT})?`, 'gu');
/** The word after a figure that says what it counts, shown with it: "5,8 miljoner", "100 tkr", "50 %". */
const UNIT = /^[ \u00a0\u202f]+(kr|kronor|tkr|mkr|miljon|miljoner|miljard|miljarder|procent|%)(?![\p{L}\d])/u;

/** A text's figures as shown ("5,8 miljoner"), and the text with each figure as one mark. */
function figuresOf(text: string): { figures: string[]; shown: string[]; rest: string } {
  const figures: string[] = [];
  const shown: string[] = [];
  const rest = text.replace(FIGURE, (figure, offset: number) => {
    const value = figure.replace(/[ \u202f]/g, '\u00a0');
    const unit = UNIT.exec(text.slice(offset + figure.length))?.[1];
    figures.push(value);
    shown.push(unit ? `${value} ${unit}` : value);
    return '\u0000';
  });
  return { figures, shown, rest };
}

/**
 * The figures that changed in a text whose words are otherwise the same (a year moved on, an amount
 * a placeholder gives anew), each old → new and each pair once; undefined where its words changed too
 * (it is rewritten) or no figure did.
 */
export function changedFigures(before: string, after: string): { figures: { before: string; after: string }[]; more: number } | undefined {
  const a = figuresOf(before);
  const b = figuresOf(after);
  if (a.rest.replace(/\s+/g, ' ') !== b.rest.replace(/\s+/g, ' ') || a.figures.length !== b.figures.length) return undefined;
  const pairs = new Map<string, { before: string; after: string }>();
  a.figures.forEach((figure, i) => {
    if (figure === b.figures[i]) return;
    const pair = { before: a.shown[i]!, after: b.shown[i]! };
    pairs.set(`${pair.before}\u0000${pair.after}`, pair);
  });
  if (pairs.size === 0) return undefined;
  const figures = [...pairs.values()];
  return { figures: figures.slice(0, MAX_PASSAGES), more: Math.max(0, figures.length - MAX_PASSAGES) };
}
