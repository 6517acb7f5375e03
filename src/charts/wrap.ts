// A chart's label in lines that fit a width. A line breaks at a space, or after a dash or slash
// between two letters or digits ("Värnamo–|Gislaved", "Utvärdering/|uppföljning"); a word is broken
// inside only when it cannot stand whole on a line of its own. Then at a syllable (Swedish patterns, as
// the tables' long words are: render/hyphenate.ts) with a hyphen, never leaving fewer than MIN_STUB
// letters on either side (no "ar-|betsmarknads…", no "…gemensam-|ma"), and fewer than GOOD_STUB only
// when nothing else fits. Of all the ways to break a label the one that costs least (see breakCost)
// wins: few lines, a break after a compound's joining s ("Arbetsmarknads-|insatser", not
// "…in-|satser"), lines as even as can be. A piece with no such break that still does not fit is
// shortened with "…": a word is never cut between two letters without a sign, and the chart's <title>
// (alt.ts) has every label whole.
import { hyphenate, SOFT_HYPHEN } from '../render/hyphenate.js';

/** Width of a line of text, in the chart's font and size. */
export type LineWidth = (line: string) => number;

/** The fewest letters a word broken at a syllable keeps on either side of the break; and the fewest without a cost. */
export const MIN_STUB = 3;
export const GOOD_STUB = 4;

export const ELLIPSIS = '…';

const DASH = '-‐–—/';
const LETTER = /\p{L}/gu;
/** A compound's joining s: a syllable ending in a consonant and s ("arbets", "marknads", "samverkans"). */
const JOINT = /[^\P{L}aeiouyåäöéüAEIOUYÅÄÖÉÜ]s$/u;

/** A piece of the text a line may end after, and whether a space goes before it. */
interface Segment {
  text: string;
  space: boolean;
}

/** The words, each split after a dash or slash between two letters or digits; a dash standing alone stays with the word before it. */
function segments(text: string): Segment[] {
  const out: Segment[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = out.at(-1);
    if (last && [...word].every((c) => DASH.includes(c))) {
      last.text += ` ${word}`;
      continue;
    }
    word.split(/(?<=[\p{L}\p{N}][-‐–—/])(?=[\p{L}\p{N}])/u).forEach((part, i) => out.push({ text: part, space: i === 0 }));
  }
  return out;
}

const letters = (text: string) => text.match(LETTER)?.length ?? 0;

/** Where a word may break inside: after a syllable, MIN_STUB letters or more on both sides (offsets into `word`). */
export function breakPoints(word: string): number[] {
  // The patterns leave a word with a slash as it is (a path, an address): here a slash only ends a word.
  const marked = hyphenate(word.replace(/\//g, ' '));
  const points: number[] = [];
  let at = 0;
  for (const char of marked) {
    if (char === SOFT_HYPHEN) points.push(at);
    else at += char.length;
  }
  return points.filter((p) => stub(word, p) >= MIN_STUB);
}

/** The fewer of the letters before a break in the word and after it. */
function stub(word: string, at: number): number {
  return Math.min(letters(word.slice(0, at)), letters(word.slice(at)));
}

/** The longest start of `text` that fits `max` with "…" after it. */
function shorten(text: string, max: number, width: LineWidth): string {
  const chars = [...text];
  let n = chars.length - 1;
  while (n > 0 && width(`${chars.slice(0, n).join('')}${ELLIPSIS}`) > max) n--;
  return `${chars.slice(0, n).join('').trimEnd()}${ELLIPSIS}`;
}

/** A piece of the label a line may end after, and what goes before it when it does not start a line. */
interface Atom {
  text: string;
  join: string;
  /** Inside a word: a line ending after it shows a hyphen. */
  hyphen: boolean;
  /** Inside a word, after a compound's joining s. */
  joint: boolean;
  /** Inside a word, fewer than GOOD_STUB letters before or after. */
  short: boolean;
}

/** The label's pieces: its segments, and a segment wider than a line at its syllables. */
function atoms(text: string, max: number, width: LineWidth): Atom[] {
  const out: Atom[] = [];
  for (const { text: segment, space } of segments(text)) {
    const join = space ? ' ' : '';
    if (width(segment) <= max) {
      out.push({ text: segment, join, hyphen: false, joint: false, short: false });
      continue;
    }
    const cuts = [0, ...breakPoints(segment), segment.length];
    for (let i = 1; i < cuts.length; i++) {
      const inside = i < cuts.length - 1;
      out.push({
        text: segment.slice(cuts[i - 1], cuts[i]),
        join: i === 1 ? join : '',
        hyphen: inside,
        joint: inside && JOINT.test(segment.slice(0, cuts[i])),
        short: inside && stub(segment, cuts[i]!) < GOOD_STUB,
      });
    }
  }
  return out;
}

/**
 * What a label's lines cost, in quarters of a line: each line 4; a word broken after a joining s 1
 * more, elsewhere 3, with fewer than GOOD_STUB letters on a side 6; a break after a dash or slash 1
 * (a space is the better break); a number put at the start of a line, away from its word
 * ("Budget | 2025"), 2.
 */
const LINE_COST = 4;
function breakCost(after: Atom, next: Atom): number {
  if (after.hyphen) return after.short ? 6 : after.joint ? 1 : 3;
  if (next.join === '') return 1;
  return /^\d/.test(next.text) ? 2 : 0;
}

/** A way to set the label: fewer shortened pieces first, then the lower cost, then fuller lines. */
interface Setting {
  lines: string[];
  shortened: number;
  cost: number;
  slack: number;
}

const better = (a: Setting, b: Setting) => a.shortened - b.shortened || a.cost - b.cost || a.slack - b.slack;

/**
 * The text in lines no wider than `max`: the best of all the ways to break it (see the top of this
 * file), the lines as even as can be among the equally good.
 */
export function wrapText(text: string, max: number, width: LineWidth): string[] {
  const parts = atoms(text, max, width);
  if (parts.length === 0) return [''];
  const best: (Setting | undefined)[] = [{ lines: [], shortened: 0, cost: 0, slack: 0 }];
  for (let end = 1; end <= parts.length; end++) {
    const last = end === parts.length;
    const after = parts[end - 1]!;
    const hyphen = !last && after.hyphen ? '-' : '';
    const cost = LINE_COST + (last ? 0 : breakCost(after, parts[end]!));
    let body = '';
    for (let start = end - 1; start >= 0; start--) {
      body = start === end - 1 ? parts[start]!.text : `${parts[start]!.text}${parts[start + 1]!.join}${body}`;
      let line = `${body}${hyphen}`;
      let shortened = 0;
      if (width(line) > max) {
        // A line only gets wider with more pieces; a single piece that does not fit is shortened.
        if (start < end - 1) break;
        line = shorten(body, max, width);
        shortened = 1;
      }
      const from = best[start]!;
      const setting: Setting = {
        lines: [...from.lines, line],
        shortened: from.shortened + shortened,
        cost: from.cost + cost,
        slack: from.slack + (max - width(line)) ** 2,
      };
      if (!best[end] || better(setting, best[end]!) < 0) best[end] = setting;
    }
  }
  return best[parts.length]!.lines;
}

/** The width a label needs to keep all its words whole: its widest word (a dash or slash may end a line). */
export function wordWidth(text: string, width: LineWidth): number {
  return Math.max(0, ...segments(text).map((s) => width(s.text)));
}
