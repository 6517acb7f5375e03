// A budget cell that takes the member contributions, given another figure in the sheet: what vplan
// computes it from (a party's share and the year's state allotment or total), and what to change in the
// plan instead, written in the plan's form (YAML `share: 9.5`, JSON `"share": 9.5`).
import type { PlanForm } from '../load/loadPlan.js';
import type { PlanInput } from '../load/schema.js';
import type { ContributionSource } from './tables.js';
import { LEGAL_SHARES } from '../compute/contributions.js';

/** Where a contribution cell's amount comes from and what to change; undefined when the plan has no such column. */
export function contributionAdvice(source: ContributionSource, input: PlanInput, form: PlanForm): string | undefined {
  const contributions = input.contributions;
  const column = contributions?.columns.find((c) => c.budgetColumn === source.budgetColumn);
  if (!contributions || !column) return undefined;
  const key = (name: string, value: number | string) => (form === 'json' ? `"${name}": ${value}` : `${name}: ${value}`);
  const year = column.year;
  const party = source.party === undefined ? undefined : contributions.parties.find((p) => p.id === source.party);
  const what = party ? `medlemsbidraget ${year} för ${party.name}` : `medlemsbidragens total ${year}`;

  if (contributions.rounding === 'given') {
    const where = party ? `under amounts för ${party.name} i contributions.parties` : 'under amounts i contributions.parties (totalen är deras summa)';
    return `${what} står i planen (${key('rounding', form === 'json' ? '"given"' : 'given')}), inte i bladet; vill du ändra det, ändra beloppet ${where}`;
  }
  const totalKey = column.total !== undefined ? 'total' : 'stateAllotment';
  const base =
    column.total !== undefined
      ? `medlemsbidragens total ${year} (${key('total', column.total)} under contributions.columns)`
      : `statens tilldelning ${year} (${key('stateAllotment', column.stateAllotment ?? 0)} under contributions.columns)`;
  if (!party) {
    const from = column.total !== undefined ? `står i planen (${key('total', column.total)} under contributions.columns)` : `räknas ur ${base}`;
    return `${what} ${from}, inte i bladet; vill du ändra den, ändra ${totalKey} för ${year} i planen`;
  }
  const share = party.share === undefined ? `lagens andel, ${LEGAL_SHARES[party.role] / 100} %,` : `andelen (${key('share', party.share)} under contributions.parties)`;
  const change = party.share === undefined ? `${totalKey} för ${year}` : `share för ${party.name} eller ${totalKey} för ${year}`;
  return `${what} räknas ur ${share} och ${base}, inte ur bladet; vill du ändra det, ändra ${change} i planen`;
}
