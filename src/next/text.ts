// vplan next, the texts: figures quoted in them follow their columns, a year beside such a figure moves
// with it, and what the new plan cannot say as it stands (a past year, a decision not yet taken, a
// figure from a column that starts empty) is a warning at its line.
import type { JsonPath, PlanIssue } from '../errors.js';
import { REFERENCE_PATTERN } from '../compute/references.js';
import type { ColumnMove } from './columns.js';

/** The new plan has no decision yet: a quoted decision date becomes a marker to fill in (and a warning). */
const DECISION_DATE = /(?<!\\)\{\{\s*decision\.date\s*\}\}/g;
export const DECISION_MARKER = '[beslutsdatum]';

/** A year as a word, or a span of two ("2028–2029"); not a law's number ("2003:1210") nor an ISO date's year. */
const YEAR_OR_SPAN = /(?<![\d:])(199\d|20\d\d|2100)(?:(\s*[–-]\s*)(199\d|20\d\d|2100))?(?![\d:])(?!-\d\d-)/g;

/**
 * A text in the parts a year is read with: a table (its rows read with its header), a list item, a
 * heading, and within a paragraph each sentence. Joined, the parts are the text.
 */
function sentences(text: string): string[] {
  const blocks: string[] = [];
  let current = '';
  let table = false;
  for (const line of text.split(/(?<=\n)/)) {
    const row = /^\s*\|/.test(line);
    const starts = line.trim() === '' || /^\s*([-*+]\s|\d+[.)]\s|#)/.test(line) || row !== table;
    if (starts && current !== '') {
      blocks.push(current);
      current = '';
    }
    current += line;
    table = row;
  }
  if (current !== '') blocks.push(current);
  return blocks.flatMap((block) => (/^\s*\|/.test(block) ? [block] : block.split(/(?<=[.!?]\s+)(?=[A-ZÅÄÖÉ])/)));
}

/** The first name of a reference's body ("costs.budget2025" in " costs.budget2025 | mkr "), each part renamed. */
const renamed = (body: string, ids: Map<string, ColumnMove>) =>
  body.replace(/([.\w-]+)/, (name: string) => name.split('.').map((part) => ids.get(part)?.newId ?? part).join('.'));

export interface MovedText {
  text: string;
  /** Years moved with the figures beside them: each as it now reads in the text, with the word before it. */
  years: { from: number; to: number; snippet: string }[];
  /** References that now quote a column that starts empty, as they now read. */
  empty: { reference: string; column: ColumnMove }[];
}

/**
 * Figures quoted in a text name a column: {{ costs.budget2025 }} in a 2025 plan is {{ costs.budget2026 }}
 * in 2026. A year in the same sentence (or table) as such a figure, the figure's year, moves with it:
 * "Budget 2025: {{ row.x.budget2025 }}" reads "Budget 2026: {{ row.x.budget2026 }}", and a span one of
 * whose years moves ("plan 2026–2027") moves whole. The decision date, not taken yet, becomes a marker.
 */
export function moveText(text: string, moves: ColumnMove[]): MovedText {
  const ids = new Map(moves.map((m) => [m.oldId, m]));
  const years: MovedText['years'] = [];
  const empty: MovedText['empty'] = [];
  const moved = sentences(text)
    .map((sentence) => {
      const named = new Set<number>();
      for (const [, escape, body = ''] of sentence.matchAll(REFERENCE_PATTERN)) {
        if (escape) continue;
        const name = /[.\w-]+/.exec(body)?.[0] ?? '';
        for (const part of name.split('.')) {
          const move = ids.get(part);
          if (!move) continue;
          named.add(move.year - 1);
          // The opening capital of a column that starts empty is still computed; its other figures are not.
          if (move.sourceId === undefined && move.kind !== 'contributions' && !name.startsWith('capital.opening.')) {
            empty.push({ reference: `{{${renamed(body, ids)}}}`, column: move });
          }
        }
      }
      let out = '';
      let last = 0;
      const plain = (piece: string) =>
        named.size === 0
          ? piece
          : piece.replace(YEAR_OR_SPAN, (whole, a: string, dash: string | undefined, b: string | undefined, at: number) => {
              if (!named.has(Number(a)) && !(b !== undefined && named.has(Number(b)))) return whole;
              const to = b === undefined ? String(Number(a) + 1) : `${Number(a) + 1}${dash}${Number(b) + 1}`;
              const before = /(\S+\s+)?$/.exec(out + piece.slice(0, at))![0];
              years.push({ from: Number(a), to: Number(a) + 1, snippet: `${before}${to}` });
              return to;
            });
      for (const match of sentence.matchAll(REFERENCE_PATTERN)) {
        out += plain(sentence.slice(last, match.index));
        out += match[1] ? match[0] : `{{${renamed(match[2] ?? '', ids)}}}`;
        last = match.index + match[0].length;
      }
      return out + plain(sentence.slice(last));
    })
    .join('');
  return { text: moved.replace(DECISION_DATE, DECISION_MARKER), years, empty };
}

