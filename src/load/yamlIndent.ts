// A line indented unlike the lines above it on its level (a budget row two spaces left of the rows
// before it, a key one space right of the keys above it): the YAML parser reports it, and often lines
// after it in the same block, in its own terms ("en nyckel kan inte vara ett block"). This names the
// line, how far it is off and from which line, so that one message says what to move; its follow-on
// errors in the same block are then left out.
import { outOfBlockText } from './yamlBlockText.js';

const indentOf = (line: string) => /^ */.exec(line)![0].length;
const isContent = (line: string) => line.trim() !== '' && !line.trimStart().startsWith('#');
const isItem = (line: string) => /^ *-( |$)/.test(line);
/** A map's key and what follows it on the line: `title: Vision`, `rows:`, `"a b": 1`. */
const KEY = /^(?:"[^"]*"|'[^']*'|[^\s#'"?:-][^#]*?):(?:[ \t]+(.*))?$/;
/** Where a line's key starts, for a key line or a list item that starts with a key (`- label: A`). */
function keyColumn(line: string): number | undefined {
  const item = /^( *-[ \t]+)(.*)$/.exec(line);
  const [column, rest] = item ? [item[1]!.length, item[2]!] : [indentOf(line), line.trimStart()];
  return KEY.test(rest) ? column : undefined;
}
/** A key with a text or number on its line (not a block text, `text: |`, whose lines may look like keys). */
const hasValue = (line: string) => {
  const value = KEY.exec(line.replace(/^ *-[ \t]+/, '').trimStart())?.[1];
  return value !== undefined && value !== '' && !/^[|>#]/.test(value);
};
/** The first line with content from `line` on (the parser may name the blank or comment line before it). */
function contentFrom(lines: string[], line: number): number {
  while (lines[line - 1] !== undefined && !isContent(lines[line - 1]!)) line++;
  return line;
}
/** A key whose value is the block below it (`rows:`), not a text or a number on its line (`title: A`, `text: |`). */
const opensBlock = (line: string) => {
  const value = KEY.exec(line.trimStart())?.[1];
  return value === undefined || value === '' || value.startsWith('#');
};

export interface Misindent {
  /** The line out of line (the parser may name the blank or comment line before it). */
  line: number;
  message: string;
  /** The first line after the block the line belongs to: errors before it follow from this one. */
  blockEnd: number;
}

/** A line above on the level the line should be on; `outer`, a shallower one when it stands between two levels. */
interface Level {
  line: number;
  column: number;
  outer?: { line: number; column: number } | undefined;
}

/**
 * The line `line` (1-based in `text`, which starts on the file's line `firstLine`; a blank or comment
 * line: the next line with content; `column` in a text after a key: the line below) when it does not line up with the lines above it on its level: a
 * list item with the item above it in its list, a key with the keys above it in its part.
 */
export function misindented(text: string, line: number, firstLine = 1, column = 1): Misindent | undefined {
  const lines = text.split(/\r?\n/);
  line = contentFrom(lines, line);
  // A key with a text on its line and a key indented under it: the parser names the text (as a key that
  // goes on over lines, at the text's column), the line out of line is the one below.
  const below = contentFrom(lines, line + 1);
  const inValue = lines[line - 1] !== undefined && column - 1 > indentOf(lines[line - 1]!) && hasValue(lines[line - 1]!);
  if (inValue && lines[below - 1] !== undefined && !isItem(lines[below - 1]!)) {
    if (indentOf(lines[below - 1]!) > indentOf(lines[line - 1]!) && keyColumn(lines[below - 1]!) !== undefined) line = below;
  }
  const current = lines[line - 1];
  if (current === undefined) return undefined;
  const outOfText = outOfBlockText(lines, line, firstLine);
  if (outOfText) return { ...outOfText, blockEnd: lines.length + 1 };
  const found = isItem(current) ? itemAbove(lines, line) : keyAbove(lines, line);
  if (!found) return undefined;
  const indent = indentOf(current);
  const end = lines.findIndex((l, i) => i >= line && isContent(l) && indentOf(l) < Math.min(indent, found.outer?.column ?? found.column));
  // The file's own line numbers (a Markdown file's front matter starts on its line 2).
  const fileLine = (n: number) => n + firstLine - 1;
  const steps = (level: { column: number }) => `${Math.abs(level.column - indent)} steg`;
  const side = (level: { column: number }, left: string, right: string) => (level.column > indent ? left : right);
  const under = (level: { line: number }) => `"${keyOf(lines[level.line - 1]!)}" på rad ${fileLine(level.line)}`;
  let message: string;
  if (isItem(current)) {
    message = `raden står ${steps(found)} längre till ${side(found, 'vänster', 'höger')} än raden ovanför i samma lista (rad ${fileLine(found.line)}); flytta den ${steps(found)} åt ${side(found, 'höger', 'vänster')}, så att "-" står rakt under "-" på rad ${fileLine(found.line)}`;
  } else if (found.outer) {
    message = `raden står mellan två nivåer: ${steps(found.outer)} till höger om ${under(found.outer)} och ${steps(found)} till vänster om ${under(found)}; flytta den så att den börjar rakt under den av dem den hör till`;
  } else {
    message = `raden står ${steps(found)} längre till ${side(found, 'vänster', 'höger')} än rad ${fileLine(found.line)} ovanför, som hör till samma del; flytta den ${steps(found)} åt ${side(found, 'höger', 'vänster')}, så att den börjar rakt under ${under(found)}`;
  }
  return { line, message, blockEnd: end < 0 ? lines.length + 1 : end + 1 };
}

const keyOf = (line: string) => /^[ -]*(.*?):(?:\s|$)/.exec(line)?.[1] ?? line.trim();

/** The nearest item above an item's line whose own lines (all deeper than it) run down to it, if out of line with it. */
function itemAbove(lines: string[], line: number): Level | undefined {
  const indent = indentOf(lines[line - 1]!);
  // The least indentation of the lines between a candidate and this one.
  let between = Infinity;
  for (let k = line - 1; k >= 1; k--) {
    const above = lines[k - 1]!;
    if (!isContent(above)) continue;
    const at = indentOf(above);
    if (isItem(above) && at < between) return at === indent ? undefined : { line: k, column: at };
    // A key less indented than both: the list's own key ("rows:"); no item above it is in this list.
    if (!isItem(above) && at < indent && at < between) return undefined;
    between = Math.min(between, at);
  }
  return undefined;
}

/**
 * For a key's line: the line above it on its level when the key does not start in its column. That is
 * the key with a text or number the line was indented under, the first key of the list item it is in, or,
 * when the line stands left of the keys of the part above it and right of the part's own key, both.
 */
function keyAbove(lines: string[], line: number): Level | undefined {
  const indent = indentOf(lines[line - 1]!);
  if (keyColumn(lines[line - 1]!) !== indent) return undefined;
  // The least indentation of the lines between, and the nearest line at it: the key's level as the lines above have it.
  let between = Infinity;
  let sibling = 0;
  for (let k = line - 1; k >= 1; k--) {
    const above = lines[k - 1]!;
    if (!isContent(above)) continue;
    const at = indentOf(above);
    if (at >= between) continue;
    const key = keyColumn(above);
    // In line with a key above on its level, or a key next to a list it belongs to: not out of line.
    if (at === indent || key === indent) return undefined;
    if (at > indent) {
      between = at;
      sibling = k;
      continue;
    }
    // A list item this line is inside of: in line with the item's own keys (those between, else its first).
    if (isItem(above)) {
      if (between !== Infinity) return { line: sibling, column: between };
      return key === undefined ? undefined : { line: k, column: key };
    }
    // A key with its value on its line, that this line was indented under.
    if (!opensBlock(above)) return { line: k, column: at };
    // A part's own key: its first key below it (none: this line is that key), and the part's own level.
    return between === Infinity ? undefined : { line: sibling, column: between, outer: { line: k, column: at } };
  }
  return undefined;
}
