// Makes a Chromium PDF depend only on the document, not on the browser's history: structure element
// ids are DOM node numbers ("node00001265"), which grow with every document a page has shown. They
// are renumbered in order, so a warm page and a fresh browser write the same bytes.
import { PDFArray, PDFDict, PDFDocument, PDFString, type PDFObject } from 'pdf-lib';

const NODE_ID = /^node(\d+)$/;

function visit(object: PDFObject, found: (s: PDFString) => void, replace?: (s: PDFString) => PDFString): void {
  if (object instanceof PDFDict) {
    for (const [key, value] of object.entries()) {
      if (value instanceof PDFString && NODE_ID.test(value.asString())) {
        found(value);
        if (replace) object.set(key, replace(value));
      } else visit(value, found, replace);
    }
  } else if (object instanceof PDFArray) {
    for (let i = 0; i < object.size(); i++) {
      const value = object.get(i);
      if (value instanceof PDFString && NODE_ID.test(value.asString())) {
        found(value);
        if (replace) object.set(i, replace(value));
      } else visit(value, found, replace);
    }
  }
}

export function normalizeStructureIds(doc: PDFDocument): void {
  const objects = doc.context.enumerateIndirectObjects().map(([, o]) => o);
  const numbers = new Set<number>();
  for (const o of objects) visit(o, (s) => numbers.add(Number(NODE_ID.exec(s.asString())![1])));
  if (numbers.size === 0) return;
  // Numbered in the original order, keeping the width: the id tree's keys stay sorted.
  const sorted = [...numbers].sort((a, b) => a - b);
  const width = Math.max(8, String(sorted.length).length);
  const renumbered = new Map(sorted.map((n, i) => [n, `node${String(i + 1).padStart(width, '0')}`]));
  const replace = (s: PDFString) => PDFString.of(renumbered.get(Number(NODE_ID.exec(s.asString())![1]))!);
  for (const o of objects) visit(o, () => undefined, replace);
}
