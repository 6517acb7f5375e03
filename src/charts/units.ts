// Amounts in a chart's unit, Swedish style: "3 336 600 kr", "3 337 tkr", "3,3 mkr", "−751 kr".
import { divideRounded, formatFixed, formatInteger, NBSP } from '../format.js';
import type { Unit } from '../model.js';
import type { ChartUnit } from './model.js';

const krPer: Record<ChartUnit, number> = { kr: 1, tkr: 1000, mkr: 1_000_000 };
/** mkr with one decimal, as budgets talk about millions; kr and tkr whole. */
const decimals: Record<ChartUnit, number> = { kr: 0, tkr: 0, mkr: 1 };

/** An amount in `from` (the budget's unit) as an integer count of the chart unit's last printed digit. */
function scaled(amount: number, from: Unit, to: ChartUnit): number {
  const factor = krPer[from] * 10 ** decimals[to];
  const divisor = krPer[to];
  // Both are powers of ten: multiply first when the target is finer, else divide once and round.
  return factor >= divisor ? amount * (factor / divisor) : divideRounded(amount, divisor / factor);
}

/**
 * The amount as a number in the chart's unit, for the scale: exact, not rounded as printed, so that a
 * bar is as long as its amount (0,1 mkr is printed for 102 000 kr and for 50 000 kr; their bars differ).
 */
export function chartValue(amount: number, from: Unit, to: ChartUnit): number {
  return (amount * krPer[from]) / krPer[to];
}

/** The amount as printed, with its unit. */
export function chartAmount(amount: number, from: Unit, to: ChartUnit): string {
  const digits = decimals[to] === 0 ? formatInteger(scaled(amount, from, to)) : formatFixed(scaled(amount, from, to), decimals[to]);
  return `${digits}${NBSP}${to}`;
}

/**
 * A whole percent of a total, rounded half away from zero: "57 %"; undefined without a positive total.
 * A part (0 ≤ part ≤ total: the charts give shares only of costs that are all positive) that is neither
 * nothing nor all never rounds to either: "<1 %" and ">99 %" instead of a "0 %" beside an amount that
 * is not zero (a small row of a large budget).
 */
export function wholePercent(part: number, total: number): string | undefined {
  if (total <= 0) return undefined;
  const percent = divideRounded(part * 100, total);
  if (percent === 0 && part > 0) return `<1${NBSP}%`;
  if (percent === 100 && part < total) return `>99${NBSP}%`;
  return `${formatInteger(percent)}${NBSP}%`;
}
