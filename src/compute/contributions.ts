// Member contributions: the law's 50/25/25 split and the municipal key, allocated so the total is exact.
import type { ContributionsInput } from '../load/schema.js';
import type { ComputedContributions, ContributionParty } from '../model.js';
import type { PlanIssue } from '../errors.js';
import { formatShare } from '../format.js';
import { allocateColumns, givenAmounts } from './rounding.js';

/** The shares lag (2003:1210) fixes, in hundredths of a percent. */
export const LEGAL_SHARES = { stat: 5000, region: 2500, kommun: 2500 } as const;

const roleNames = { stat: 'staten', region: 'regionen', kommun: 'kommunerna' } as const;

/** A percentage with at most two decimals as an integer count of hundredths, or undefined if finer. */
export function toHundredths(percent: number): number | undefined {
  const scaled = Math.round(percent * 100);
  return Math.abs(percent * 100 - scaled) < 1e-6 ? scaled : undefined;
}

/**
 * For kommun shares that sum to about 100 %: the author gave each kommun's part of the kommuner's
 * quarter, where a share is a part of the whole. Says so, with the first share as it should be.
 */
function partsOfTheQuarter(sum: number, shares: number[]): string {
  if (Math.abs(sum - 10000) > 100) return '';
  const quarter = toHundredths(shares[0]! / 4);
  const example = quarter === undefined ? '' : ` (${shares[0]} blir ${quarter / 100})`;
  return (
    `. En andel är en del av hela medlemsbidraget, inte av kommunernas del: staten 50 %, regionen 25 % och kommunerna tillsammans 25 %. ` +
    `Dela varje kommuns andel med 4${example}`
  );
}

export function computeContributions(input: ContributionsInput): { contributions?: ComputedContributions; issues: PlanIssue[]; warnings: PlanIssue[] } {
  const issues: PlanIssue[] = [];
  const warnings: PlanIssue[] = [];
  const rounding = input.rounding ?? 'largestRemainder';
  const unit = input.unit ?? 'kr';
  const base = ['contributions'];

  const shares: (number | undefined)[] = input.parties.map((party, i) => {
    if (party.share === undefined) {
      const sameRole = input.parties.filter((p) => p.role === party.role);
      if (sameRole.length === 1) return LEGAL_SHARES[party.role];
      issues.push({
        path: [...base, 'parties', i, 'share'],
        message: `andel saknas: när ${roleNames[party.role]} är fler än en part måste varje part ha sin andel`,
      });
      return undefined;
    }
    const hundredths = toHundredths(party.share);
    if (hundredths === undefined) {
      const down = Math.floor(party.share * 100) / 100;
      const up = Math.ceil(party.share * 100) / 100;
      const whole = party.role === 'kommun' ? 'kommunernas andelar tillsammans blir exakt 25' : `${roleNames[party.role]}s andelar tillsammans blir exakt ${LEGAL_SHARES[party.role] / 100}`;
      issues.push({
        path: [...base, 'parties', i, 'share'],
        message: `andelen ${party.share} har fler än två decimaler; en andel anges i procent med högst två decimaler: avrunda till ${down} eller ${up}, så att ${whole}`,
      });
    }
    return hundredths;
  });

  input.parties.forEach((party, i) => {
    if (party.amounts !== undefined && rounding !== 'given') {
      issues.push({ path: [...base, 'parties', i, 'amounts'], message: 'beloppen används bara med "rounding": "given"; lägg till det, eller ta bort "amounts"' });
    }
  });

  for (const role of ['stat', 'region', 'kommun'] as const) {
    const indices = input.parties.map((p, i) => (p.role === role ? i : -1)).filter((i) => i >= 0);
    if (indices.length === 0) {
      issues.push({ path: [...base, 'parties'], message: `${roleNames[role]} saknas bland finansiärerna (role "${role}")` });
      continue;
    }
    if (indices.some((i) => shares[i] === undefined)) continue;
    const sum = indices.reduce((a, i) => a + shares[i]!, 0);
    if (sum !== LEGAL_SHARES[role]) {
      issues.push({
        path: [...base, 'parties', indices[0]!, 'share'],
        message:
          role === 'kommun'
            ? `kommunernas andelar summerar till ${formatShare(sum)} men ska enligt lagen vara exakt ${formatShare(LEGAL_SHARES[role])}${partsOfTheQuarter(sum, indices.map((i) => input.parties[i]!.share!))}`
            : `${roleNames[role]}s andel är ${formatShare(sum)} men ska enligt lagen vara ${formatShare(LEGAL_SHARES[role])}`,
      });
    }
  }

  const ids = new Set<string>();
  const columns = input.columns.map((column, i) => {
    const id = column.id ?? String(column.year);
    if (ids.has(id)) issues.push({ path: [...base, 'columns', i], message: `kolumn-id "${id}" finns redan; ge kolumnen ett eget "id"` });
    ids.add(id);
    if (rounding !== 'given' && column.total === undefined && column.stateAllotment === undefined) {
      issues.push({ path: [...base, 'columns', i], message: 'ange "total" eller "stateAllotment" (eller rounding "given" och beloppen under parties[].amounts)' });
    }
    const total = column.total ?? (column.stateAllotment === undefined ? 0 : (column.stateAllotment * 10000) / LEGAL_SHARES.stat);
    return {
      id,
      year: column.year,
      label: column.label ?? `Medlemsbidrag ${column.year} (${unit})`,
      budgetColumn: column.budgetColumn,
      total,
    };
  });

  if (issues.length > 0) return { issues, warnings };

  const weights = shares as number[];
  let perColumn: number[][];
  if (rounding === 'given') {
    const given = givenAmounts(
      input.parties.map((p, i) => ({ name: p.name, share: weights[i]!, amounts: p.amounts })),
      columns.map((c, i) => ({ ...c, total: input.columns[i]!.total })),
      base,
    );
    if (given.issues.length > 0) return { issues: given.issues, warnings };
    warnings.push(...given.warnings);
    perColumn = given.perColumn;
    columns.forEach((c, i) => (c.total = given.totals[i]!));
  } else {
    perColumn = allocateColumns(columns.map((c) => c.total), weights, columns.map((c) => c.year), rounding);
  }
  const parties: ContributionParty[] = input.parties.map((p, i) => ({
    id: p.id,
    name: p.name,
    share: weights[i]!,
    amounts: perColumn.map((amounts) => amounts[i]!),
  }));
  return {
    issues,
    warnings,
    contributions: {
      caption: input.caption,
      unit,
      partyHeader: input.partyHeader ?? 'Finansiär',
      shareHeader: input.shareHeader ?? 'Andel (%)',
      totalLabel: input.totalLabel ?? 'Totalt',
      columns,
      parties,
      totalShare: weights.reduce((a, b) => a + b, 0),
    },
  };
}
