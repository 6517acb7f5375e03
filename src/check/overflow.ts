// What the print found wider than the page's text (print/softHyphens.ts measures it): Chromium then
// either shrinks every page of the PDF (a plan of 7 pages printed on 5 in smaller type) or cuts off
// what runs past the page's edge, with no word said. Each is a warning at the section it is in, with
// what to do about it.
import type { PlanIssue } from '../errors.js';
import type { Overflow } from '../print/softHyphens.js';
import { sectionPath } from './contents.js';

const MM_PER_PX = 25.4 / 96;
const mm = (px: number) => Math.round(px * MM_PER_PX);

const WHAT: Record<Overflow['kind'], { what: string; fix: string }> = {
  table: {
    what: 'en tabell',
    fix: 'korta radtexterna eller kolumnrubrikerna, ta bort en kolumn, eller visa beloppen i tkr (budget.unit)',
  },
  image: { what: 'en bild', fix: 'gör bilden smalare' },
  text: {
    what: 'en rad text (ett långt ord eller en webbadress utan mellanrum?)',
    fix: 'dela ordet med ett bindestreck eller mellanslag, eller skriv adressen som en länk: [förbundets webbplats](https://…)',
  },
};

/** One warning per section and kind (the widest), at most five. */
export function overflowWarnings({ items, textWidth }: { items: Overflow[]; textWidth: number }): PlanIssue[] {
  if (items.length === 0 || textWidth <= 0) return [];
  const byPlace = new Map<string, Overflow>();
  for (const item of items) {
    const key = `${item.section ?? ''}|${item.kind}`;
    if ((byPlace.get(key)?.width ?? 0) < item.width) byPlace.set(key, item);
  }
  return [...byPlace.values()].slice(0, 5).map((item) => {
    const { what, fix } = WHAT[item.kind];
    const path = item.section?.startsWith('avsnitt-') ? sectionPath(item.section) : [];
    return {
      path,
      message: `${what} är ${mm(item.width)} mm bred, men sidans text bara ${mm(textWidth)} mm; då förminskar webbläsaren varje sida i PDF:en eller skär av det som sticker ut. Gör den smalare: ${fix}`,
    };
  });
}
