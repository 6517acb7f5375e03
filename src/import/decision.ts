// The plan's decision, when its text tells of it: "(Verksamhetsplanen fastställdes av styrelsen
// 2012-11-26)", "Fastställd av förbundsstyrelsen den 28 november 2024, § 34". A plan imported from the
// Word file of an adopted plan is then fastställd (or beslutad), not a förslag with FÖRSLAG on every page.
// Only the past tense counts: "fastställs av styrelsen 2024-11-28" tells of a decision still to come.
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
const DECISION = new RegExp(
  `(?<verb>fastställdes|fastställd|fastställts|beslutades|beslutad|antogs|antagen)\\s+av\\s+(?<body>[\\p{Ll}]*styrelsen|förbundsstämman|stämman)\\s+(?:den\\s+|på\\s+sitt\\s+möte\\s+(?:den\\s+)?)?${DATE}(?:\\s*,?\\s*(?<paragraph>§\\s*\\d+))?`,
  'iu',
);

function isoDate(written: string): string | undefined {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(written);
  const long = /^(\d{1,2})\s+(\p{L}+)\s+(\d{4})$/u.exec(written);
  const [year, month, day] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : long
      ? [Number(long[3]), MONTHS.indexOf(long[2]!.toLowerCase()) + 1, Number(long[1])]
      : [0, 0, 0];
  const date = new Date(Date.UTC(year, month - 1, day));
  // A date that does not exist (2024-11-31) is no decision date.
  if (month < 1 || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date.toISOString().slice(0, 10);
}

/** The first paragraph that tells of the plan's decision, in the past tense, and what it says. */
export function findDecision(blocks: Element[]): { decision: FoundDecision; block: Element } | undefined {
  for (const block of blocks) {
    if (block.tag !== 'p') continue;
    const text = textOf(block);
    const match = DECISION.exec(text);
    const decisionDate = match?.groups?.date ? isoDate(match.groups.date) : undefined;
    if (!match?.groups || !decisionDate) continue;
    const { verb, body, paragraph } = match.groups;
    // "(Verksamhetsplanen fastställdes av styrelsen 2012-11-26)": the paragraph is the decision alone.
    const rest = text.replace(match[0], '').replace(/[()[\].\s]/g, '');
    const wholeParagraph = /^(?:(?:verksamhetsplanen|planen)(?:medbudget)?(?:\d{4}(?:[-–]\d{4})?)?)?$/i.test(rest);
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
