// Reads YAML text (a plan.yaml, or a Markdown file's front matter) with the `yaml` package: values as
// YAML 1.2 reads them (dates and "ja"/"nej" stay text), errors in Swedish with line and column, and a
// lookup of a JSON path's position for later messages.
import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument, visit, type Document, type Node as YamlNode, type YAMLError } from 'yaml';
import type { JsonPath, PlanIssue } from '../errors.js';
import { toNfc } from './json.js';
import { misindented } from './yamlIndent.js';
import { unclosedBracket } from './yamlFlow.js';
import { thousandsInYaml } from './thousands.js';
import { colonInValue, dashAdvice, dashInValues, misreadAt, quoteAdvice, type Misread } from './yamlMisread.js';

export interface Position {
  line: number;
  column: number;
}

export interface ParsedYaml {
  value: unknown;
  /** Where `path` is; with a snippet of a text there (a {{ placeholder }}), the line it stands on. */
  locate(path: JsonPath, snippet?: string): Position | undefined;
  /** What the text shows was meant otherwise than it reads (an amount with thousands separators in a list). */
  textIssues: PlanIssue[];
  /** How the value at `path` was written, when YAML read it otherwise than meant (`- a: b` for a text, `- -` for an empty cell). */
  misread(path: JsonPath): Misread | undefined;
}

const MESSAGES: Record<string, string> = {
  BAD_INDENT: 'fel indrag: raderna på samma nivå ska börja i samma kolumn',
  TAB_AS_INDENT: 'indrag med tabb; använd mellanslag',
  DUPLICATE_KEY: 'nyckeln står två gånger i samma del',
  MISSING_CHAR: 'ett tecken saknas (kanske ett kolon efter nyckeln, eller ett avslutande citattecken?)',
  MULTILINE_IMPLICIT_KEY: 'en nyckel kan inte gå över flera rader (saknas ett kolon, eller ska texten stå efter "text: |"?)',
  BLOCK_AS_IMPLICIT_KEY: 'en nyckel kan inte vara ett block (saknas ett kolon eller ett indrag?)',
  UNEXPECTED_TOKEN: 'oväntat tecken här (kontrollera indrag, kolon och citattecken)',
  BAD_SCALAR_START: 'en text kan inte börja med det här tecknet utan citattecken; sätt texten inom "…"',
  BAD_DQ_ESCAPE: 'ogiltig \\-kod i text inom "…"',
  MISSING_ANCHOR: 'ett alias (*namn) utan ankare (&namn)',
  TAG_RESOLVE_FAILED: 'värdet passar inte sin tagg',
  IMPOSSIBLE: 'den här raden går inte att läsa som YAML',
};

export interface YamlOptions {
  /**
   * The file's top-level parts and the keys each has (a plan's budget: unit, columns, income …): a key
   * written twice that belongs to a part the file lacks suggests that part's own line is missing.
   */
  parts?: Record<string, readonly string[]>;
  /** The file's line the text starts on (a Markdown file's front matter: 2), for lines named in messages. */
  firstLine?: number;
}

/** The parser's errors that a misindented line gives (a key a step left of its item's keys: "a character is missing"). */
const INDENT_CODES = new Set(['BAD_INDENT', 'BLOCK_AS_IMPLICIT_KEY', 'MULTILINE_IMPLICIT_KEY', 'UNEXPECTED_TOKEN', 'MISSING_CHAR']);

