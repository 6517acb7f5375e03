// The words that changed in a reworded section, with the `diff` package's word diff: what a reader
// of the board papers wants to see, not only "omskrivet".
import { diffWords } from 'diff';

/** At most this many changed passages per section are listed; the rest are counted. */
const MAX_PASSAGES = 6;
/** A passage longer than this is shortened in the middle. */
const MAX_PASSAGE = 120;

const shorten = (s: string) => {
  const text = s.replace(/\s+/g, ' ').trim();
  return text.length > MAX_PASSAGE ? `${text.slice(0, MAX_PASSAGE / 2 - 1)} … ${text.slice(-MAX_PASSAGE / 2 + 2)}` : text;
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
