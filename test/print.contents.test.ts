// The innehållsförteckning as a board member reads it: an entry whose title takes two lines wraps under
// its own text (not under its number), and its dot leader runs from the end of the title's last line to
// the page number, on that line, as a one-line entry's does. Positions of text and dots are read from
// the printed PDF (the dots are painted shapes, not text), for both looks' fonts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildPlan, PrintSession } from '../src/build.js';
import { basePlan } from './helpers/plans.js';
import { placedText, squeezed, type PlacedPages, type PlacedText } from './helpers/pdfPositions.js';
import { paintedBoxes, type PaintedBox } from './helpers/pdfShapes.js';
import { pdfText } from './helpers/pdfText.js';

const LONG_SECTION = 'Samordnade insatser för personer som behöver stöd från flera myndigheter samtidigt, i Gnosjö, Gislaved och Värnamo kommuner';
const LONG_SUBSECTION = 'Ett numrerat underavsnitt med en rubrik som är så lång att den går över två rader i innehållsförteckningen';
// Titles a short word longer each (a few points at a time): some of them, in either look, end their
// line closer to the page number than 4pt and 8 mm of dots need.
const WORDS = 'Uppföljning av de gemensamma insatserna för deltagare som står långt från en och av de nya i år'.split(' ');
const GROWING = Array.from({ length: 9 }, (_, i) => WORDS.slice(0, 11 + i).join(' '));

const plan = () =>
  basePlan({
    sections: [
      { type: 'text', title: 'Inledning', text: 'Text.' },
      { type: 'text', title: LONG_SECTION, text: 'Text.' },
      {
        type: 'text',
        title: 'Verksamhet',
        text: 'Text.',
        sections: [
          { type: 'text', title: 'Kort underavsnitt', text: 'Text.' },
          { type: 'text', title: LONG_SUBSECTION, text: 'Text.' },
          ...GROWING.map((title) => ({ type: 'text' as const, title, text: 'Text.' })),
        ],
      },
    ],
  });

const session = new PrintSession();
let dir: string;
const built = new Map<string, { page: PlacedPages; dots: PaintedBox[]; text: string }>();
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'vplan-contents-'));
  const file = path.join(dir, 'plan.json');
  await writeFile(file, JSON.stringify(plan()));
  for (const theme of ['kommunal', 'modern']) {
    const out = path.join(dir, `${theme}.pdf`);
    // The build's own check reads every entry's page number back from the PDF: it passes, or this throws.
    await buildPlan(file, out, session, { theme });
    const pdf = new Uint8Array(await readFile(out));
    const page = (await placedText(pdf))[1]!;
    // The leader's dots: thin shapes on the contents page (it paints no other).
    const dots = (await paintedBoxes(pdf, 2)).filter((box) => box.y1 - box.y0 < 2.5 && box.x1 - box.x0 < 4);
    built.set(theme, { page, dots, text: (await pdfText(pdf)).pages[1]! });
  }
}, 120_000);
afterAll(async () => {
  await session.close();
  await rm(dir, { recursive: true, force: true });
});

const MM = 72 / 25.4;
const MARGIN = 24 * MM;

interface Line {
  y: number;
  items: PlacedText[];
}

/** The contents page's text lines, top down (running header and footer left out). */
function lines(page: PlacedPages): Line[] {
  const result: Line[] = [];
  const body = page.items.filter((i) => i.y > MARGIN && i.y < page.height - MARGIN && i.text !== 'Innehåll');
  for (const item of body.sort((a, b) => b.y - a.y || a.x - b.x)) {
    const line = result.find((l) => Math.abs(l.y - item.y) < 0.5);
    if (line) line.items.push(item);
    else result.push({ y: item.y, items: [item] });
  }
  return result;
}

const isPageNumber = (item: PlacedText, page: PlacedPages) => /^\d+$/.test(item.text) && item.x > page.width / 2;
/** The dots on a line's baseline: a dotted border's dots stand on it, their tops below x-height. */
const dotsOn = (dots: PaintedBox[], y: number) => dots.filter((d) => d.y0 > y - 1.5 && d.y1 < y + 3);