/** Parses YAML text; throws the issues (with line and column) when it is not valid YAML. */
export function parseYamlText(text: string, options: YamlOptions = {}): ParsedYaml | { issues: PlanIssue[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true, version: '1.2' });
  if (doc.errors.length > 0) {
    // A lost part's line (`budget:`) is named once, at the first error it explains.
    let named = false;
    const lines = text.split(/\r?\n/);
    const located = doc.errors.map((error) => ({ error, ...lineCounter.linePos(error.pos[0]) }));
    // A "-" alone among a row's values: one message, the parser's further errors at it left out.
    const dashes = located.flatMap(({ line, col }) => {
      const dash = dashInValues(lines, line, col);
      return dash ? [{ line, col, ...dash }] : [];
    });
    const dashAt = (line: number, col: number) => dashes.find((d) => d.line === line && col >= d.col && col <= d.col + d.width);
    // One message a line, at its first dash: the line to write has null for every one.
    const said = new Set<number>();
    const kept = located.filter(({ line, col }) => {
      if (!dashAt(line, col)) return true;
      if (said.has(line)) return false;
      said.add(line);
      return true;
    });
    let misreadFirst = false;
    const issues: PlanIssue[] = kept.slice(0, 5).map(({ error, line, col }, index) => {
      const dash = dashAt(line, col);
      // A text with a colon in a key's value: the parser refuses the key it makes.
      const inValue = error.code === 'BLOCK_AS_IMPLICIT_KEY' ? colonInValue(lines, line, col) : undefined;
      if (dash || inValue) {
        if (index === 0) misreadFirst = true;
        return dash ? { path: [], message: dashAdvice(dash.example), line, column: dash.col } : { path: [], message: quoteAdvice(inValue!), line, column: col };
      }
      const duplicate = error.code === 'DUPLICATE_KEY' ? duplicateKey(doc, lineCounter, error, options.firstLine ?? 1) : undefined;
      const message = duplicate?.message ?? MESSAGES[error.code] ?? 'den här raden går inte att läsa som YAML (kontrollera indrag, kolon och citattecken)';
      // A duplicate directly under a top-level part, or a line badly indented as a part's key would be.
      const key = duplicate ? (duplicate.parent === undefined ? undefined : duplicate.key) : partKeyAt(text, line);
      // An error in a key's value (col past the key) is the line below's, indented under it: no lost part.
      const pastKey = !duplicate && key !== undefined && col - 1 > (/^ */.exec(lines[line - 1] ?? '')?.[0].length ?? 0) + key.length;
      const lost = named || key === undefined || pastKey ? undefined : lostPart(text, key, options, duplicate?.parent ?? partAbove(text, line), duplicate?.following);
      if (!lost) return { path: [], message, line, column: col };
      named = true;
      // Badly indented, the line is the lost part's first key; written twice, the key may be one of its later ones.
      const hint =
        duplicate?.parent === undefined
          ? `Saknas raden "${lost}:" ovanför "${key}:"?`
          : `Saknas raden "${lost}:" ovanför ${lost}-delens första nyckel? Utan den hamnar dess nycklar under "${duplicate.parent}".`;
      return { path: [], message: `${message}. ${hint}`, line, column: col };
    });
    const first = issues[0]!;
    // A bracket left open: the parser's errors after it all follow from it.
    const unclosed = misreadFirst ? undefined : unclosedBracket(lines, first.line!);
    if (unclosed) return { issues: [{ path: [], line: unclosed.line, column: unclosed.column, message: unclosed.message }] };
    // A line out of line with the lines above it on its level: said so, and the errors that follow from it left out.
    const misindent = named || misreadFirst || !INDENT_CODES.has(kept[0]!.error.code) ? undefined : misindented(text, first.line!, options.firstLine ?? 1, first.column);
    if (!misindent) return { issues };
    const rest = issues.slice(1).filter((i) => i.line! >= misindent.blockEnd);
    return { issues: [{ ...first, line: misindent.line, column: 1, message: misindent.message }, ...rest] };
  }
  let value: unknown;
  try {
    // A handful of aliases is plenty for a plan; many more is an attempt to blow up memory.
    value = doc.toJS({ maxAliasCount: 50 });
  } catch {
    return { issues: [{ path: [], message: 'för många alias (*namn) i filen; skriv ut värdena i stället', line: 1, column: 1 }] };
  }
  const position = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  return {
    value: toNfc(value),
    locate: (path, snippet) => locateIn(doc, lineCounter, text, path, snippet),
    misread: (path) => misreadAt(doc, lineCounter, text, path),
    textIssues: thousandsInYaml(doc.contents, text, position),
  };
}

/**
 * The position of the deepest existing node on `path`: a map entry's key, a list item's start; for a
 * text with `snippet` written in it as is (a block text's line), where the snippet first stands.
 */
