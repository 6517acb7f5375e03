// The budget year as the text of a Word plan gives it, when neither its title nor a budget table does: the
// year it names most often with words about the plan ("verksamhetsåret 2027", "budgeten för 2027",
// "2027 års budget", "under 2027"), else the year it names most often of those close to the latest it
// names. Numbers that only look like years are no candidates: a law's or a document's number ("lag
// (2003:1210)", "SFS 2003:1210", "dnr 2024/11", "prop. 2002/03:132"), a date ("2007-10-30", "17 november
// 2017"), a span ("2026–2027"), "Agenda 2030", an amount ("2050 tkr"), and a year before Finsam (2004) or
// more than two years from now.

export interface YearInText {
  year: number;
  /** How many times the text names it, the way it counted. */
  times: number;
  /** Where the text first names it that way ("Under 2027"). */
  first: string;
  /** Whether it is named with words about the plan. */
  withPlanWords: boolean;
  /** Whether numbers that looked like years were left out (law numbers, dates, spans …). */
  skipped: boolean;
}

const YEAR = /(?<![\p{L}\p{N}])((?:19|20)\d\d)(?![\p{L}\p{N}])/gu;
const MONTH = /(?:januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|okt|nov|dec)\.?\s*$/i;

/** Whether a year-like number, by the text before and after it, is part of something else. */
function notAYear(before: string, after: string): boolean {
  return (
    /^\s*[:/]\s*\d/.test(after) || // "2003:1210", "2002/03:132", "2024/11", "2017/2018"
    /\d\s*[:/]\s*$/.test(before) ||
    /\b(?:SFS|dnr|diarienr|diarienummer|prop|SOU|Ds)\.?\s*$/i.test(before) ||
    /^-\d{1,2}-\d{1,2}/.test(after) || // "2007-10-30"
    /\d[-./]$/.test(before) || // "30.10.2007", "2026-2027"
    /\d\s*[-–—]\s*$/.test(before) || // "2026 – 2027"
    /^\s*[-–—]\s*(?:19|20)?\d\d(?!\d)/.test(after) || // "2026–2027", "2026-27"
    MONTH.test(before) || // "17 november 2017", "i oktober 2017"
    /\b(?:agenda|vision)\s*$/i.test(before) || // "Agenda 2030"
    /^\s*(?:t?kr|mkr|kronor|sek|:-|%|procent)(?!\p{L})/iu.test(after) || // "2050 tkr"
    /\d[\s\u00a0]$/.test(before) || // "12 2050 000"
    /^[\s\u00a0]\d{3}(?!\d)/.test(after)
  );
}

/** Words about the plan right before a year, with their weight: the budget and the year of the business count most. */
const BEFORE: [RegExp, number][] = [
  [/(?<![\p{L}\p{N}])(?:budget(?:en|år|året|ramen)?|verksamhetsår(?:et)?|verksamhetsplan(?:en)?)\s+(?:(?:för|inför|avser)\s+)?(?:(?:år|året)\s+)?$/iu, 2],
  [/(?<![\p{L}\p{N}])(?:under|för|inför|år|året)\s+(?:(?:hela\s+)?(?:år|året)\s+)?$/iu, 1],
];
/** "2027 års budget", "2027 års verksamhet". */
const AFTER = /^\s+års\s+(?:budget|verksamhet|plan)/i;

interface Tally {
  score: number;
  times: number;
  first: string;
}

function add(tallies: Map<number, Tally>, year: number, score: number, first: string): void {
  const tally = tallies.get(year);
  if (tally) {
    tally.score += score;
    tally.times += 1;
  } else tallies.set(year, { score, times: 1, first });
}

/** The highest score, of equal ones the latest year. */
function best(tallies: Map<number, Tally>): [number, Tally] | undefined {
  return [...tallies].sort(([a, x], [b, y]) => y.score - x.score || b - a)[0];
}

/** The year that the text's lines (one per paragraph, heading or cell) give as the budget year, if any. */
export function yearInText(lines: string[], now: Date): YearInText | undefined {
  const withWords = new Map<number, Tally>();
  const plain = new Map<number, Tally>();
  let skipped = false;
  for (const line of lines) {
    for (const m of line.matchAll(YEAR)) {
      const year = Number(m[1]);
      const before = line.slice(0, m.index);
      const after = line.slice(m.index + m[0].length);
      if (notAYear(before, after) || year < 2004 || year > now.getFullYear() + 2) {
        skipped = true;
        continue;
      }
      const words = before.split(/\s+/).filter(Boolean);
      add(plain, year, 1, [...words.slice(-3), m[0]].join(' '));
      const said = BEFORE.map(([re, weight]) => ({ words: re.exec(before)?.[0], weight })).find((b) => b.words !== undefined);
      const yearOf = AFTER.exec(after)?.[0];
      if (said?.words !== undefined) add(withWords, year, said.weight, `${said.words}${m[0]}`);
      else if (yearOf !== undefined) add(withWords, year, 2, `${m[0]}${yearOf}`);
    }
  }
  const named = best(withWords);
  if (named) return { year: named[0], times: named[1].times, first: named[1].first, withPlanWords: true, skipped };
  // No plan words: years long before the latest one (the year the förbund was founded) are history.
  const latest = Math.max(...plain.keys());
  for (const year of plain.keys()) if (year < latest - 2) plain.delete(year);
  for (const tally of plain.values()) tally.score = tally.times;
  const counted = best(plain);
  return counted ? { year: counted[0], times: counted[1].times, first: counted[1].first, withPlanWords: false, skipped } : undefined;
}
