// The node ids in one printed object's bytes, found without building pdf-lib objects for it: a structure
// element's /ID and the ids a table cell's /Headers names (normalize.ts says why they are renumbered).
// A plan of 190 pages has some 6 000 objects that hold them; pdf-lib parsing them all took a third to
// half of its finishing time, this scan a few milliseconds. It reads the PDF object syntax exactly as
// far as it must to tell keys from values, strings from the rest: dictionaries, arrays, names,
// literal strings (nested parentheses and escapes), hexadecimal strings, numbers, references and
// keywords. It stops where a stream's data would begin. Anything it does not expect makes it give up
// (undefined), and the object is parsed by pdf-lib instead.

import { isSpace } from './xref.js';

/** A node id as it stands in the bytes: its number, whose it is, and where its string's text is. */
export interface FoundId {
  number: number;
  /** The element's own /ID, as opposed to a cell's reference to it (/Headers). */
  own: boolean;
  /** Offset and length of the text between the string's parentheses. */
  at: number;
  length: number;
}

const NODE_ID = /^node(\d+)$/;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)$/;
const INTEGER = /^\d+$/;
/** ( ) < > [ ] { } / % */
const isDelimiter = (c: number | undefined) =>
  c === 0x28 || c === 0x29 || c === 0x3c || c === 0x3e || c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d || c === 0x2f || c === 0x25;
const isRegular = (c: number | undefined) => c !== undefined && !isSpace(c) && !isDelimiter(c);
const isDigit = (c: number | undefined) => c !== undefined && c >= 0x30 && c <= 0x39;

class GiveUp extends Error {}

export function findNodeIds(bytes: Uint8Array): FoundId[] | undefined {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const found: FoundId[] = [];
  let at = 0;
  const fail = (): never => {
    throw new GiveUp();
  };
  const skipSpace = () => {
    for (;;) {
      while (isSpace(bytes[at])) at++;
      if (bytes[at] !== 0x25) return;
      while (at < bytes.length && bytes[at] !== 0x0a && bytes[at] !== 0x0d) at++;
    }
  };
  /** A run of regular characters (a name's, a number's, a keyword's) from here, as text. */
  const regularRun = () => {
    const start = at;
    while (isRegular(bytes[at])) at++;
    if (at === start) fail();
    return text.toString('latin1', start, at);
  };
  /** A literal string from its "(": the text's offset and length. */
  const literal = () => {
    const begin = ++at;
    let depth = 1;
    while (depth > 0) {
      const c = bytes[at++];
      if (c === undefined) fail();
      else if (c === 0x5c) at++;
      else if (c === 0x28) depth++;
      else if (c === 0x29) depth--;
    }
    return { at: begin, length: at - 1 - begin };
  };
  /** A number, or a reference `n g R` (both numbers read, and the R). */
  const numberOrRef = () => {
    const first = regularRun();
    // pdf-lib cannot read a number too large for a double: the object is left to it (and stays unread).
    if (!NUMBER.test(first) || !Number.isFinite(Number(first))) fail();
    const back = at;
    skipSpace();
    if (INTEGER.test(first) && isDigit(bytes[at])) {
      const generation = regularRun();
      skipSpace();
      if (INTEGER.test(generation) && bytes[at] === 0x52 && !isRegular(bytes[at + 1])) {
        at++;
        return;
      }
    }
    at = back;
  };
  /**
   * One value. `key`: the dictionary key it is the value of; `header`: an element of a /Headers array;
   * `walk`: whether ids in dictionaries inside it count (not inside a /Headers array: normalize.ts's
   * collect() does not look there either).
   */
  const value = (key: string | undefined, header: boolean, walk: boolean): void => {
    skipSpace();
    const c = bytes[at];
    if (c === 0x3c && bytes[at + 1] === 0x3c) {
      at += 2;
      const keys = new Set<string>();
      for (;;) {
        skipSpace();
        if (bytes[at] === 0x3e && bytes[at + 1] === 0x3e) return void (at += 2);
        if (bytes[at] !== 0x2f) fail();
        at++;
        const name = isRegular(bytes[at]) ? regularRun() : '';
        // A name with #-escapes is compared decoded by pdf-lib, and of a key given twice pdf-lib keeps
        // the last value: both left to it.
        if (name.includes('#') || keys.has(name)) fail();
        keys.add(name);
        value(walk ? name : undefined, false, walk);
      }
    } else if (c === 0x3c) {
      const end = bytes.indexOf(0x3e, at);
      if (end < 0) fail();
      at = end + 1;
    } else if (c === 0x28) {
      const string = literal();
      if (key === 'ID' || key === 'Headers' || header) {
        const match = NODE_ID.exec(text.toString('latin1', string.at, string.at + string.length));
        if (match) found.push({ number: Number(match[1]), own: key === 'ID', ...string });
      }
    } else if (c === 0x5b) {
      at++;
      const headers = key === 'Headers';
      for (;;) {
        skipSpace();
        if (bytes[at] === 0x5d) return void at++;
        if (bytes[at] === undefined) fail();
        value(undefined, headers, walk && !headers);
      }
    } else if (c === 0x2f) {
      at++;
      if (isRegular(bytes[at])) regularRun();
    } else if (isDigit(c) || c === 0x2b || c === 0x2d || c === 0x2e) numberOrRef();
    else if (!['true', 'false', 'null'].includes(regularRun())) fail();
  };
  try {
    skipSpace();
    const dictionary = bytes[at] === 0x3c && bytes[at + 1] === 0x3c;
    value(undefined, false, true);
    skipSpace();
    // A stream's dictionary holds no ids that count (collect() skips streams), and its data is not read.
    if (at < bytes.length) return dictionary && regularRun() === 'stream' ? [] : undefined;
  } catch (error) {
    if (error instanceof GiveUp || error instanceof RangeError) return undefined;
    throw error;
  }
  return found;
}