describe.each(['kommunal', 'modern'])('the contents (%s)', (theme) => {
  const get = () => built.get(theme)!;

  it('runs each leader from the end of its title\'s last line to the page number, on that line', () => {
    const { page, dots } = get();
    const ends = lines(page).filter((l) => l.items.some((i) => isPageNumber(i, page)));
    expect(ends.length).toBe(5 + GROWING.length);
    for (const line of ends) {
      const number = line.items.find((i) => isPageNumber(i, page))!;
      const title = line.items.filter((i) => i !== number);
      const label = title.map((i) => i.text).join(' ');
      // Never the dots alone: the title's last words stand on their line.
      expect(title.length, label).toBeGreaterThan(0);
      const textEnd = Math.max(...title.map((i) => i.x + i.width));
      const leader = dotsOn(dots, line.y);
      expect(leader.length, label).toBeGreaterThan(0);
      const start = Math.min(...leader.map((d) => d.x0));
      const end = Math.max(...leader.map((d) => d.x1));
      // 4pt after the last word…
      expect(start - textEnd, label).toBeGreaterThan(2);
      expect(start - textEnd, label).toBeLessThan(6);
      // …at least 8 mm of dots (a partial dot at the end aside)…
      expect(end - start, label).toBeGreaterThan(8 * MM - 2);
      // …up to the page number's column (6 mm, right-aligned, 4pt after the dots).
      expect(end, label).toBeLessThan(number.x - 2);
      expect(number.x + number.width - end, label).toBeLessThan(6 * MM + 4 + 2);
    }
  });

  it('takes a last word that fits its line, but not with 8 mm of dots after it, down to the next line with them', () => {
    const { page, dots } = get();
    const all = lines(page);
    const title = (line: Line) => line.items.filter((i) => !isPageNumber(i, page));
    // Where the dots are cut off: the title's right edge (less part of a dot at most).
    const right = Math.max(...dots.map((d) => d.x1));
    const pushed = all.filter((line, k) => {
      const word = title(line);
      if (!line.items.some((i) => isPageNumber(i, page)) || word.length !== 1 || word[0]!.text.includes(' ')) return false;
      // The title's line above ends so far left that the word, with a space (at most 3.5pt), would fit.
      const above = all[k - 1]!;
      const words = squeezed([...title(above), word[0]!].map((i) => i.text).join('')).replace(/^[\d.]+/, '');
      const fits = Math.max(...title(above).map((i) => i.x + i.width)) + 3.5 + word[0]!.width < right;
      return fits && GROWING.some((t) => squeezed(t) === words);
    });
    expect(pushed.length).toBeGreaterThan(0);
  });

  it('paints no dots anywhere else: not under a title, not on a line of their own, not by a first line', () => {
    const { page, dots } = get();
    const all = lines(page);
    const ends = all.filter((l) => l.items.some((i) => isPageNumber(i, page)));
    for (const dot of dots) expect(ends.some((l) => dotsOn([dot], l.y).length === 1), JSON.stringify(dot)).toBe(true);
    for (const line of all) {
      for (const item of line.items) {
        const under = dotsOn(dots, line.y).filter((d) => d.x1 > item.x && d.x0 < item.x + item.width);
        expect(under, item.text).toEqual([]);
      }
    }
  });

  it('wraps a long title under its own text, not under its number, the page number by its last line', () => {
    const { page } = get();
    const all = lines(page);
    for (const title of [LONG_SECTION, LONG_SUBSECTION]) {
      const first = all.findIndex((l) => l.items.some((i) => i.text.startsWith(title.slice(0, 20))));
      expect(first, title).toBeGreaterThanOrEqual(0);
      const titleX = all[first]!.items.find((i) => i.text.startsWith(title.slice(0, 20)))!.x;
      const last = all.findIndex((l, k) => k >= first && l.items.some((i) => isPageNumber(i, page)));
      expect(last, title).toBeGreaterThan(first);
      for (const line of all.slice(first + 1, last + 1)) expect(Math.abs(line.items[0]!.x - titleX), title).toBeLessThan(0.5);
    }
  });

  it('reads as the entries in order, each title followed by its page number, no dots as text', () => {
    const { text } = get();
    expect(text).not.toMatch(/\.{3}|…/);
    expect(squeezed(text)).toMatch(new RegExp(`2\\.${squeezed(LONG_SECTION)}\\d+3\\.Verksamhet\\d+3\\.1Kortunderavsnitt\\d+3\\.2`));
  });
});
