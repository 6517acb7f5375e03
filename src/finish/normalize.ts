// Makes a Chromium PDF depend only on the document, not on the browser's history: structure element
// ids are DOM node numbers ("node00001265"), which grow with every document a page has shown. They
// are renumbered in order, so a warm page and a fresh browser write the same bytes.
import { PDFArray, PDFDict, PDFDocument, PDFString, type PDFObject } from 'pdf-lib';

const NODE_ID = /^node(\d+)$/;

/** Where a node id stands: its number, and how to put another string in its place. */
interface Slot {
  number: number;
  replace(value: PDFString): void;
}

/** Every node id in an object and the direct objects inside it, in one walk. */
function collect(object: PDFObject, slots: Slot[]): void {
  if (object instanceof PDFDict) {
    for (const [key, value] of object.entries()) {
      if (value instanceof PDFString) {
        const match = NODE_ID.exec(value.asString());
        if (match) slots.push({ number: Number(match[1]), replace: (s) => object.set(key, s) });
      } else if (value instanceof PDFDict || value instanceof PDFArray) collect(value, slots);
    }
  } else if (object instanceof PDFArray) {
    for (let i = 0; i < object.size(); i++) {
      const value = object.get(i);
      if (value instanceof PDFString) {
        const match = NODE_ID.exec(value.asString());
        if (match) slots.push({ number: Number(match[1]), replace: (s) => object.set(i, s) });
      } else if (value instanceof PDFDict || value instanceof PDFArray) collect(value, slots);
    }
  }
}

export function normalizeStructureIds(doc: PDFDocument): void {
  const slots: Slot[] = [];
  for (const [, object] of doc.context.enumerateIndirectObjects()) collect(object, slots);
  if (slots.length === 0) return;
  // Numbered in the original order, keeping the width: the id tree's keys stay sorted.
  const sorted = [...new Set(slots.map((s) => s.number))].sort((a, b) => a - b);
  const width = Math.max(8, String(sorted.length).length);
  const renumbered = new Map(sorted.map((n, i) => [n, PDFString.of(`node${String(i + 1).padStart(width, '0')}`)]));
  for (const slot of slots) slot.replace(renumbered.get(slot.number)!);
}
