// A text with ": " inside it, written without quotes in YAML (`- 35 % av deltagarna: arbete …`,
// `label: Insats: Hälsosam återgång`): YAML reads the part before the colon as a key. Found where a
// text was expected (an object of one key, written on one line) or where the parser refused a key in
// a key's value; the message says why and gives the line to write, with the text in quotes.
import { isMap, isScalar, type Document, type LineCounter } from 'yaml';
import type { JsonPath } from '../errors.js';

/** A text as written on its line, and what stands before it there (`- `, `label: `). */
export interface ColonText {
  prefix: string;
  text: string;
}

/** Why the text was not read as one, and the line to write instead. */
export function quoteAdvice({ prefix, text }: ColonText): string {
  return `ett kolon följt av mellanslag i en text gör att YAML läser det som står före kolonet som en nyckel; skriv texten inom citattecken: ${prefix}${JSON.stringify(text)}`;
}

/** A line's content up to a comment (` # …`), without trailing spaces. */
const withoutComment = (line: string) => line.replace(/\s+#.*$/, '').trimEnd();

/** A plain text (not quoted, not a block, a list or an object) with ": " inside or a ":" at its end. */
const isPlainWithColon = (text: string) => /^[^\s"'{[|>&*!%@`#]/.test(text) && /:( |$)/.test(text);

/**
 * At a parser error in the value of a key (`label: Insats: Hälsosam återgång`, the error at "Insats"),
 * the value as written and the key before it, when the value is a plain text with a colon in it.
 */
export function colonInValue(lines: string[], line: number, column: number): ColonText | undefined {
  const current = lines[line - 1];
  if (current === undefined) return undefined;
  const before = current.slice(0, column - 1);
  const text = withoutComment(current.slice(column - 1));
  if (!/^\s*(?:-\s+)*[^\s#'"{}[\]-][^#]*?:\s+$/.test(before) || !isPlainWithColon(text)) return undefined;
  return { prefix: before.trimStart(), text };
}

/**
 * The object at `path` when it is one key and its value written on one line without quotes
 * (`- 35 % av deltagarna: arbete …`): the line as written, from the key on, and what stands before it.
 */
export function colonPairAt(doc: Document, lineCounter: LineCounter, source: string, path: JsonPath): ColonText | undefined {
  const node = doc.getIn(path, true);
  if (!isMap(node) || node.flow || node.items.length !== 1) return undefined;
  const { key, value } = node.items[0]!;
  if (!isScalar(key) || key.type !== 'PLAIN' || !key.range) return undefined;
  if (value !== null && !(isScalar(value) && (value.value === null || value.type === 'PLAIN'))) return undefined;
  const end = isScalar(value) && value.range ? value.range[1] : key.range[1];
  if (source.slice(key.range[0], end).includes('\n')) return undefined;
  const { line, col } = lineCounter.linePos(key.range[0]);
  const lineStart = key.range[0] - (col - 1);
  const lineEnd = source.indexOf('\n', lineStart);
  const whole = source.slice(lineStart, lineEnd < 0 ? undefined : lineEnd).replace(/\r$/, '');
  const text = withoutComment(whole.slice(col - 1));
  return line > 0 && isPlainWithColon(text) ? { prefix: whole.slice(0, col - 1).trimStart(), text } : undefined;
}
