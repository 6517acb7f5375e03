// Reads YAML text (a plan.yaml, or a Markdown file's front matter) with the `yaml` package: values as
// YAML 1.2 reads them (dates and "ja"/"nej" stay text), errors in Swedish with line and column, and a
// lookup of a JSON path's position for later messages.
import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import type { JsonPath, PlanIssue } from '../errors.js';
import { toNfc } from './json.js';

export interface Position {
  line: number;
  column: number;
}

export interface ParsedYaml {
  value: unknown;
  /** Where `path` is; with a snippet of a text there (a {{ placeholder }}), the line it stands on. */
  locate(path: JsonPath, snippet?: string): Position | undefined;
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

/** Parses YAML text; throws the issues (with line and column) when it is not valid YAML. */
export function parseYamlText(text: string): ParsedYaml | { issues: PlanIssue[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true, version: '1.2' });
  if (doc.errors.length > 0) {
    return {
      issues: doc.errors.slice(0, 5).map((error) => {
        const { line, col } = lineCounter.linePos(error.pos[0]);
        return { path: [], message: MESSAGES[error.code] ?? 'den här raden går inte att läsa som YAML (kontrollera indrag, kolon och citattecken)', line, column: col };
      }),
    };
  }
  let value: unknown;
  try {
    // A handful of aliases is plenty for a plan; many more is an attempt to blow up memory.
    value = doc.toJS({ maxAliasCount: 50 });
  } catch {
    return { issues: [{ path: [], message: 'för många alias (*namn) i filen; skriv ut värdena i stället', line: 1, column: 1 }] };
  }
  return { value: toNfc(value), locate: (path, snippet) => locateIn(doc, lineCounter, text, path, snippet) };
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
