// A line of a block text (`text: |` and the lines under it) written less indented than the text's other
// lines: YAML ends the text there and reads the line as a key or a value of its own, and the parser's
// messages ("fel indrag", "ett tecken saknas") say nothing of the text. This names the text the line
// belongs to and how far to move it.
const indentOf = (line: string) => /^ */.exec(line)![0].length;
const isContent = (line: string) => line.trim() !== '';
/** A key that starts a block text: `text: |`, `textAfter: >-`, `- text: |2`. */
const BLOCK_HEADER = /^( *)(?:- +)?[^\s#:][^#:]*:\s*[|>][-+0-9]*\s*(#.*)?$/;
/** A line YAML reads as a key of its own (`title: …`) or a list item: not a stray line of text. */
const isKeyOrItem = (line: string) => /^ *-( |$)/.test(line) || /^ *(?:"[^"]*"|'[^']*'|[^\s#'"?:-][^#]*?):(\s|$)/.test(line);

export interface OutOfText {
  line: number;
  message: string;
}

/**
 * The line `line` (1-based) when the lines above it are a block text's and it stands left of them,
 * further right than the text's key (it is a line of the text moved left), or not a key or list item at
 * all (a line of text that fell out of it).
 */
export function outOfBlockText(lines: string[], line: number, firstLine = 1): OutOfText | undefined {
  const current = lines[line - 1];
  if (current === undefined || !isContent(current)) return undefined;
  const indent = indentOf(current);
  // The text's own indentation: its first line's; the header is the nearest line above less indented than that.
  let textIndent: number | undefined;
  let textLine = 0;
  for (let k = line - 1; k >= 1; k--) {
    const above = lines[k - 1]!;
    if (!isContent(above)) continue;
    const at = indentOf(above);
    const header = BLOCK_HEADER.exec(above);
    if (header && textIndent !== undefined && at < textIndent) {
      const keyIndent = at;
      if (indent >= textIndent || (indent <= keyIndent && isKeyOrItem(current))) return undefined;
      const fileLine = (n: number) => n + firstLine - 1;
      const steps = textIndent - indent;
      return {
        line,
        message: `raden hör till texten under "${above.trim().replace(/\s*#.*$/, '').replace(/^- +/, '')}" på rad ${fileLine(k)} men står ${steps} steg längre till vänster än textens rader; flytta den ${steps} steg åt höger, så att den börjar rakt under texten på rad ${fileLine(textLine)}`,
      };
    }
    if (textIndent === undefined || at < textIndent) {
      if (at <= indent) return undefined; // a line at or left of this one that starts no text: no text above
      textIndent = at;
      textLine = k;
    }
  }
  return undefined;
}
