// A chart's label in lines that fit a width. A line breaks at a space, or after a dash or slash between
// two letters ("Värnamo–|Gislaved", "Utvärdering/|uppföljning"); a word is broken inside only when it
// cannot stand whole on a line of its own. Then at a syllable (Swedish patterns, as the tables' long
// words are: render/hyphenate.ts) with a hyphen, leaving at least MIN_BEFORE letters before the break
// and MIN_AFTER after it (no "ar-|betsmarknads…", no "…gemensam-|ma"), in as few lines as can be, and
// of those preferably after a compound's joining s ("Arbetsmarknads-|insatser", not "…in-|satser").
// A piece with no such break that still does not fit is shortened with "…": it is never cut between
// two letters without a sign, and the chart's <title> (alt.ts) has every label whole.
import { hyphenate, SOFT_HYPHEN } from '../render/hyphenate.js';

/** Width of a line of text, in the chart's font and size. */
export type LineWidth = (line: string) => number;

/** The fewest letters a word broken at a syllable keeps before the break, and after it. */
export const MIN_BEFORE = 3;
export const MIN_AFTER = 4;

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

/** The words, each split after a dash or slash between two letters; a dash standing alone stays with the word before it. */
function segments(text: string): Segment[] {
  const out: Segment[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = out.at(-1);
    if (last && [...word].every((c) => DASH.includes(c))) {
      last.text += ` ${word}`;
      continue;
    }
    word.split(/(?<=\p{L}[-‐–—/])(?=\p{L})/u).forEach((part, i) => out.push({ text: part, space: i === 0 }));
  }
  return out;
}

const letters = (text: string) => text.match(LETTER)?.length ?? 0;

/** Where a word may break inside: after a syllable, with enough letters on both sides (offsets into `word`). */
export function breakPoints(word: string): number[] {
  // The patterns leave a word with a slash as it is (a path, an address): here a slash only ends a word.
  const marked = hyphenate(word.replace(/\//g, ' '));
  const points: number[] = [];
  let at = 0;
  for (const char of marked) {
    if (char === SOFT_HYPHEN) points.push(at);
    else at += char.length;
  }
  return points.filter((p) => letters(word.slice(0, p)) >= MIN_BEFORE && letters(word.slice(p)) >= MIN_AFTER);
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
  /** Inside a word, and not after a joining s. */
  odd: boolean;
}

/** The label's pieces: its segments, and a segment wider than a line at its syllables. */
function atoms(text: string, max: number, width: LineWidth): Atom[] {
  const out: Atom[] = [];
  for (const { text: segment, space } of segments(text)) {
    const join = space ? ' ' : '';
    if (width(segment) <= max) {
      out.push({ text: segment, join, hyphen: false, odd: false });
      continue;
    }
    const cuts = [0, ...breakPoints(segment), segment.length];
    for (let i = 1; i < cuts.length; i++) {
      const piece = segment.slice(cuts[i - 1], cuts[i]);
      const inside = i < cuts.length - 1;
      out.push({ text: piece, join: i === 1 ? join : '', hyphen: inside, odd: inside && !JOINT.test(segment.slice(0, cuts[i])) });
    }
  }
  return out;
}

/** How good a way to set the label is: fewer shortened pieces, then fewer lines, then fewer breaks off a joint, then fuller lines. */
interface Setting {
  lines: string[];
  shortened: number;
  odd: number;
  slack: number;
}

const better = (a: Setting, b: Setting) =>
  a.shortened - b.shortened || a.lines.length - b.lines.length || a.odd - b.odd || a.slack - b.slack;

/** The text in lines no wider than `max`: the best of the ways to break it (see the top of this file). */
export function wrapText(text: string, max: number, width: LineWidth): string[] {
  const parts = atoms(text, max, width);
  if (parts.length === 0) return [''];
  const best: (Setting | undefined)[] = [{ lines: [], shortened: 0, odd: 0, slack: 0 }];
  for (let end = 1; end <= parts.length; end++) {
    const last = end === parts.length;
    const after = parts[end - 1]!;
    const hyphen = !last && after.hyphen ? '-' : '';
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
        odd: from.odd + (hyphen && after.odd && !shortened ? 1 : 0),
        slack: from.slack + (last ? 0 : (max - width(line)) ** 2),
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
