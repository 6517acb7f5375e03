// Steps that check the budget's references before anything is computed: column ids in values, names
// (ids) used once, where each row's value comes from, varav rows, and unused specifications.
import type { JsonPath, PlanIssue } from '../../errors.js';
import { suggest } from '../../load/messages.js';
import type { RowInput } from '../../load/schema.js';
import { unknownColumn, unknownValueColumns } from './columns.js';
import { BASE, report, type TreeState } from './state.js';

/** Specifications: unique ids, known columns in their values and column labels. */
export function checkDetails(state: TreeState): TreeState {
  const issues: PlanIssue[] = [];
  const fromSheet = state.input.from !== undefined;
  const seen = new Set<string>();
  (state.input.details ?? []).forEach((d, i) => {
    const path = [...BASE, 'details', i];
    if (seen.has(d.id)) issues.push({ path: [...path, 'id'], message: `specifikationen "${d.id}" finns redan` });
    seen.add(d.id);
    d.rows.forEach((r, j) => {
      if (r.values === undefined && !fromSheet) issues.push(noAmounts([...path, 'rows', j], r.label, 'raden', ''));
      (r.varav ?? []).forEach((v, k) => {
        if (v.values === undefined && !v.remainder && !fromSheet) issues.push(noAmounts([...path, 'rows', j, 'varav', k], v.label, 'varav-raden', ', eller "remainder": true för det som återstår av huvudraden'));
      });
      issues.push(...unknownValueColumns(state, r.values, [...path, 'rows', j]));
      (r.varav ?? []).forEach((v, k) => issues.push(...unknownValueColumns(state, v.values, [...path, 'rows', j, 'varav', k])));
    });
    for (const id of Object.keys(d.columnLabels ?? {})) issues.push(...unknownColumn(state, id, [...path, 'columnLabels', id]));
  });
  return report(state, issues);
}

/** Ids of specifications, their rows, groups, rows and varav rows: each name is used once. */
export function checkNames(state: TreeState): TreeState {
  const issues: PlanIssue[] = [];
  const named = new Map<string, JsonPath>();
  const claim = (id: string | undefined, path: JsonPath) => {
    if (id === undefined) return;
    const earlier = named.get(id);
    if (earlier) issues.push({ path: [...path, 'id'], message: `id "${id}" används redan (${earlier.join('.')})` });
    else named.set(id, path);
  };
  (state.input.details ?? []).forEach((d, i) => {
    claim(d.id, [...BASE, 'details', i]);
    d.rows.forEach((r, j) => {
      claim(r.id, [...BASE, 'details', i, 'rows', j]);
      (r.varav ?? []).forEach((v, k) => claim(v.id, [...BASE, 'details', i, 'rows', j, 'varav', k]));
    });
  });
  state.groups.forEach((g) => claim(g.input.id, g.path));
  for (const row of state.rows) {
    claim(row.input.id, row.path);
    row.varav.forEach((v) => claim(v.input.id, v.path));
  }
  return report(state, issues);
}

/** Each budget row: known columns, one source of its value, and varav rows that can be computed. */
export function checkRows(state: TreeState): TreeState {
  const issues: PlanIssue[] = [];
  const fromSheet = state.input.from !== undefined;
  for (const row of state.rows) {
    const r = row.input;
    issues.push(...unknownValueColumns(state, r.values, row.path));
    row.varav.forEach((v) => issues.push(...unknownValueColumns(state, v.input.values, v.path)));
    const sources = [r.detail !== undefined, r.balance !== undefined, r.source !== undefined].filter(Boolean).length;
    if (sources > 1) issues.push({ path: row.path, message: 'en rad kan bara ha en av "detail", "balance" och "source"' });
    // A row with no amounts at all would print empty and count for nothing in every sum: a forgotten
    // "values" (unless a sheet, budget.from, gives the amounts: they are put in after a first computation).
    if (sources === 0 && r.values === undefined && !fromSheet) issues.push(noAmounts(row.path, r.label, 'raden', ', eller låt raden få sitt värde med "detail", "balance" eller "source"'));
    for (const v of row.varav) {
      if (v.input.values === undefined && !v.input.remainder && !fromSheet) issues.push(noAmounts(v.path, v.input.label, 'varav-raden', ', eller "remainder": true för det som återstår av huvudraden'));
    }
    if (r.detail !== undefined && r.values !== undefined) {
      issues.push({ path: [...row.path, 'values'], message: 'raden får sina värden från specifikationen; ta bort "values"' });
    }
    if (typeof r.balance === 'object') {
      (r.balance.columns ?? []).forEach((id, i) => issues.push(...unknownColumn(state, id, [...row.path, 'balance', 'columns', i])));
    }
    if (r.source !== undefined) issues.push(...sourceIssues(state, row.path, r.source, r.values !== undefined));
    const remainders = row.varav.filter((v) => v.input.remainder);
    if (remainders.length > 1) issues.push({ path: remainders[1]!.path, message: 'bara en varav-rad kan ta det som återstår ("remainder")' });
    for (const v of row.varav) {
      if (v.input.remainder && v.input.values !== undefined) {
        issues.push({ path: [...v.path, 'values'], message: 'en varav-rad med "remainder" räknas ut; ta bort "values"' });
      }
    }
  }
  return report(state, issues);
}

/** A row without "values" and nothing else to take its value from. */
function noAmounts(path: JsonPath, label: string, what: string, otherwise: string): PlanIssue {
  return {
    path,
    message: `${what} "${label}" har inga belopp; skriv "values" med ett belopp per kolumn (null för en tom cell)${otherwise}`,
  };
}

/** A specification no row uses is printed nowhere: worth a warning. */
export function warnUnusedDetails(state: TreeState): TreeState {
  const warnings = (state.input.details ?? []).flatMap((d, i) =>
    state.detailUsers.has(d.id) ? [] : [{ path: [...BASE, 'details', i], message: `specifikationen "${d.id}" används inte av någon budgetrad` }],
  );
  return report(state, [], warnings);
}

/**
 * Whether a row takes member contributions that could not be computed: the budget is then not computed
 * on, whose results would be wrong; the contributions' errors are the plan's.
 */
export const takesRefusedContributions = (state: TreeState): boolean =>
  state.context.contributionsRefused === true && state.rows.some((row) => row.input.source !== undefined);

/** A row whose value is the member contributions (the total, or one party's part) needs them in the budget. */
function sourceIssues(state: TreeState, path: JsonPath, source: NonNullable<RowInput['source']>, hasValues: boolean): PlanIssue[] {
  // Contributions that could not be computed: their own errors say why, and the budget is not computed
  // on (takesRefusedContributions); a line per row that takes them would only repeat those errors.
  if (state.context.contributionsRefused) return [];
  if (state.context.contributionTotals.size === 0) {
    if (hasValues) return [];
    return [{ path: [...path, 'source'], message: 'raden hämtar medlemsbidragen, men ingen kolumn i "contributions" har "budgetColumn"' }];
  }
  if (source === 'contributions') return [];
  const parties = state.context.contributionParts ?? new Map<string, unknown>();
  if (parties.has(source.contributions)) return [];
  const hint = suggest(source.contributions, parties.keys());
  const known = [...parties.keys()];
  return [
    {
      path: [...path, 'source', 'contributions'],
      message: `finansiären "${source.contributions}" finns inte bland contributions.parties${hint ? ` – menade du "${hint}"?` : ''}; ${
        known.length > 0 ? `finansiärerna med id är ${known.join(', ')}` : 'ge finansiären ett "id"'
      }`,
    },
  ];
}
