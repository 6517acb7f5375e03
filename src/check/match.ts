// Finding a text of the plan among the printed runs of text: whole runs only, so "Summa" is not found
// inside "Summa kostnader", and a label broken over lines (several runs) is still one match.
import type { PrintedItem } from './printedText.js';

export interface Match {
  /** Index of the first run of the match. */
  start: number;
  /** Index after the last run. */
  end: number;
}

/** The runs from `start` whose keys together are exactly `key`, or undefined. */
export function matchAt(items: readonly PrintedItem[], start: number, key: string, until = items.length): Match | undefined {
  if (key === '') return { start, end: start };
  let offset = 0;
  let index = start;
  while (offset < key.length) {
    const item = items[index];
    if (!item || index >= until || !key.startsWith(item.key, offset)) return undefined;
    offset += item.key.length;
    index++;
  }
  return { start, end: index };
}

/** The first match of `key` at or after `from` (and before `until`). */
export function findFrom(items: readonly PrintedItem[], from: number, key: string, until = items.length): Match | undefined {
  for (let i = from; i < until; i++) {
    const match = matchAt(items, i, key, until);
    if (match) return match;
  }
  return undefined;
}

/** Right end of a run: amounts and column headings are set flush right. */
export const rightEdge = (item: PrintedItem) => item.x + item.width;

/** Whether a run lies on its page, with half a point of slack for rounding. */
export function onPage(item: PrintedItem, page: { width: number; height: number }): boolean {
  const slack = 0.5;
  return item.x >= -slack && rightEdge(item) <= page.width + slack && item.y >= -slack && item.y <= page.height + slack;
}

/** Plan text quoted in a message: whole when short, else its beginning and "…". */
export function quoted(text: string, max = 60): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return `"${chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : chars.join('')}"`;
}
