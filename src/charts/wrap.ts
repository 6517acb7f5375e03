// A chart's label in lines that fit a width: words as they come; a word wider than the whole width is
// broken at a syllable (Swedish patterns, as the tables' long words are: render/hyphenate.ts) with a
// hyphen, or after a dash or slash it has; a syllable still too wide between two letters.
import { hyphenate, SOFT_HYPHEN } from '../render/hyphenate.js';

/** Width of a line of text, in the chart's font and size. */
export type LineWidth = (line: string) => number;

/** A piece of a word, and whether a line that ends after it needs a hyphen. */
interface Piece {
  text: string;
  hyphen: boolean;
}

/** A word's break points: its syllables, and after a dash or slash of its own. */
function pieces(word: string): Piece[] {
  const out: Piece[] = [];
  for (const syllable of hyphenate(word).split(SOFT_HYPHEN)) {
    const parts = syllable.split(/(?<=[-‐–—/])/u);
    parts.forEach((text, i) => out.push({ text, hyphen: i === parts.length - 1 }));
  }
  out[out.length - 1]!.hyphen = false;
  return out;
}

/** A piece too wide for a line of its own, broken between two characters, a hyphen at each break. */
function characters(piece: Piece, max: number, width: LineWidth): Piece[] {
  const out: Piece[] = [];
  let text = '';
  for (const char of piece.text) {
    if (text && width(`${text}${char}-`) > max) {
      out.push({ text, hyphen: true });
      text = '';
    }
    text += char;
  }
  out.push({ text, hyphen: piece.hyphen });
  return out;
}

/**
 * A word wider than `max` in lines of at most `max`, whole syllables where they fit, the first line
 * going on from `start` (the line before the word, and a space) as far as it can.
 */
function breakWord(word: string, start: string, max: number, width: LineWidth): string[] {
  const lines: string[] = [];
  let line = start;
  let hyphen = false;
  const fits = (piece: Piece) => width(`${line}${piece.text}${piece.hyphen ? '-' : ''}`) <= max;
  for (const piece of pieces(word).flatMap((p) => (width(`${p.text}-`) > max ? characters(p, max, width) : [p]))) {
    if (line.trim() && !fits(piece)) {
      lines.push(line === start ? start.trimEnd() : hyphen ? `${line}-` : line);
      line = '';
    }
    line += piece.text;
    hyphen = piece.hyphen;
  }
  lines.push(line);
  return lines;
}

/** The text in lines no wider than `max` (a line wider only for a character wider than `max`). */
export function wrapText(text: string, max: number, width: LineWidth): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines.at(-1);
    if (last !== undefined && width(`${last} ${word}`) <= max) lines[lines.length - 1] = `${last} ${word}`;
    else if (width(word) <= max) lines.push(word);
    else lines.push(...breakWord(word, last === undefined ? '' : `${lines.pop()!} `, max, width));
  }
  return lines.length > 0 ? lines : [''];
}
