// A list or map written within brackets that is never closed (`- { role: styrelse, text: "…"` without
// its `}`): YAML reads the lines after it as part of it and the parser reports them, in its own terms
// ("fel indrag", "en nyckel kan inte vara ett block"). This names the bracket that is left open instead.

const CLOSER: Record<string, string> = { '{': '}', '[': ']' };

/**
 * Whether a bracket at `i` starts a value (after `key: ` or `- `), where YAML reads it as one; at the start
 * of a line of its own it goes on a text from the line above.
 */
const startsValue = (line: string, i: number) => /(:|^\s*-)\s*$/.test(line.slice(0, i));

/** The brackets left open at the end of a line (outside quotes and comments), with their columns, from `open`. */
function openAfter(line: string, open: { char: string; column: number }[]): { char: string; column: number }[] {
  const stack = [...open];
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(line[i - 1]!))) break;
    else if ((c === '{' || c === '[') && (stack.length > 0 || startsValue(line, i))) stack.push({ char: c, column: i + 1 });
    else if ((c === '}' || c === ']') && stack.length > 0 && CLOSER[stack.at(-1)!.char] === c) stack.pop();
  }
  return stack;
}

/**
 * The bracket still open at `errorLine` (1-based), opened on an earlier line or on that one: where it
 * stands and the message. None when every bracket before the error is closed.
 */
export function unclosedBracket(lines: string[], errorLine: number): { line: number; column: number; message: string } | undefined {
  let open: { char: string; column: number; line: number }[] = [];
  // A block text's lines (under `text: |`, deeper than its key) are text, brackets and all.
  let blockIndent: number | undefined;
  for (let n = 1; n <= errorLine && n <= lines.length; n++) {
    const indent = /^ */.exec(lines[n - 1]!)![0].length;
    if (blockIndent !== undefined && (lines[n - 1]!.trim() === '' || indent > blockIndent)) continue;
    blockIndent = open.length === 0 && /(:|^\s*-)\s*[|>][-+0-9]*\s*(#.*)?$/.test(lines[n - 1]!) ? indent : undefined;
    const before = open.length;
    const after = openAfter(lines[n - 1]!, open);
    open = after.map((b, i) => (i < before ? open[i]! : { ...b, line: n }));
  }
  const first = open[0];
  if (!first) return undefined;
  const closer = CLOSER[first.char]!;
  return {
    line: first.line,
    column: first.column,
    message: `"${first.char}" här stängs aldrig med "${closer}"; skriv "${closer}" efter det sista som hör till ${first.char} … ${closer}, eller skriv delarna på egna rader utan klamrar`,
  };
}
