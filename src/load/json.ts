// Reads plan JSON text: strict JSON, errors with line and column, and lookup of a JSON path's position.
import { parseTree, findNodeAtLocation, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { JsonPath, PlanIssue } from '../errors.js';

const parseMessages: Record<string, string> = {
  InvalidSymbol: 'ogiltigt tecken',
  InvalidNumberFormat: 'ogiltigt tal',
  PropertyNameExpected: 'ett nyckelnamn inom citattecken väntades',
  ValueExpected: 'ett värde väntades (kanske ett kommatecken för mycket?)',
  ColonExpected: 'kolon (:) väntades',
  CommaExpected: 'kommatecken väntades (saknas ett , mellan två värden?)',
  CloseBraceExpected: '} väntades',
  CloseBracketExpected: '] väntades',
  EndOfFileExpected: 'filen borde ta slut här',
  InvalidCommentToken: 'kommentarer är inte tillåtna i JSON',
  UnexpectedEndOfComment: 'kommentar som aldrig tar slut',
  UnexpectedEndOfString: 'text som aldrig tar slut (saknas ett citattecken?)',
  UnexpectedEndOfNumber: 'ofullständigt tal',
  InvalidUnicode: 'ogiltig unicode-kod',
  InvalidEscapeCharacter: 'ogiltig \\-kod i text',
  InvalidCharacter: 'ogiltigt tecken i text (radbrytning eller tabb måste skrivas \\n eller \\t)',
};

export interface ParsedJson {
  value: unknown;
  tree: Node | undefined;
  text: string;
}

export class JsonSyntaxError extends Error {
  constructor(readonly issues: PlanIssue[]) {
    super('invalid JSON');
  }
}

/** 1-based line and column of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** Deeper than this, a plan is not a plan; refusing it early keeps the parsers off their stack limits. */
export const MAX_DEPTH = 64;

function tooDeep(text: string): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > MAX_DEPTH) return i;
    } else if (c === 125 || c === 93) depth--;
  }
  return undefined;
}

/**
 * An amount written with thousands separators where the parser stopped (`1,150,000`: a comma separates
 * values in JSON, and 000 is no JSON number): the amount, where it starts, and what to write.
 */
function thousandsAt(text: string, offset: number): { start: number; end: number; message: string } | undefined {
  let start = offset;
  while (start > 0 && /[\d,]/.test(text[start - 1]!)) start--;
  const written = /^\d{1,3}(?:,\d{3})+(?!\d)/.exec(text.slice(start))?.[0];
  if (!written || start + written.length < offset) return undefined;
  return { start, end: start + written.length, message: `${written} är ett belopp med tusentalsavgränsare, men i JSON skiljer kommatecknet värden; skriv beloppet utan dem: ${written.replaceAll(',', '')}` };
}

export function parseJson(text: string): ParsedJson {
  const deep = tooDeep(text);
  if (deep !== undefined) {
    throw new JsonSyntaxError([{ path: [], message: `planen är nästlad i fler än ${MAX_DEPTH} nivåer`, ...lineColumn(text, deep) }]);
  }
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true, allowEmptyContent: false });
  if (errors.length > 0) {
    // After the first error the parser's guesses are mostly noise; report the first few.
    const issues = errors.slice(0, 3).map((e) => {
      const thousands = thousandsAt(text, e.offset);
      if (thousands) return { path: [], message: thousands.message, span: thousands, ...lineColumn(text, thousands.start) };
      return { path: [], message: parseMessages[printParseErrorCode(e.error)] ?? printParseErrorCode(e.error), offset: e.offset, ...lineColumn(text, e.offset) };
    });
    // One amount with thousands separators gives the parser several errors, at it and right after it: named once.
    const spans = issues.flatMap((i) => ('span' in i && i.span ? [i.span] : []));
    const kept = issues.filter(
      (issue, i) =>
        issues.findIndex((o) => o.line === issue.line && o.column === issue.column) === i &&
        !('offset' in issue && spans.some((s) => issue.offset! >= s.start && issue.offset! <= s.end + 2)),
    );
    throw new JsonSyntaxError(kept.map(({ path, message, line, column }) => ({ path, message, line, column })));
  }
  const duplicates = findDuplicateKeys(tree);
  if (duplicates.length > 0) {
    throw new JsonSyntaxError(
      duplicates.map((node) => ({
        path: [],
        message: `nyckeln "${String(node.value)}" står två gånger i samma objekt`,
        ...lineColumn(text, node.offset),
      })),
    );
  }
  return { value: toNfc(JSON.parse(text)), tree, text };
}

/**
 * Every text and key in Unicode's composed form (NFC): a "fastställd" typed on a Mac (a + combining
 * ring) is the same word as one typed on Windows, for the schema's choices and for the PDF.
 */
export function toNfc(value: unknown): unknown {
  if (typeof value === 'string') return value.normalize('NFC');
  if (Array.isArray(value)) return value.map(toNfc);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key.normalize('NFC'), toNfc(inner)]));
  }
  return value;
}

function findDuplicateKeys(node: Node | undefined, found: Node[] = []): Node[] {
  if (!node) return found;
  if (node.type === 'object') {
    const seen = new Set<string>();
    for (const property of node.children ?? []) {
      const key = property.children?.[0];
      if (key && typeof key.value === 'string') {
        if (seen.has(key.value)) found.push(key);
        seen.add(key.value);
      }
      findDuplicateKeys(property.children?.[1], found);
    }
  } else if (node.type === 'array') {
    for (const child of node.children ?? []) findDuplicateKeys(child, found);
  }
  return found;
}

/** Position of the deepest existing node on a path, so an error about a missing key points at its object. */
export function locate(parsed: ParsedJson, path: JsonPath, snippet?: string): { line: number; column: number } | undefined {
  if (!parsed.tree) return undefined;
  for (let n = path.length; n >= 0; n--) {
    const node = findNodeAtLocation(parsed.tree, path.slice(0, n));
    if (node) {
      // In a text, where a snippet of it (a {{ placeholder }}) stands, if it is written there as is.
      const at = snippet && n === path.length && node.type === 'string' ? parsed.text.slice(node.offset, node.offset + node.length).indexOf(snippet) : -1;
      if (at >= 0) return lineColumn(parsed.text, node.offset + at);
      // For a property value, point at its key: that is what the author looks for.
      const target = node.parent?.type === 'property' ? node.parent : node;
      return lineColumn(parsed.text, target.offset);
    }
  }
  return undefined;
}
