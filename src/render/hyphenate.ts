// Soft hyphens (U+00AD) in Swedish words, so a long word in a table label, a heading, the title or the
// contents can break at a syllable. The browser has no Swedish hyphenation dictionary offline, so
// `hyphens: auto` does nothing; the patterns of the `hyphen` package (TeX's Swedish patterns) do the
// work at render time. A word with no break point left (a URL, a code) breaks anywhere through
// `overflow-wrap: anywhere` in the stylesheet.
import { projectRequire } from '../root.js';

export const SOFT_HYPHEN = '\u00ad';

type Hyphenator = (text: string, options?: { minWordLength?: number }) => string;

const require = projectRequire;
let hyphenator: Hyphenator | undefined;
const cache = new Map<string, string>();

/** Web addresses, mail addresses and paths keep their characters: a "-" at a break would change them. */
const VERBATIM = /[/@\\]|:\/\/|^www\./i;

/** A word shorter than this always fits, whatever the column. */
const MIN_WORD_LENGTH = 7;

function hyphenateWord(word: string): string {
  if (word.length < MIN_WORD_LENGTH || VERBATIM.test(word) || /\d/.test(word)) return word;
  let result = cache.get(word);
  if (result === undefined) {
    hyphenator ??= (require('hyphen/sv') as { hyphenateSync: Hyphenator }).hyphenateSync;
    result = hyphenator(word, { minWordLength: MIN_WORD_LENGTH });
    if (cache.size > 20_000) cache.clear();
    cache.set(word, result);
  }
  return result;
}

/** The text with soft hyphens at the syllable breaks of its longer words. Plain text in, plain text out. */
export function hyphenate(text: string): string {
  if (text.length < MIN_WORD_LENGTH) return text;
  return text.replace(/[^\s]+/g, hyphenateWord);
}

/** Removes the soft hyphens again (bookmarks, the document's properties, text checks). */
export function stripSoftHyphens(text: string): string {
  return text.replaceAll(SOFT_HYPHEN, '');
}
