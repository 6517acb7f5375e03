// A list item indented unlike the items above it (a budget row two spaces left of the rows before
// it): the YAML parser reports it, and each line after it in the same list, in its own terms ("en
// nyckel kan inte vara ett block"). This names the line, how far it is off and from which line, so
// that one message says what to move; its follow-on errors in the same block are then left out.
const indentOf = (line: string) => /^ */.exec(line)![0].length;
const isContent = (line: string) => line.trim() !== '' && !line.trimStart().startsWith('#');
const isItem = (line: string) => /^ *-( |$)/.test(line);

export interface Misindent {
  message: string;
  /** The first line after the block the item belongs to: errors before it follow from this one. */
  blockEnd: number;
}

/**
 * The list item on `line` (1-based in `text`, which starts on the file's line `firstLine`) when it does
 * not line up with the item above it in its list: the nearest item above whose own lines (all deeper
 * than it) run down to this one.
 */
export function misindented(text: string, line: number, firstLine = 1): Misindent | undefined {
  const lines = text.split(/\r?\n/);
  const current = lines[line - 1];
  if (current === undefined || !isItem(current)) return undefined;
  const indent = indentOf(current);
  // The least indentation of the lines between a candidate and this one.
  let between = Infinity;
  for (let k = line - 1; k >= 1; k--) {
    const above = lines[k - 1]!;
    if (!isContent(above)) continue;
    const at = indentOf(above);
    if (isItem(above) && at < between) {
      if (at === indent) return undefined;
      const steps = at - indent;
      const end = lines.findIndex((l, i) => i >= line && isContent(l) && indentOf(l) < Math.min(indent, at));
      const direction = steps > 0 ? 'vänster' : 'höger';
      // The file's own line number (a Markdown file's front matter starts on its line 2).
      const fileLine = k + firstLine - 1;
      return {
        message: `raden står ${Math.abs(steps)} steg längre till ${direction} än raden ovanför i samma lista (rad ${fileLine}); flytta den ${Math.abs(steps)} steg åt ${steps > 0 ? 'höger' : 'vänster'}, så att "-" står rakt under "-" på rad ${fileLine}`,
        blockEnd: end < 0 ? lines.length + 1 : end + 1,
      };
    }
    // A key less indented than both: the list's own key ("rows:"); no item above it is in this list.
    if (!isItem(above) && at < indent && at < between) return undefined;
    between = Math.min(between, at);
  }
  return undefined;
}