function locateIn(doc: Document, lineCounter: LineCounter, text: string, path: JsonPath, snippet?: string): Position | undefined {
  let node: unknown = doc.contents;
  let offset: number | undefined = (doc.contents as YamlNode | null)?.range?.[0];
  let found = 0;
  for (const part of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(part));
      if (!pair) break;
      offset = (pair.key as YamlNode).range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof part === 'number' && node.items[part] !== undefined) {
      node = node.items[part];
      offset = (node as YamlNode).range?.[0] ?? offset;
    } else break;
    found++;
  }
  if (snippet && found === path.length && isScalar(node) && typeof node.value === 'string' && node.range) {
    const at = text.slice(node.range[0], node.range[1]).indexOf(snippet);
    if (at >= 0) offset = node.range[0] + at;
  }
  if (offset === undefined) return undefined;
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

/** A key written twice in one map: which key, under which key (if any), and where it stood first. */
function duplicateKey(
  doc: Document,
  lineCounter: LineCounter,
  error: YAMLError,
  firstLine: number,
): { key: string; parent: string | undefined; following: string[]; message: string } | undefined {
  let found: { key: string; first: number; parent: string | undefined; following: string[] } | undefined;
  visit(doc, {
    Map(_, map, path) {
      const pairs = map.items.filter((p) => isScalar(p.key));
      const second = pairs.find((p) => (p.key as YamlNode).range?.[0] === error.pos[0]);
      if (!second) return undefined;
      const key = String((second.key as { value: unknown }).value);
      const first = pairs.find((p) => String((p.key as { value: unknown }).value) === key);
      // The key it stands under when that is a top-level part (document, root map, pair): the part a lost line merged it into.
      const parent = path.length === 3 ? path[2] : undefined;
      const keys = pairs.map((p) => String((p.key as { value: unknown }).value));
      found = {
        key,
        following: keys.slice(pairs.indexOf(second)),
        first: lineCounter.linePos((first?.key as YamlNode | undefined)?.range?.[0] ?? error.pos[0]).line,
        parent: isPair(parent) && isScalar(parent.key) ? String(parent.key.value) : undefined,
      };
      return visit.BREAK;
    },
  });
  if (!found) return undefined;
  const { key, first, parent, following } = found;
  const where = parent === undefined ? 'i samma del' : `under "${parent}"`;
  return { key, parent, following, message: `nyckeln "${key}" står två gånger ${where} (första gången på rad ${first + firstLine - 1}); skriv den en gång` };
}

/** The key on a line indented as the keys of a top-level part are (the file's first indentation). */
function partKeyAt(text: string, line: number): string | undefined {
  const unit = /^( +)\S/m.exec(text)?.[1]?.length;
  const match = /^( +)([A-Za-z]\w*):/.exec(text.split('\n')[line - 1] ?? '');
  return match && match[1]!.length === unit ? match[2] : undefined;
}

/** The top-level key above a line (the part the line is written in). */
function partAbove(text: string, line: number): string | undefined {
  const above = text.split('\n').slice(0, line - 1).reverse();
  return above.map((l) => /^([A-Za-z$][\w$]*)\s*:/.exec(l)?.[1]).find((k) => k !== undefined);
}

/**
 * A top-level part the text lacks (no line `budget:` at its start) that has `key`, other than the part
 * the key now stands in (`besides`): that part's own line was probably lost, merging it into the one
 * above. When the keys from there on are known (`following`), one of them must be the lost part's own
 * and not `besides`'s: a key written twice in its own part is no lost line.
 */
function lostPart(text: string, key: string, options: YamlOptions, besides?: string, following?: string[]): string | undefined {
  const parts = options.parts ?? {};
  const present = new Set([...text.matchAll(/^([A-Za-z$][\w$]*)\s*:/gm)].map((m) => m[1]));
  const own = besides === undefined ? [] : (parts[besides] ?? []);
  return Object.entries(parts).find(
    ([part, keys]) =>
      part !== besides && !present.has(part) && keys.includes(key) && (following === undefined || following.some((k) => keys.includes(k) && !own.includes(k))),
  )?.[0];
}
