// Swedish number, percent and date formatting, shared by the templates' helpers and figures in prose.
// The deep imports load one function and one locale, not all of date-fns (a third of a second at start).
import { format as formatDate } from 'date-fns/format';
import { sv } from 'date-fns/locale/sv';

export const NBSP = '\u00a0';
export const MINUS = '\u2212';

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
}

/** An integer as Swedish documents print it: `1 255 000`, `−751`. */
export function formatInteger(value: number): string {
  if (!Number.isSafeInteger(value)) throw new RangeError(`not a safe integer: ${value}`);
  const digits = groupThousands(String(Math.abs(value)));
  return value < 0 ? `${MINUS}${digits}` : digits;
}

/**
 * A fixed-point number given as an integer count of 10^-decimals: (2560, 2) → `25,60`.
 * Keeps money out of floating point all the way to the printed digits.
 */
export function formatFixed(scaled: number, decimals: number): string {
  if (decimals === 0) return formatInteger(scaled);
  const negative = scaled < 0;
  const digits = String(Math.abs(scaled)).padStart(decimals + 1, '0');
  const whole = groupThousands(digits.slice(0, -decimals));
  const text = `${whole},${digits.slice(-decimals)}`;
  return negative && /[1-9]/.test(digits) ? `${MINUS}${text}` : text;
}

/** Integer division rounded half away from zero: 1 500 kr is 2 tkr, −1 500 kr is −2 tkr. */
export function divideRounded(value: number, divisor: number): number {
  const quotient = Math.trunc(value / divisor);
  const remainder = value - quotient * divisor;
  if (2 * Math.abs(remainder) >= divisor) return quotient + Math.sign(value);
  return quotient;
}

/** A unit a number keeps on its line ("50 %", "700 000 kr", "933 tkr"), as a word of its own. */
export const NUMBER_UNIT = String.raw`(?:%|‰|kr|tkr|mkr|Mkr|kkr)(?![\p{L}\d])`;
const UNIT_AFTER_NUMBER = new RegExp(String.raw`(\d) (?=${NUMBER_UNIT})`, 'gu');
/**
 * A number written with its digit groups apart: "2 400", "1 255 000", "(−1 200"; not "2025 400", nor
 * the end of an address or code ("https://example.se/2 400").
 */
const GROUPED_NUMBER = /(?<![^\s(["'«»”’+\-−–—~≈])\d{1,3}(?: \d{3})+(?!\d)/g;

/**
 * Text with no-break spaces where a line must not break: between a number's digit groups and before
 * its unit ("omkring 2 400 personer", "ekonom 50 %"), as typed by hand; only spaces change.
 */
export function keepNumbersTogether(text: string): string {
  if (!/\d /.test(text)) return text;
  return text.replace(GROUPED_NUMBER, (number) => number.replaceAll(' ', NBSP)).replace(UNIT_AFTER_NUMBER, `$1${NBSP}`);
}

/** A share held as hundredths of a percent (1175) printed as `11,75 %`. */
export function formatShare(hundredths: number): string {
  return `${formatFixed(hundredths, 2)}${NBSP}%`;
}

/**
 * A share (hundredths of a percent) in running text, with as few decimals as it has: 5000 → `50`,
 * 1175 → `11,75`, 950 → `9,5`. The contributions table prints all its shares with two (formatFixed).
 */
export function formatShareInText(hundredths: number): string {
  // Two decimals always follow the comma, so only decimals are taken off, never the whole part's zeros.
  return formatFixed(hundredths, 2).replace(/0+$/, '').replace(/,$/, '');
}

/** The total of shares (hundredths of a percent) under a table: `100 %`, or `99,95 %` when it is not whole. */
export function formatPercentTotal(hundredths: number): string {
  return `${hundredths % 100 === 0 ? formatInteger(hundredths / 100) : formatFixed(hundredths, 2)}${NBSP}%`;
}

function parseIsoDate(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(y!, m! - 1, d!);
}

/** `2024-11-28` (iso) or `28 november 2024` (long). */
export function formatDateSv(iso: string, style: 'iso' | 'long' = 'iso'): string {
  if (style === 'iso') return iso;
  return formatDate(parseIsoDate(iso), 'd MMMM yyyy', { locale: sv });
}

/**
 * A section number as printed before its heading: `1.` on the first level, `3.1` and `3.1.1` below
 * (numbering "5.1"), or with a dot after every number, `3.1.` (numbering "5.1.").
 */
export function headingLabel(number: string | null, level: number, numbering: '5.1' | '5.1.' = '5.1'): string {
  if (number === null) return '';
  return level === 1 || numbering === '5.1.' ? `${number}.` : number;
}

/**
 * A moment (an ISO timestamp, as an archive records it in UTC) as a Swedish reader reads it: the
 * machine's local date and time to the minute, "2026-12-03 13:18"; a text that is no moment as it is.
 */
export function formatTimestampSv(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : formatDate(date, 'yyyy-MM-dd HH:mm');
}
