// Makes a Chromium PDF depend only on the document, not on the browser's history: structure element
// ids are DOM node numbers ("node00001265"), given out as the browser first needs them, so that they
// differ with the documents a page has shown and the prints made before (a draft, a wrong guess of the
// contents page numbers). They are renumbered in the order of the elements in the file (the structure
// tree's order), so that every way to the same document writes the same bytes.
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFString, type PDFObject } from 'pdf-lib';
import { RawObject } from './lazyPdf.js';
import { findNodeIds } from './nodeIds.js';

const NODE_ID = /^node(\d+)$/;
const ID = PDFName.of('ID');
const HEADERS = PDFName.of('Headers');

/** Where a node id stands: its number, and how to put another id in its place. */
interface Slot {
  number: number;
  /** The element's own /ID, as opposed to a table cell's reference to it (/Headers). */
  own: boolean;
  replace(id: string): void;
}

const nodeNumber = (value: unknown): number | undefined => {
  const match = value instanceof PDFString ? NODE_ID.exec(value.asString()) : null;
  return match ? Number(match[1]) : undefined;
};

/**
 * Every node id in an object and the direct objects inside it, in one walk: a structure element's
 * /ID and the ids a cell's /Headers names. Other strings (titles, alternative texts) stay as written,
 * even one that reads "node12".
 */
function collect(object: PDFObject, slots: Slot[]): void {
  if (object instanceof PDFDict) {
    for (const [key, value] of object.entries()) {
      const number = key === ID || key === HEADERS ? nodeNumber(value) : undefined;
      if (number !== undefined) slots.push({ number, own: key === ID, replace: (id) => object.set(key, PDFString.of(id)) });
      else if (key === HEADERS && value instanceof PDFArray) {
        for (let i = 0; i < value.size(); i++) {
          const header = nodeNumber(value.get(i));
          if (header !== undefined) slots.push({ number: header, own: false, replace: (id) => value.set(i, PDFString.of(id)) });
        }
      } else if (value instanceof PDFDict || value instanceof PDFArray) collect(value, slots);
    }
  } else if (object instanceof PDFArray) {
    for (let i = 0; i < object.size(); i++) {
      const value = object.get(i);
      if (value instanceof PDFDict || value instanceof PDFArray) collect(value, slots);
    }
  }
}

export function normalizeStructureIds(doc: PDFDocument): void {
  // The id tree first: reading it parses the objects it is made of (lazyPdf.ts), so that the ids in them
  // are collected from the parsed objects, which are the ones written. Nothing is looked up from here
  // until the ids are replaced: a lookup would parse an object whose bytes are to be patched.
  const tree = idTree(doc);
  const slots: Slot[] = [];
  for (const [ref, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof RawObject)) {
      collect(object, slots);
      continue;
    }
    // An object still as printed (lazyPdf.ts) holds a node id only if its bytes have "(node": the ids
    // are literal strings (nodeNumber). Those are read with nodeIds.ts and patched in place, in the same
    // order as collect() would; one it cannot read, or patched already (by an earlier call), is parsed
    // and collected.
    if (!object.includes('(node')) continue;
    const found = object.patched ? undefined : findNodeIds(object.body);
    if (found) for (const { number, own, at, length } of found) slots.push({ number, own, replace: (id) => object.patch(at, length, id) });
    else {
      const parsed = doc.context.lookup(ref);
      if (parsed) collect(parsed, slots);
    }
  }
  if (slots.length === 0) return;
  // An id tree with keys of another kind than Chromium writes is left alone, and so are the ids.
  if (tree && tree.pairs.some(([key]) => nodeNumber(key) === undefined)) return;
  // Numbered as the elements come in the file; an id no element has (none, from Chromium) after them.
  const order = [...new Set([...slots.filter((s) => s.own), ...slots].map((s) => s.number))];
  const width = Math.max(8, String(order.length).length);
  const renumbered = new Map(order.map((n, i) => [n, `node${String(i + 1).padStart(width, '0')}`]));
  for (const slot of slots) slot.replace(renumbered.get(slot.number)!);
  tree?.rewrite((key) => {
    const id = renumbered.get(nodeNumber(key)!);
    return id === undefined ? key : PDFString.of(id);
  });
}

const NAMES = PDFName.of('Names');
const KIDS = PDFName.of('Kids');
const LIMITS = PDFName.of('Limits');

/**
 * The structure tree's id tree (a name tree: its keys in order), with a way to rename its keys and put
 * it in order again: the same nodes, each leaf with as many entries as before, the limits set anew.
 */
function idTree(doc: PDFDocument) {
  const root = doc.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict)?.lookupMaybe(PDFName.of('IDTree'), PDFDict);
  if (!root) return undefined;
  const kidsOf = (node: PDFDict) => {
    const kids = node.lookupMaybe(KIDS, PDFArray);
    return kids ? Array.from({ length: kids.size() }, (_, i) => kids.lookupMaybe(i, PDFDict)).filter((k) => k !== undefined) : [];
  };
  // The leaves in key order: each node's own names, then its kids'.
  const leaves: PDFArray[] = [];
  const collectLeaves = (node: PDFDict): void => {
    const names = node.lookupMaybe(NAMES, PDFArray);
    if (names) leaves.push(names);
    kidsOf(node).forEach(collectLeaves);
  };
  collectLeaves(root);
  const pairs = leaves.flatMap((names) => Array.from({ length: Math.floor(names.size() / 2) }, (_, i) => [names.get(2 * i), names.get(2 * i + 1)] as const));
  /** A node's first and last key, written as its /Limits (the root has none). */
  const setLimits = (node: PDFDict): [PDFObject, PDFObject] | undefined => {
    const names = node.lookupMaybe(NAMES, PDFArray);
    const ranges = kidsOf(node).map(setLimits);
    if (names && names.size() >= 2) ranges.unshift([names.get(0), names.get(2 * (Math.floor(names.size() / 2) - 1))]);
    const known = ranges.filter((r) => r !== undefined);
    if (known.length === 0) return undefined;
    const range: [PDFObject, PDFObject] = [known[0]![0], known.at(-1)![1]];
    if (node !== root) node.set(LIMITS, doc.context.obj(range));
    return range;
  };
  return {
    pairs,
    rewrite(rename: (key: PDFString) => PDFString): void {
      const renamed = pairs.map(([key, value]) => [rename(key as PDFString), value] as const);
      renamed.sort(([a], [b]) => (a.asString() < b.asString() ? -1 : a.asString() > b.asString() ? 1 : 0));
      let next = 0;
      for (const names of leaves) {
        for (let i = 0; i < Math.floor(names.size() / 2); i++, next++) {
          names.set(2 * i, renamed[next]![0]);
          names.set(2 * i + 1, renamed[next]![1]);
        }
      }
      setLimits(root);
    },
  };
}