/** Fields that hold the plan's prose, and the decision lines, read for what no longer holds. */
const PROSE_KEYS = new Set(['text', 'textAfter', 'preface', 'intro', 'lead', 'statement', 'decisionText', 'closingText']);

/** Words that say the plan is decided ("fastställdes", "beslutad", "antogs", "godkänd"). */
export const ADOPTED = /(?<!\p{L})(fastställd[ae]?|fastställt|fastställdes|beslutad[ae]?|beslutades|antagen|antaget|antogs|godkänd[ae]?|godkänt|godkändes)(?!\p{L})/iu;

/**
 * A line that says the plan is decided ("Verksamhetsplanen fastställdes …"): not so of next year's
 * draft. In running text only where the line names the plan or budget ("Styrelsen har beslutat att …"
 * is another decision); the title and subtitle are the plan's own.
 */
export function saysDecided(line: string, path: JsonPath, warnings: PlanIssue[], ofThePlan = false): void {
  const adopted = ADOPTED.exec(line);
  if (adopted && (ofThePlan || /plan|budget/i.test(line))) {
    warnings.push({ path, message: `texten säger att planen är beslutad ("${adopted[0]}"), men nästa års plan är ett utkast; skriv om den eller vänta tills planen är fastställd`, snippet: adopted[0] });
  }
}

/**
 * What a text of next year's plan says that may no longer hold, each at its line: a year before the new
 * budget year (a year can stand beside a figure that moved on: "kostnaderna 2027 beräknas till
 * {{ costs.budget2028 }}"), a plan said to be decided, the decision date it quoted. References are
 * already moved, and the years in them are no text.
 */
export function reviewText(text: string, path: JsonPath, year: number, warnings: PlanIssue[]): void {
  if (text.includes(DECISION_MARKER)) {
    warnings.push({ path, message: `texten citerade beslutsdatumet, som nästa års plan inte har än; där står nu ${DECISION_MARKER} att ersätta när planen fastställs` });
  }
  if (!PROSE_KEYS.has(String(path[path.length - 1]))) return;
  for (const line of text.split('\n')) {
    const plain = line.replace(REFERENCE_PATTERN, (whole) => ' '.repeat(whole.length));
    saysDecided(plain, path, warnings);
    const found = [...plain.matchAll(/(?<!\d)(19[9]\d|20\d\d)(?![\d:])/g)].filter((m) => Number(m[1]) < year);
    if (found.length === 0) continue;
    const past = [...new Set(found.map((m) => m[1]))];
    // The word before the first year and the year: what finds the line in the file.
    const first = found[0]!;
    const snippet = /(\S+\s+)?$/.exec(line.slice(0, first.index))![0] + first[1];
    warnings.push({ path, message: `texten nämner ${past.join(', ')}, som nu är förfluten tid i planen för ${year}; kontrollera att det ska stå så`, snippet });
  }
}

/** What moveText did to a text, said where it stands: the years it moved, the figures of empty columns it quotes. */
export function movedTextWarnings(moved: MovedText, path: JsonPath, columnName: (move: ColumnMove) => string): PlanIssue[] {
  const warnings: PlanIssue[] = [];
  const first = moved.years[0];
  if (first) {
    const spans = [...new Set(moved.years.map((y) => `${y.from} → ${y.to}`))].join(', ');
    const times = moved.years.length === 1 ? '' : ` (${moved.years.length} ställen)`;
    warnings.push({
      path,
      message: `årtal i samma mening som ett citerat belopp flyttades med beloppet: ${spans}${times}; kontrollera att de gäller beloppets år`,
      snippet: first.snippet,
    });
  }
  for (const { reference, column } of moved.empty) {
    const name = columnName(column);
    const why = column.kind === 'utfall' ? `som står tom tills utfallet för ${column.year} är ifyllt` : 'som är ny och tom';
    warnings.push({ path, message: `texten citerar ${reference} ur ${name}, ${why}; beloppet stämmer inte förrän kolumnen är ifylld`, snippet: reference });
  }
  return warnings;
}
