// A changed plan written into the YAML text it came from, so that what the user wrote around the values
// stays: comments, blank lines, the order of keys, flow lists like [100, 200, 300], quoting. `vplan next`
// and `vplan import-budget` write their plans so. Only values that changed are replaced; a node that gets
// a new value keeps the comments on it; a line whose values did not change is the user's line as it was,
// spaces and all. The result is read back: it must be exactly the new value, else undefined (the caller
// then writes the value afresh).
import { diffArrays } from 'diff';
import { isDeepStrictEqual } from 'node:util';
import { isAlias, isMap, isScalar, isSeq, parseDocument, type Document, type Node, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';

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

/**
 * Where a key's value came from when the change renamed it (vplan next: the column `budget2026` starts
 * from the old `plan2026`): the old pair is taken over, its comments with it. Undefined: a key of its own.
 */
export type KeySource = (key: string) => string | undefined;

interface Merging {
  doc: Document;
  style: Styler;
  sourceOf: KeySource;
}

const isScalarValue = (v: unknown) => v === null || ['string', 'number', 'boolean'].includes(typeof v);
const keyOf = (key: unknown) => (isScalar(key) ? String(key.value) : String(key));

function mergeMap(m: Merging, node: YAMLMap, value: Record<string, unknown>): Node {
  const present = (key: string) => Object.hasOwn(value, key) && value[key] !== undefined;
  const own = new Set(node.items.map((pair) => keyOf(pair.key)));
  // A renamed key takes over the pair its value came from, where that key leaves the map: in its place.
  const renamed = new Map<string, string>();
  for (const key of Object.keys(value)) {
    const source = own.has(key) || !present(key) ? undefined : m.sourceOf(key);
    if (source !== undefined && own.has(source) && !present(source) && ![...renamed.values()].includes(source)) renamed.set(key, source);
  }
  const newKeyOf = new Map([...renamed].map(([key, source]) => [source, key]));
  node.items = node.items.flatMap((pair) => {
    const key = keyOf(pair.key);
    if (present(key)) return [pair];
    const to = newKeyOf.get(key);
    if (to === undefined) return [];
    pair.key = isScalar(pair.key) ? Object.assign(pair.key, { value: to }) : to;
    return [pair];
  });
  for (const [key, v] of Object.entries(value)) {
    if (v === undefined) continue;
    const pair = node.items.find((p) => keyOf(p.key) === key);
    if (pair) pair.value = merge(m, pair.value as Node | null, v);
    else node.items.push(m.doc.createPair(key, fresh(m.doc, v, m.style)));
  }
  return node;
}

/**
 * A list of plain values is matched by value (a line diff of its items), so that a comment stays with
 * its amount when the amounts move a column on; any other list item by item.
 */
function mergeSeq(m: Merging, node: YAMLSeq, value: unknown[]): Node {
  const old = node.items as (Node | null)[];
  const plain = value.every(isScalarValue) && old.every((item) => isScalar(item) && isScalarValue(item.value));
  if (!plain) {
    node.items = value.map((v, i) => (i < old.length ? merge(m, old[i]!, v) : fresh(m.doc, v, m.style)));
    return node;
  }
  const key = (v: unknown) => JSON.stringify(v);
  const items: Node[] = [];
  let i = 0;
  for (const change of diffArrays(old.map((item) => key((item as Scalar).value)), value.map(key))) {
    const n = change.count ?? change.value.length;
    if (change.removed) i += n;
    else if (change.added) items.push(...value.slice(items.length, items.length + n).map((v) => fresh(m.doc, v, m.style)));
    else {
      items.push(...(old.slice(i, i + n) as Node[]));
      i += n;
    }
  }
  node.items = items;
  return node;
}

/** `value` put into `node`, keeping every part of it whose value is unchanged. */
function merge(m: Merging, node: Node | null, value: unknown): Node {
  if (!node || isAlias(node)) return fresh(m.doc, value, m.style, node);
  if (isPlainObject(value) && isMap(node)) return mergeMap(m, node, value);
  if (Array.isArray(value) && isSeq(node)) return mergeSeq(m, node, value);
  if (isScalar(node) && isScalarValue(value)) {
    if (node.value === value) return node;
    // The same kind of value keeps its quoting; a text that now has a line break is a block.
    if (typeof node.value === typeof value && !(typeof value === 'string' && value.includes('\n') && !node.type?.startsWith('BLOCK'))) {
      node.value = value;
      return node;
    }
  }
  return fresh(m.doc, value, m.style, node);
}

/** Whether `text` is YAML for exactly `value` (as JSON would carry it: undefined keys left out). */
function readsAs(text: string, value: unknown): boolean {
  const back = parseDocument(text);
  return back.errors.length === 0 && isDeepStrictEqual(back.toJS(), JSON.parse(JSON.stringify(value)));
}

/**
 * The writer puts spaces inside a one-line [ ] and { }; a user who writes [1, 2] or {a: 1} gets new lines
 * in that style too (only for a plain list or map of plain values on one line).
 */
function flowStyle(source: string): (line: string) => string {
  const count = (pattern: RegExp) => source.match(pattern)?.length ?? 0;
  const tightLists = count(/\[[^\s\]]/g) > count(/\[ /g);
  const tightMaps = count(/\{[^\s}]/g) > count(/\{ /g);
  // A list or map alone on its line, or before a comment ("[ 1, 2 ] # preliminärt").
  return (line) =>
    line
      .replace(/^(\s*(?:- )?(?:[^\s#'"[{][^#'"[{]*: )?)\[ ([^[\]{}'"#]*) \]( +#.*)?$/, (whole, head: string, body: string, comment = '') => (tightLists ? `${head}[${body}]${comment}` : whole))
      .replace(/^(\s*(?:- )?(?:[^\s#'"[{][^#'"[{]*: )?)\{ ([^[\]{}'"#]*) \}( +#.*)?$/, (whole, head: string, body: string, comment = '') => (tightMaps ? `${head}{${body}}${comment}` : whole));
}

/** A written line with the spaces before its comment as the user's line it replaces had them. */
function commentSpacing(written: string, user: string | undefined): string {
  const mine = user === undefined ? undefined : /^(.*?\S)( +)(#.*)$/.exec(user);
  const theirs = /^(.*?\S) (#.*)$/.exec(written);
  // The same comment after it (a "#" inside quotes splits otherwise, and the comments differ).
  return mine && theirs && mine[3] === theirs[2] ? `${theirs[1]}${mine[2]}${theirs[2]}` : written;
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
  // The user's lines just removed: an added line in their place keeps their spacing before a comment.
  let replaced: string[] = [];
  for (const change of diffArrays(before.map(key), after.map(key))) {
    const n = change.count ?? change.value.length;
    if (change.removed) replaced = before.slice(i, (i += n));
    else if (change.added) {
      lines.push(...after.slice(j, (j += n)).map((line, k) => commentSpacing(restyle(line), replaced[k])));
      replaced = [];
    } else {
      replaced = [];
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
export function mergeIntoYaml(
  source: string,
  value: unknown,
  style: Styler,
  finish: (doc: Document) => string,
  sourceOf: KeySource = () => undefined,
): string | undefined {
  // Windows line endings in, Windows line endings out.
  const crlf = source.includes('\r\n');
  const text = crlf ? source.replace(/\r\n/g, '\n') : source;
  const doc = parseDocument(text, { keepSourceTokens: false });
  if (doc.errors.length > 0) return undefined;
  doc.contents = merge({ doc, style, sourceOf }, doc.contents as Node | null, value) as typeof doc.contents;
  const written = finish(doc);
  if (!readsAs(written, value)) return undefined;
  // The written text is the fallback: spaces could in principle be part of a value (inside quotes).
  const kept = userLines(text, written);
  const result = readsAs(kept, value) ? kept : written;
  return crlf ? result.replace(/\n/g, '\r\n') : result;
}
