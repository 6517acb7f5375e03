// Makes a Chromium PDF depend only on the document, not on the browser's history: structure element
// ids are DOM node numbers ("node00001265"), given out as the browser first needs them, so that they
// differ with the documents a page has shown and the prints made before (a draft, a wrong guess of the
// contents page numbers). They are renumbered in the order of the elements in the file (the structure
// tree's order), so that every way to the same document writes the same bytes.
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFString, type PDFObject } from 'pdf-lib';

const NODE_ID = /^node(\d+)$/;

/** Where a node id stands: its number, and how to put another string in its place. */
interface Slot {
  number: number;
  /** The element's own /ID, as opposed to a reference to it (a cell's /Headers, the id tree). */
  own: boolean;
  replace(value: PDFString): void;
}

/** Every node id in an object and the direct objects inside it, in one walk. */
function collect(object: PDFObject, slots: Slot[]): void {
  if (object instanceof PDFDict) {
    for (const [key, value] of object.entries()) {
      if (value instanceof PDFString) {
        const match = NODE_ID.exec(value.asString());
        if (match) slots.push({ number: Number(match[1]), own: key === ID, replace: (s) => object.set(key, s) });
      } else if (value instanceof PDFDict || value instanceof PDFArray) collect(value, slots);
    }
  } else if (object instanceof PDFArray) {
    for (let i = 0; i < object.size(); i++) {
      const value = object.get(i);
      if (value instanceof PDFString) {
        const match = NODE_ID.exec(value.asString());
        if (match) slots.push({ number: Number(match[1]), own: false, replace: (s) => object.set(i, s) });
      } else if (value instanceof PDFDict || value instanceof PDFArray) collect(value, slots);
    }
  }
}

const ID = PDFName.of('ID');

export function normalizeStructureIds(doc: PDFDocument): void {
  const slots: Slot[] = [];
  for (const [, object] of doc.context.enumerateIndirectObjects()) collect(object, slots);
  if (slots.length === 0) return;
  // Numbered as the elements come in the file; an id no element has (none, from Chromium) after them.
  const order = [...new Set([...slots.filter((s) => s.own), ...slots].map((s) => s.number))];
  const width = Math.max(8, String(order.length).length);
  const renumbered = new Map(order.map((n, i) => [n, PDFString.of(`node${String(i + 1).padStart(width, '0')}`)]));
  for (const slot of slots) slot.replace(renumbered.get(slot.number)!);
  sortIdTree(doc);
}

/**
 * The structure tree's id tree (a name tree: its keys in order) put in order again after the
 * renumbering: the same nodes, each leaf with as many entries as before, the limits set anew.
 */
function sortIdTree(doc: PDFDocument): void {
  const root = doc.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict)?.lookupMaybe(PDFName.of('IDTree'), PDFDict);
  if (!root) return;
  const NAMES = PDFName.of('Names');
  const KIDS = PDFName.of('Kids');
  const LIMITS = PDFName.of('Limits');
  const leaves: PDFArray[] = [];
  const pairs: [PDFString, PDFObject][] = [];
  const seen = new Set<PDFDict>();
  // Each node's first and last key once the leaves are rewritten (post-order), for the limits.
  const walk = (node: PDFDict): (() => [PDFString, PDFString] | undefined) => {
    if (seen.has(node)) return () => undefined;
    seen.add(node);
    const names = node.lookupMaybe(NAMES, PDFArray);
    const kids = node.lookupMaybe(KIDS, PDFArray);
    const parts: (() => [PDFString, PDFString] | undefined)[] = [];
    if (names) {
      leaves.push(names);
      for (let i = 0; i + 1 < names.size(); i += 2) pairs.push([names.get(i) as PDFString, names.get(i + 1)]);
      parts.push(() => (names.size() >= 2 ? [names.get(0) as PDFString, names.get(names.size() - 2) as PDFString] : undefined));
    }
    for (let i = 0; kids && i < kids.size(); i++) {
      const kid = kids.lookupMaybe(i, PDFDict);
      if (kid) parts.push(walk(kid));
    }
    return () => {
      const limits = parts.map((part) => part()).filter((l) => l !== undefined);
      if (limits.length === 0) return undefined;
      const range: [PDFString, PDFString] = [limits[0]![0], limits.at(-1)![1]];
      if (node !== root) node.set(LIMITS, doc.context.obj(range));
      return range;
    };
  };
  const setLimits = walk(root);
  if (pairs.some(([key]) => !(key instanceof PDFString))) return;
  pairs.sort(([a], [b]) => (a.asString() < b.asString() ? -1 : a.asString() > b.asString() ? 1 : 0));
  let next = 0;
  for (const names of leaves) {
    const count = Math.floor(names.size() / 2);
    for (let i = 0; i < count; i++, next++) {
      names.set(2 * i, pairs[next]![0]);
      names.set(2 * i + 1, pairs[next]![1]);
    }
  }
  setLimits();
}
