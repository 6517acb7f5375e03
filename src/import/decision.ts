// The plan's decision, when its text tells of it: "(Verksamhetsplanen fastställdes av styrelsen
// 2012-11-26)", "Fastställd av förbundsstyrelsen den 28 november 2024, § 34" on the front page. A plan
// imported from the Word file of an adopted plan is then fastställd (or beslutad), not a förslag with
// FÖRSLAG on every page. Only this plan's decision counts: the past tense ("fastställs av styrelsen
// 2024-11-28" is a decision to come), the plan as its subject (not a strategy, an annual report or last
// year's plan), and a date in the plan's year or the year before it, when the front page names the year.
import { isIsoDate } from '../load/schema/primitives.js';
import { textOf, type Element } from './html.js';

export interface FoundDecision {
  state: 'fastställd' | 'beslutad';
  decisionBody: string;
  decisionDate: string;
  paragraph?: string;
  /** The words the decision was read from, as written. */
  sentence: string;
  /** Whether the paragraph says nothing else (vplan prints the decision itself, last in the plan). */
  wholeParagraph: boolean;
}

const MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];
const DATE = `(?<date>\\d{4}-\\d{2}-\\d{2}|\\d{1,2}\\s+(?:${MONTHS.join('|')})\\s+\\d{4})`;
const VERB = '(?<verb>fastställdes|fastställd|fastställts|beslutades|beslutad|antogs|antagen)';
const BODY = '(?<body>[\\p{Ll}]*styrelsen|förbundsstämman|stämman)';
/** The plan (or its budget) as the subject, in the same sentence: "Verksamhetsplanen för 2025 fastställdes …". */
const SUBJECT = '(?<subject>(?:verksamhetsplan(?:en)?|planen|budget(?:en)?)(?:\\s+med\\s+budget)?[^.!?]*?)';
const DECISION = new RegExp(
  `(?:${SUBJECT}\\s+)?${VERB}\\s+av\\s+${BODY}\\s+(?:den\\s+|på\\s+sitt\\s+möte\\s+(?:den\\s+)?)?${DATE}(?:\\s*,?\\s*(?<paragraph>§\\s*\\d+))?`,
  'iu',
);

function isoDate(written: string): string | undefined {
  const long = /^(\d{1,2})\s+(\p{L}+)\s+(\d{4})$/u.exec(written);
  const iso = long ? `${long[3]}-${String(MONTHS.indexOf(long[2]!.toLowerCase()) + 1).padStart(2, '0')}-${long[1]!.padStart(2, '0')}` : written;
  // A date that does not exist (2024-11-31) is no decision date.
  return isIsoDate(iso) ? iso : undefined;
}

/**
 * The first paragraph that tells of this plan's decision, and what it says. `frontCount`: how many of
 * `blocks` stand before the first heading (the front page, where "Fastställd av styrelsen …" needs no
 * subject); `planYear`: the year the front page names, if any.
 */
export function findDecision(blocks: Element[], frontCount: number, planYear: number | undefined): { decision: FoundDecision; block: Element } | undefined {
  for (const [index, block] of blocks.entries()) {
    if (block.tag !== 'p') continue;
    const text = textOf(block);
    const match = DECISION.exec(text);
    const decisionDate = match?.groups?.date ? isoDate(match.groups.date) : undefined;
    if (!match?.groups || !decisionDate) continue;
    const { subject, verb, body, paragraph } = match.groups;
    if (subject === undefined && index >= frontCount) continue;
    if (planYear !== undefined) {
      // "Verksamhetsplanen för 2024 fastställdes av styrelsen 2023-11-30": last year's plan.
      const named = [...(subject ?? '').matchAll(/(?<!\d)(?:19|20)\d\d(?!\d)/g)].map((m) => Number(m[0]));
      const year = Number(decisionDate.slice(0, 4));
      if (named.some((y) => y !== planYear) || year < planYear - 1 || year > planYear) continue;
    }
    // "(Verksamhetsplanen fastställdes av styrelsen 2012-11-26)": the paragraph is the decision alone.
    const rest = text.replace(match[0], '').replace(/[()[\].\s]/g, '');
    const wholeParagraph = rest === '';
    // Without the plan's year to check the date by, only such a paragraph of its own is taken.
    if (planYear === undefined && !wholeParagraph) continue;
    return {
      decision: {
        state: /^fastst/i.test(verb!) ? 'fastställd' : 'beslutad',
        decisionBody: body!.toLowerCase(),
        decisionDate,
        ...(paragraph ? { paragraph: paragraph.replace(/\s+/g, ' ') } : {}),
        sentence: match[0],
        wholeParagraph,
      },
      block,
    };
  }
  return undefined;
}
