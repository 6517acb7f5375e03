// Figures in prose: `{{ costs.budget2018 | mkr }}` in a plan's Markdown becomes the computed value,
// so a sentence follows the budget after an edit. An unknown name is an error, never a blank.
import type { BudgetNames, ComputedContributions, ComputedDocument, Unit } from '../model.js';
import type { JsonPath, PlanIssue } from '../errors.js';
import { formatDateSv, formatFixed, formatInteger, formatShareInText } from '../format.js';
import { suggest } from '../load/messages.js';
import { yearColumnHint } from './budget/columns.js';

type Resolved = { amount: number; unit: Unit } | { text: string };

const unitFactor = { kr: 1n, tkr: 1000n, mkr: 1_000_000n } as const;
const defaultDecimals = { kr: 0, tkr: 0, mkr: 1 } as const;

/**
 * A name put into Markdown text as written: its punctuation escaped, so "Kommunen *Norr*" prints its
 * asterisks instead of italics (every field a figure can stand in is Markdown, see sections/context.ts).
 */
const literal = (text: string) => text.replace(/[\\`*_{}[\]()#+\-.!|<>~&]/g, (char) => `\\${char}`);

/** A count as Swedish prose writes it: in words up to twelve, in digits above. */
const COUNT_WORDS = ['noll', 'en', 'två', 'tre', 'fyra', 'fem', 'sex', 'sju', 'åtta', 'nio', 'tio', 'elva', 'tolv'];

export const REFERENCE_PATTERN = /(\\?)\{\{([^{}]*)\}\}/g;

/** Converts an amount between units with `decimals` decimals, rounding half away from zero, exactly. */
export function convertAmount(amount: number, from: Unit, to: keyof typeof unitFactor, decimals: number): number {
  const numerator = BigInt(amount) * unitFactor[from] * 10n ** BigInt(decimals);
  const denominator = unitFactor[to];
  const negative = numerator < 0n;
  const magnitude = negative ? -numerator : numerator;
  let quotient = magnitude / denominator;
  if (2n * (magnitude % denominator) >= denominator) quotient += 1n;
  return Number(negative ? -quotient : quotient);
}

export class ReferenceResolver {
  private readonly names = new Map<string, () => Resolved | string>();

  private readonly budgetColumns: BudgetNames['columns'] | undefined;
  private readonly years: { budgetYear: number; planYears: readonly number[] };

  constructor(document: ComputedDocument, budget: BudgetNames | undefined, contributions: ComputedContributions | undefined) {
    this.budgetColumns = budget?.columns;
    this.years = { budgetYear: document.budgetYear, planYears: document.planYears };
    this.names.set('budgetYear', () => ({ text: String(document.budgetYear) }));
    this.names.set('association.name', () => ({ text: literal(document.associationName) }));
    // "Försäkringskassan, Arbetsförmedlingen, Region Jönköpings län och Gnosjö kommun"; "sex".
    const members = document.members;
    const none = 'planen anger inga medlemmar; lägg till dem under document.association.members ({ name, kind })';
    this.names.set('association.members', () => (members.length > 0 ? { text: new Intl.ListFormat('sv', { type: 'conjunction' }).format(members.map(literal)) } : none));
    this.names.set('association.memberCount', () => (members.length > 0 ? { text: COUNT_WORDS[members.length] ?? formatInteger(members.length) } : none));
    if (document.status.decisionDate) {
      const date = document.status.decisionDate;
      this.names.set('decision.date', () => ({ text: formatDateSv(date, document.dateStyle) }));
    }
    if (budget) {
      const columnName = (c: { id: string; label: string }) => c.label;
      budget.columns.forEach((column, ci) => {
        const cell = (cells: (number | null)[]) => () => {
          const v = cells[ci];
          return v === null || v === undefined ? `är tom i ${columnName(column)}` : { amount: v, unit: budget.unit };
        };
        this.names.set(`income.${column.id}`, cell(budget.totals.income));
        this.names.set(`assets.${column.id}`, cell(budget.totals.assets));
        this.names.set(`costs.${column.id}`, cell(budget.totals.costs));
        this.names.set(`result.${column.id}`, cell(budget.totals.result));
        this.names.set(`capital.opening.${column.id}`, cell(budget.totals.openingCapital));
        this.names.set(`capital.closing.${column.id}`, cell(budget.totals.closingCapital));
        for (const [id, entry] of budget.named) {
          this.names.set(`${entry.kind}.${id}.${column.id}`, cell(entry.cells));
        }
      });
    }
    if (contributions) {
      contributions.columns.forEach((column, ci) => {
        this.names.set(`contributions.total.${column.id}`, () => ({ amount: column.total, unit: contributions.unit }));
        for (const party of contributions.parties) {
          if (party.id) this.names.set(`contributions.${party.id}.${column.id}`, () => ({ amount: party.amounts[ci]!, unit: contributions.unit }));
        }
      });
      for (const party of contributions.parties) {
        if (party.id) this.names.set(`contributions.${party.id}.share`, () => ({ text: formatShareInText(party.share) }));
      }
    }
  }

  /** Fills in every reference in `text`; problems are added to `issues` with the text's path. */
  resolve(text: string, path: JsonPath, issues: PlanIssue[]): string {
    // Placed where they stand in the file by their snippet: the text's own line numbers would mislead.
    const unclosed = unclosedAt(text);
    if (unclosed) {
      issues.push({
        path,
        message: `"${unclosed.snippet}": "{{" stängs aldrig med "}}"; skriv t.ex. {{ costs.budget2025 | mkr }}, eller \\{{ om klamrarna ska stå i texten`,
        snippet: unclosed.at,
      });
    }
    const stray = strayCloseAt(text);
    if (stray) {
      issues.push({
        path,
        message: `"${stray.snippet}": "}}" har inget "{{" före sig (en klammer för lite?); skriv t.ex. {{ costs.budget2025 | mkr }}, eller \\}} om klamrarna ska stå i texten`,
        snippet: stray.at,
      });
    }
    return text.replace(REFERENCE_PATTERN, (whole, escape: string, body: string) => {
      if (escape) return whole.slice(1);
      const [name = '', ...filters] = body.split('|').map((s) => s.trim());
      const result = this.evaluate(name, filters);
      if (typeof result === 'string') {
        issues.push({ path, message: `{{ ${body.trim()} }}: ${result}`, snippet: whole });
        return whole;
      }
      return result.value;
    });
  }

  private evaluate(name: string, filters: string[]): { value: string } | string {
    const lookup = this.names.get(name);
    if (!lookup) {
      // "costs.budget2027" where no column has the budget year: the column's year is what is wrong.
      const year = this.budgetColumns && yearColumnHint(name.split('.').pop()!, this.budgetColumns, this.years);
      if (year) return `okänt namn "${name}" – ${year}`;
      const hint = sameYear(name, this.names.keys()) ?? suggest(name, this.names.keys());
      return `okänt namn "${name}"${hint ? ` – menade du "${hint}"?` : ''}`;
    }
    const resolved = lookup();
    if (typeof resolved === 'string') return resolved;
    if ('text' in resolved) {
      return filters.length > 0 ? `"${name}" är ingen summa och kan inte formateras med "${filters.join(' | ')}"` : { value: resolved.text };
    }
    let amount = resolved.amount;
    let target: keyof typeof unitFactor = resolved.unit;
    let decimals: number = defaultDecimals[resolved.unit];
    for (const filter of filters) {
      const match = /^(abs|kr|tkr|mkr)(?::(\d))?$/.exec(filter);
      if (!match || (match[1] === 'abs' && match[2] !== undefined)) {
        return `okänt format "${filter}"; använd kr, tkr, mkr (t.ex. mkr:2 för två decimaler) eller abs`;
      }
      if (match[1] === 'abs') amount = Math.abs(amount);
      else {
        target = match[1] as keyof typeof unitFactor;
        decimals = match[2] !== undefined ? Number(match[2]) : defaultDecimals[target];
      }
    }
    const scaled = convertAmount(amount, resolved.unit, target, decimals);
    return { value: decimals === 0 ? formatInteger(scaled) : formatFixed(scaled, decimals) };
  }
}

/**
 * The words around `[start, end)` of `text` to show in a message (`shown`, some words of the line) and to
 * find the place by in the file (`at`): the part of its line from `start` (or up to `end`), else the
 * whole line, whichever stands first in the text right there.
 */
function snippetAt(text: string, start: number, end: number, fromStart: boolean): { shown: string; at: string } {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lineEnd = text.indexOf('\n', end) < 0 ? text.length : text.indexOf('\n', end);
  const part = fromStart ? text.slice(start, lineEnd) : text.slice(lineStart, end);
  const shown = part.length <= 40 ? part.trim() : fromStart ? part.slice(0, 40).replace(/\s+\S*$/, '') : part.slice(-40).replace(/^\S*\s+/, '');
  const first = text.indexOf(part) === (fromStart ? start : lineStart);
  return { shown, at: first ? part : text.slice(lineStart, lineEnd) };
}

/**
 * The name that differs only in a column's kind, for the same year: costs.budget2028 where the plan
 * has costs.plan2028. Nearer by spelling is costs.budget2027, another year's figure, and wrong.
 */
function sameYear(name: string, known: Iterable<string>): string | undefined {
  const shape = (s: string) => s.replace(/(?<![\p{L}\d])\p{L}+(\d{4})(?!\d)/gu, '#$1');
  if (shape(name) === name) return undefined;
  const matches = [...known].filter((k) => k !== name && shape(k) === shape(name));
  return matches.length === 1 ? matches[0] : undefined;
}

/** The first "{{" that no "}}" closes, with what follows it on its line (to find it in the file by). */
export function unclosedAt(text: string): { snippet: string; at: string } | undefined {
  const match = /(^|[^\\])\{\{/.exec(withoutReferences(text));
  if (!match) return undefined;
  const offset = match.index + match[1]!.length;
  const { shown, at } = snippetAt(text, offset, offset + 2, true);
  return { snippet: shown, at };
}

/** The first "}}" that closes no reference ("{ costs.budget2025 }}", one brace too few), with what stands before it on its line. */
export function strayCloseAt(text: string): { snippet: string; at: string } | undefined {
  const match = /(^|[^\\}])\}\}/.exec(withoutReferences(text));
  if (!match) return undefined;
  const end = match.index + match[1]!.length + 2;
  const { shown, at } = snippetAt(text, end - 2, end, false);
  return { snippet: shown, at };
}

/** The text with its complete references blanked out, every other character where it was. */
const withoutReferences = (text: string) => text.replace(REFERENCE_PATTERN, (whole) => ' '.repeat(whole.length));
