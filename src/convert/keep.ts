// A changed plan written into the YAML text it came from, so that what the user wrote around the values
// stays: comments, blank lines, the order of keys, flow lists like [100, 200, 300], quoting. `vplan next`
// and `vplan import-budget` write their plans so. Only values that changed are replaced; a node that gets
// a new value keeps the comments on it; a line whose values did not change is the user's line as it was,
// spaces and all. The result is read back: it must be exactly the new value, else undefined (the caller
// then writes the value afresh).
import { diffArrays } from 'diff';
import { isAlias, isMap, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import { canonicalJson } from '../load/loadPlan.js';

type Styler = (node: Node) => void;

const isPlainObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** A node for a value the old text did not have, styled as vplan writes new YAML (see write.ts). */
function fresh(doc: Document, value: unknown, style: Styler, old?: Node | null): Node {
  const node = doc.createNode(value) as Node;
  style(node);
  if (old) {
    // The comments on the value it replaces stay with the key.
    node.commentBefore = old.commentBefore;
    node.comment = old.comment;
    node.spaceBefore = old.spaceBefore;
  }
  return node;
}

/** `value` put into `node`, keeping every part of it whose value is unchanged. */
function merge(doc: Document, node: Node | null, value: unknown, style: Styler): Node {
  if (!node || isAlias(node)) return fresh(doc, value, style, node);
  if (isPlainObject(value) && isMap(node)) {
    const keyOf = (key: unknown) => (isScalar(key) ? String(key.value) : String(key));
    node.items = node.items.filter((pair) => value[keyOf(pair.key)] !== undefined);
    for (const [key, v] of Object.entries(value)) {
      if (v === undefined) continue;
      const pair = node.items.find((p) => keyOf(p.key) === key);
      if (pair) pair.value = merge(doc, pair.value as Node | null, v, style);
      else node.items.push(doc.createPair(key, fresh(doc, v, style)));
    }
    return node;
  }
  if (Array.isArray(value) && isSeq(node)) {
    node.items = value.map((v, i) => (i < node.items.length ? merge(doc, node.items[i] as Node | null, v, style) : fresh(doc, v, style)));
    return node;
  }
  if (isScalar(node) && (value === null || ['string', 'number', 'boolean'].includes(typeof value))) {
    if (node.value === value) return node;
    // The same kind of value keeps its quoting; a text that now has a line break is a block.
    if (typeof node.value === typeof value && !(typeof value === 'string' && value.includes('\n') && !node.type?.startsWith('BLOCK'))) {
      node.value = value;
      return node;
    }
  }
  return fresh(doc, value, style, node);
}

/** Whether `text` is YAML for exactly `value`. */
function readsAs(text: string, value: unknown): boolean {
  const back = parseDocument(text);
  return back.errors.length === 0 && canonicalJson(back.toJS()) === canonicalJson(value);
}

/**
 * The writer puts spaces inside a one-line [ ] and { }; a user who writes [1, 2] or {a: 1} gets new lines
 * in that style too (only for a plain list or map of plain values on one line).
 */
function flowStyle(source: string): (line: string) => string {
  const count = (pattern: RegExp) => source.match(pattern)?.length ?? 0;
  const tightLists = count(/\[[^\s\]]/g) > count(/\[ /g);
  const tightMaps = count(/\{[^\s}]/g) > count(/\{ /g);
  return (line) =>
    line
      .replace(/^(\s*(?:- )?(?:[^\s#'"[{][^#'"[{]*: )?)\[ ([^[\]{}'"#]*) \]$/, (whole, head: string, body: string) => (tightLists ? `${head}[${body}]` : whole))
      .replace(/^(\s*(?:- )?(?:[^\s#'"[{][^#'"[{]*: )?)\{ ([^[\]{}'"#]*) \}$/, (whole, head: string, body: string) => (tightMaps ? `${head}{${body}}` : whole));
}

/**
 * The user's own lines where the written ones say the same but for spaces (the YAML writer puts one
 * space before a comment, and its own inside [ ]): lines compared without the spaces after their
 * indentation, in order (a line diff).
 */
function userLines(source: string, written: string): string {
  const restyle = flowStyle(source);
  const key = (line: string) => {
    const indent = /^\s*/.exec(line)![0];
    return indent + line.slice(indent.length).replace(/\s+/g, '');
  };
  const before = source.split('\n');
  const after = written.split('\n');
  const lines: string[] = [];
  let i = 0;
  let j = 0;
  for (const change of diffArrays(before.map(key), after.map(key))) {
    const n = change.count ?? change.value.length;
    if (change.removed) i += n;
    else if (change.added) lines.push(...after.slice(j, (j += n)).map(restyle));
    else {
      lines.push(...before.slice(i, (i += n)));
      j += n;
    }
  }
  return lines.join('\n');
}

/**
 * `source` (YAML text) with its value replaced by `value`, as text (`finish` turns the document into
 * text, and may change the leading comments): undefined when the source cannot be parsed or the result
 * would not read back as `value`.
 */
export function mergeIntoYaml(source: string, value: unknown, style: Styler, finish: (doc: Document) => string): string | undefined {
  const doc = parseDocument(source, { keepSourceTokens: false });
  if (doc.errors.length > 0) return undefined;
  doc.contents = merge(doc, doc.contents as Node | null, value, style) as typeof doc.contents;
  const written = finish(doc);
  if (!readsAs(written, value)) return undefined;
  // The written text is the fallback: spaces could in principle be part of a value (inside quotes).
  const kept = userLines(source, written);
  return readsAs(kept, value) ? kept : written;
}
