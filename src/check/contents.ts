// The innehållsförteckning read back from the printed PDF: every entry the plan has, with a page
// number, and its heading printed on that very page.
import type { JsonPath, PlanIssue } from '../errors.js';
import type { ComputedPlan, ContentsEntry } from '../model.js';
import { findFrom, quoted } from './match.js';
import { matchKey, type PrintedText } from './printedText.js';

/** The JSON path of a section from its anchor ("avsnitt-2-sections-1" → sections[2].sections[1]). */
export function sectionPath(anchor: string): JsonPath {
  const parts = anchor.replace(/^avsnitt-/, '').split('-');
  const path: JsonPath = [];
  let previousNumber = true;
  for (const part of parts) {
    const isNumber = /^\d+$/.test(part);
    if (isNumber && previousNumber) path.push('sections');
    path.push(isNumber ? Number(part) : part);
    previousNumber = isNumber;
  }
  return path;
}

/** Where a contents entry's heading is written in the plan: a section's title, or the text a ## heading is in. */
const entryPath = (entry: ContentsEntry): JsonPath => entry.path ?? [...sectionPath(entry.anchor), 'title'];

const headingText = (entry: ContentsEntry) => quoted([entry.label, entry.title].filter(Boolean).join(' '));

export function checkContents(plan: ComputedPlan, printed: PrintedText): PlanIssue[] {
  const entries = plan.contents ?? [];
  if (entries.length === 0) return [];
  const { items } = printed;
  const issues: PlanIssue[] = [];
  // Where each page's runs begin, to look for a heading on one page only.
  const pageStart: number[] = [];
  items.forEach((item, i) => {
    for (let p = pageStart.length; p <= item.page; p++) pageStart[p] = i;
  });
  for (let p = pageStart.length; p <= printed.pages.length + 1; p++) pageStart[p] = items.length;

  // The list first: entry by entry, each followed by its page number.
  const heading = findFrom(items, 0, matchKey('Innehåll'));
  let cursor = heading ? heading.end : 0;
  const listed: { entry: ContentsEntry; page: number }[] = [];
  for (const entry of entries) {
    const path = entryPath(entry);
    const page = items[cursor]?.page ?? 1;
    const match = findFrom(items, cursor, matchKey(`${entry.label}${entry.title}`), pageStart[page + 2]);
    if (!match) {
      issues.push({ path, message: `innehållsförteckningen i PDF:en saknar rubriken ${headingText(entry)}` });
      continue;
    }
    const number = items[match.end];
    cursor = match.end;
    if (!number || !/^\d+$/.test(number.key)) {
      issues.push({ path, message: `innehållsförteckningen i PDF:en saknar sidnumret för rubriken ${headingText(entry)}` });
      continue;
    }
    cursor++;
    listed.push({ entry, page: Number(number.key) });
  }

  // Then each heading, on the page the list gives (never the list itself).
  const afterList = cursor;
  /** The first page after the list on which the heading begins (a long one may go on to the next). */
  const startsOn = (key: string, first: number, last: number): number | undefined => {
    for (let page = first; page <= last; page++) {
      const end = pageStart[page + 1] ?? items.length;
      for (let i = Math.max(afterList, pageStart[page] ?? items.length); i < end; i++) {
        if (beginsAt(i, end, key)) return page;
      }
    }
    return undefined;
  };
  const beginsAt = (start: number, pageEnd: number, key: string): boolean => {
    let offset = 0;
    for (let i = start; offset < key.length; i++) {
      if (i === pageEnd) return offset > 0;
      if (!key.startsWith(items[i]!.key, offset)) return false;
      offset += items[i]!.key.length;
    }
    return true;
  };
  for (const { entry, page } of listed) {
    const key = matchKey(`${entry.label}${entry.title}`);
    if (page >= 1 && page <= printed.pages.length && startsOn(key, page, page) !== undefined) continue;
    const elsewhere = startsOn(key, 1, printed.pages.length);
    issues.push({
      path: entryPath(entry),
      message:
        elsewhere !== undefined
          ? `rubriken ${headingText(entry)} står på sidan ${elsewhere}, men innehållsförteckningen anger sidan ${page}`
          : `rubriken ${headingText(entry)} finns inte på sidan ${page} som innehållsförteckningen anger, och inte heller på någon annan sida`,
    });
  }
  return issues;
}
