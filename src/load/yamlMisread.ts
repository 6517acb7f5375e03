// What YAML reads otherwise than a new writer meant, with the line to write instead:
// - a text with ": " inside, written without quotes (`- 35 % av deltagarna: arbete …`,
//   `label: Insats: Hälsosam återgång`): YAML reads the part before the colon as a key;
// - a "-" alone for an empty cell (`values: [100, -, 200]`, `- -`): YAML reads it as a list's start.
// Found where the parser refused the line, or where the schema got something else than it wanted
// (an object where a text belongs, a list where an amount belongs) and the YAML shows how it was written.
import { isMap, isScalar, isSeq, type Document, type LineCounter } from 'yaml';
import type { JsonPath } from '../errors.js';

/** A text as written on its line, and what stands before it there (`- `, `label: `). */
export interface ColonText {
  prefix: string;
  text: string;
}

/** How a value the schema refused was written, when YAML read it otherwise than meant. */
export type Misread = ({ kind: 'colon' } & ColonText) | { kind: 'dash' };

/** Why the text was not read as one, and the line to write instead. */
export function quoteAdvice({ prefix, text }: ColonText): string {
  return `ett kolon följt av mellanslag i en text gör att YAML läser det som står före kolonet som en nyckel; skriv texten inom citattecken: ${prefix}${JSON.stringify(text)}`;
}

/** Why a "-" is no empty cell, and what to write (the line, when it is known). */
export function dashAdvice(example: string): string {
  return `ett ensamt "-" är ingen tom cell (YAML läser det som början på en lista); skriv null för en tom cell: ${example}`;
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

/** A "-" alone as an item or a value: after the start of a line's value or a "," and before a ",", a "]", a "}" or the line's end. */
const LONE_DASH = /(^|[[{,:]\s*)-(?=\s*(?:[,\]}]|\s#|$))/g;

/**
 * At a parser error at a "-" alone among a row's values (`values: [100, -, 200]`, or `budget2025: -`
 * under `values:`): the line to write with null for it, and how many characters the dash and its
 * spaces take (the parser's further errors there follow from it).
 */
export function dashInValues(lines: string[], line: number, column: number): { example: string; width: number } | undefined {
  const current = lines[line - 1];
  if (current === undefined || current[column - 1] !== '-') return undefined;
  const lone = [...current.matchAll(LONE_DASH)].some((m) => m.index + m[1]!.length === column - 1);
  if (!lone) return undefined;
  const flow = /^\s*(?:-\s+)?values:\s*[[{]/.test(current);
  if (!flow && !(/^\s*[\w$-]+:\s*-/.test(current) && isUnderValues(lines, line))) return undefined;
  const example = withoutComment(current).trimStart().replace(LONE_DASH, '$1null');
  return { example, width: /^-\s*/.exec(current.slice(column - 1))![0].length };
}

/** The key of the block a line stands in is `values:` (the line is one column's amount). */
function isUnderValues(lines: string[], line: number): boolean {
  const indent = /^\s*/.exec(lines[line - 1]!)![0].length;
  for (let k = line - 1; k >= 1; k--) {
    const above = lines[k - 1]!;
    if (above.trim() === '' || above.trimStart().startsWith('#')) continue;
    // Where the line's key starts (after a list item's "- ").
    if (/^\s*(?:-\s+)?/.exec(above)![0].length < indent) return /^\s*(?:-\s+)?values:\s*(?:#.*)?$/.test(above);
  }
  return false;
}

/** How the value at `path` was written, when YAML read it otherwise than its writer meant. */
export function misreadAt(doc: Document, lineCounter: LineCounter, source: string, path: JsonPath): Misread | undefined {
  const node = doc.getIn(path, true);
  if (isSeq(node) && !node.flow && node.items.length === 1 && node.range) {
    // `- -`: a list in the list, of one empty item.
    const item = node.items[0];
    const empty = item === null || (isScalar(item) && item.value === null && (!item.range || item.range[0] === item.range[1]));
    const lineEnd = source.indexOf('\n', node.range[0]);
    const rest = source.slice(node.range[0], lineEnd < 0 ? undefined : lineEnd);
    return empty && /^-[ \t]*(?:#.*)?\r?$/.test(rest) ? { kind: 'dash' } : undefined;
  }
  if (!isMap(node) || node.flow || node.items.length !== 1) return undefined;
  const { key, value } = node.items[0]!;
  if (!isScalar(key) || key.type !== 'PLAIN' || !key.range) return undefined;
  if (value !== null && !(isScalar(value) && (value.value === null || value.type === 'PLAIN'))) return undefined;
  const end = isScalar(value) && value.range ? value.range[1] : key.range[1];
  if (source.slice(key.range[0], end).includes('\n')) return undefined;
  const { col } = lineCounter.linePos(key.range[0]);
  const lineStart = key.range[0] - (col - 1);
  const lineEnd = source.indexOf('\n', lineStart);
  const whole = source.slice(lineStart, lineEnd < 0 ? undefined : lineEnd).replace(/\r$/, '');
  const text = withoutComment(whole.slice(col - 1));
  return isPlainWithColon(text) ? { kind: 'colon', prefix: whole.slice(0, col - 1).trimStart(), text } : undefined;
}
