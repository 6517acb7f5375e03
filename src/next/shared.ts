// vplan next: what its parts share.
export type Json = Record<string, unknown>;
export const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

/** A year 1990–2100 as a word: not part of a longer number, nor a law's number ("2003:1210"). */
export const YEAR = /(?<![\d:])(199\d|20\d\d|2100)(?![\d:])/g;

/**
 * Every year 1990–2100 in a text one later: "Budget 2025 och plan 2026–2027" → "Budget 2026 och plan
 * 2027–2028". A law's number ("2003:1210") is not a year.
 */
export function shiftYears(text: string): string {
  return text.replace(YEAR, (year) => String(Number(year) + 1));
}
