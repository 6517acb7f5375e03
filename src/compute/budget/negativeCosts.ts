// Step: a negative amount on a cost row, or in a specification a cost row sums. Costs are written as
// positive numbers (costSign "negative" only prints them negative), so −150 000 lowers the costs: right
// for a correction or a repayment, wrong for a cost typed as the printed table shows it. A warning, at
// the value, that the plan can acknowledge.
import { formatInteger } from '../../format.js';
import type { JsonPath, PlanIssue } from '../../errors.js';
import { writtenValue } from './columns.js';
import { leafRows } from './leafRows.js';
import { report, type StartState } from './state.js';

type Values = Record<string, number | null>;

interface CostRow {
  /** As the message names the row. */
  name: string;
  /** As its code names it: the row's text, in a specification after the specification's id. */
  key: string;
  values: Values | undefined;
  path: JsonPath;
}

/** Every cost row with its own values, and the rows of each specification a cost row takes its value from. */
function costRows(state: StartState): CostRow[] {
  const rows: CostRow[] = [];
  const details = new Set<string>();
  for (const { row, path } of leafRows(state.input, 'costs')) {
    rows.push({ name: `kostnadsraden "${row.label}"`, key: row.label, values: row.values, path });
    if (row.detail !== undefined) details.add(row.detail);
  }
  (state.input.details ?? []).forEach((detail, i) => {
    if (!details.has(detail.id)) return;
    const name = (label: string) => `raden "${label}" i specifikationen ${detail.title?.trim() || detail.id}`;
    detail.rows.forEach((row, j) => rows.push({ name: name(row.label), key: `${detail.id}/${row.label}`, values: row.values, path: ['budget', 'details', i, 'rows', j] }));
  });
  return rows;
}

export function negativeCosts(state: StartState): StartState {
  const { columns, unit, costSign } = state.input;
  const rows = costRows(state);
  const count = new Map<string, number>();
  for (const row of rows) count.set(row.key, (count.get(row.key) ?? 0) + 1);
  const warnings: PlanIssue[] = [];
  for (const row of rows) {
    // A value written in a list stands at its position, one written by column id under the id.
    const negative = Object.entries(row.values ?? {}).flatMap(([key, value]) => {
      if (value === null || value >= 0) return [];
      return [{ ...writtenValue(columns, key), value }];
    });
    if (negative.length === 0) continue;
    const amounts = negative.map((n) => `${formatInteger(n.value)} ${unit} i ${n.column}`).join(', ');
    const sign = costSign === 'negative' ? ' (costSign: negative skriver kostnaderna negativa i tabellen; i planen skrivs de positiva)' : '';
    warnings.push({
      path: [...row.path, 'values', negative[0]!.at],
      // By the row's text where it is the only cost row of that text; else by where it stands.
      ...(count.get(row.key) === 1 ? { code: `negativeCost:${row.key}` } : {}),
      message: `${row.name} har ${negative.length === 1 ? 'ett negativt belopp' : 'negativa belopp'} (${amounts}), som minskar kostnaderna; en kostnad skrivs som ett positivt tal${sign}. Är det en rättelse eller återbetalning, kvittera varningen; annars skriv beloppet utan minustecken`,
    });
  }
  return report(state, [], warnings);
}
