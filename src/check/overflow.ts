// What the print found wider than the page's text (print/softHyphens.ts measures it): Chromium then
// either shrinks every page of the PDF (a plan of 7 pages printed on 5 in smaller type) or cuts off
// what runs past the page's edge, with no word said. Each is a warning at the section it is in, with
// what to do about it.
import type { PlanIssue } from '../errors.js';
import type { Unit } from '../model.js';
import type { Overflow, PageOverflow } from '../print/softHyphens.js';
import { sectionPath } from './contents.js';

const MM_PER_PX = 25.4 / 96;
const MAX_SHOWN = 5;
const mm = (px: number) => Math.round(px * MM_PER_PX);

const WHAT: Record<Overflow['kind'], { what: string; fix: string }> = {
  table: { what: 'en tabell', fix: 'korta radtexterna eller kolumnrubrikerna, eller ta bort en kolumn' },
  image: { what: 'en bild', fix: 'gör bilden smalare' },
  text: {
    what: 'en rad text (ett långt ord eller en webbadress utan mellanrum?)',
    fix: 'dela ordet med ett bindestreck eller mellanslag, eller skriv adressen som en länk: [förbundets webbplats](https://…)',
  },
};

/**
 * One warning per section and kind (the widest), at most MAX_SHOWN, the last saying how many more;
 * `units`: the plan's budget and contributions units, for the advice on a table of amounts.
 */
export function overflowWarnings({ items, textWidth }: PageOverflow, units: Partial<Record<'budget' | 'contributions', Unit>> = {}): PlanIssue[] {
  if (items.length === 0 || textWidth <= 0) return [];
  const byPlace = new Map<string, Overflow>();
  for (const item of items) {
    const key = `${item.section ?? ''}|${item.kind}`;
    if ((byPlace.get(key)?.width ?? 0) < item.width) byPlace.set(key, item);
  }
  const shown = [...byPlace.values()];
  const more = shown.length - MAX_SHOWN;
  return shown.slice(0, MAX_SHOWN).map((item, i) => {
    const { what } = WHAT[item.kind];
    // A table of amounts in kr also fits in tkr, set where its part says it.
    const inKr = item.unitOf !== undefined && units[item.unitOf] === 'kr';
    const fix = inKr ? `${WHAT.table.fix.replace(', eller ', ', ')}, eller visa beloppen i tkr: skriv "unit": "tkr" i delen "${item.unitOf}"` : WHAT[item.kind].fix;
    const path = item.section?.startsWith('avsnitt-') ? sectionPath(item.section) : [];
    // Not in a section of the plan: the title page, the contents, the appendix of changes.
    const where = path.length > 0 ? '' : item.section === 'andringar' ? 'i ändringsbilagan: ' : 'utanför avsnitten: ';
    const rest = i === MAX_SHOWN - 1 && more > 0 ? ` (och ${more} till som är för breda)` : '';
    return {
      path,
      message: `${where}${what} är ${mm(item.width)} mm bred, men sidans text bara ${mm(textWidth)} mm; då förminskar webbläsaren varje sida i PDF:en eller skär av det som sticker ut. Gör den smalare: ${fix}${rest}`,
    };
  });
}
