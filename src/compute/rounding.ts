// How member contributions are rounded to whole units, per the plan's "rounding": largest remainder
// (the same member may be rounded up every year), alternating (who is rounded up shifts year by year),
// or amounts the plan gives, checked against the shares (a warning, not a refusal).
import type { JsonPath, PlanIssue } from '../errors.js';
import { formatInteger, formatShare } from '../format.js';
import { allocate } from './allocate.js';

export type Rounding = 'largestRemainder' | 'alternate' | 'given';

/**
 * Each column's total split by the weights, parts adding up exactly. With "alternate" the leftover
 * units go, among the parts with a remainder, to those rounded up the fewest times in earlier
 * columns (by year), then to the largest remainder, then to the earlier part.
 */
export function allocateColumns(totals: readonly number[], weights: readonly number[], years: readonly number[], rounding: Rounding): number[][] {
  if (rounding !== 'alternate') return totals.map((t) => allocate(t, weights));
  const sum = BigInt(weights.reduce((a, b) => a + b, 0));
  const ups = weights.map(() => 0);
  const out: number[][] = totals.map(() => []);
  const byYear = totals.map((_, i) => i).sort((a, b) => years[a]! - years[b]! || a - b);
  for (const ci of byYear) {
    const total = totals[ci]!;
    const sign = total < 0 ? -1 : 1;
    const magnitude = BigInt(Math.abs(total));
    const parts = weights.map((w) => ({ floor: (magnitude * BigInt(w)) / sum, remainder: (magnitude * BigInt(w)) % sum }));
    let left = magnitude - parts.reduce((a, p) => a + p.floor, 0n);
    const order = parts
      .map((p, index) => ({ index, remainder: p.remainder }))
      .filter((p) => p.remainder > 0n)
      .sort((a, b) => ups[a.index]! - ups[b.index]! || (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
    const result = parts.map((p) => p.floor);
    for (const { index } of order) {
      if (left === 0n) break;
      result[index]! += 1n;
      ups[index]!++;
      left -= 1n;
    }
    out[ci] = result.map((v) => sign * Number(v));
  }
  return out;
}

export interface GivenParty {
  name: string;
  /** Hundredths of a percent. */
  share: number;
  amounts: Record<string, number> | undefined;
}

/**
 * Amounts the plan gives ("given"): each party must have one for each column; a column's total is
 * their sum (a total the plan states must equal it). An amount that is not its share of the total,
 * rounded either way, is a warning.
 */
export function givenAmounts(
  parties: readonly GivenParty[],
  columns: readonly { id: string; label: string; total: number | undefined }[],
  base: JsonPath,
): { perColumn: number[][]; totals: number[]; issues: PlanIssue[]; warnings: PlanIssue[] } {
  const issues: PlanIssue[] = [];
  const warnings: PlanIssue[] = [];
  const perColumn = columns.map((column) =>
    parties.map((party, pi) => {
      const value = party.amounts?.[column.id];
      if (value === undefined) {
        issues.push({
          path: [...base, 'parties', pi, 'amounts'],
          message: `${party.name} saknar belopp för ${column.label}: med rounding "given" anger planen beloppen; skriv amounts.${column.id}`,
        });
      }
      return value ?? 0;
    }),
  );
  const totals = perColumn.map((amounts) => amounts.reduce((a, b) => a + b, 0));
  columns.forEach((column, ci) => {
    const total = totals[ci]!;
    if (column.total !== undefined && column.total !== total) {
      issues.push({
        path: [...base, 'columns', ci, 'total'],
        message: `beloppen för ${column.label} summerar till ${formatInteger(total)}, inte ${formatInteger(column.total)}; rätta ett belopp eller ta bort "total"`,
      });
    }
    parties.forEach((party, pi) => {
      const amount = perColumn[ci]![pi]!;
      const exact = (total * party.share) / 10000;
      if (Math.abs(amount - exact) >= 1) {
        warnings.push({
          path: [...base, 'parties', pi, 'amounts', column.id],
          message: `${party.name} betalar ${formatInteger(amount)} för ${column.label}, men andelen ${formatShare(party.share)} av ${formatInteger(total)} är ${formatInteger(Math.round(exact))}`,
        });
      }
    });
  });
  return { perColumn, totals, issues, warnings };
}
