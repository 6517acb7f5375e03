// vplan next, the member contributions: each column of the table moves a year on, with the budget
// column it feeds (budgetColumn), and takes the money the old plan had for its new year.
import type { PlanIssue } from '../errors.js';
import { formatInteger } from '../format.js';
import type { ColumnMove } from './columns.js';
import { isObject, shiftYears, type Json } from './shared.js';

export interface MovedContributions {
  contributions: Json;
  /** Each column's old id and new one ({{ contributions.total.2025 }} → 2026), for the texts. */
  moves: ColumnMove[];
  /** The new budget columns that take their member contributions from the table. */
  fed: Set<string>;
  warnings: PlanIssue[];
}

/** Where the old plan wrote a budget column's member contributions: the rows with `source`. */
interface OldBudget {
  rows: Json[];
  ids: string[];
  unit: string;
}

const MONEY = ['total', 'stateAllotment'];
const idOf = (c: Json) => (typeof c.id === 'string' ? c.id : String(c.year));

/** Every row under the income side (groups' rows too) that takes a member's contribution (`source`). */
function sourceRows(rows: unknown): Json[] {
  if (!Array.isArray(rows)) return [];
  return rows.flatMap((row) => (!isObject(row) ? [] : [...('source' in row ? [row] : []), ...sourceRows(row.rows)]));
}

/**
 * The money of a budget column whose member contributions the old plan wrote in the rows (a plan year
 * beside a table of the budget years): their sum as the total, and each member's amount. Undefined when
 * the rows do not give every member's amount, or give it in another unit than the table's.
 */
function fromRows(old: OldBudget, contributions: Json, columnId: string): { total: number; byParty: Map<string, number> } | undefined {
  if (old.unit !== (contributions.unit ?? 'kr')) return undefined;
  const at = (row: Json): unknown => (Array.isArray(row.values) ? row.values[old.ids.indexOf(columnId)] : isObject(row.values) ? row.values[columnId] : undefined);
  const rows = sourceRows(old.rows);
  const whole = rows.find((row) => row.source === 'contributions' && typeof at(row) === 'number');
  const byParty = new Map<string, number>();
  for (const row of rows) {
    const value = at(row);
    if (isObject(row.source) && typeof row.source.contributions === 'string' && typeof value === 'number') byParty.set(row.source.contributions, value);
  }
  const parties = Array.isArray(contributions.parties) ? contributions.parties.filter(isObject) : [];
  const all = parties.length > 0 && parties.every((p) => typeof p.id === 'string' && byParty.has(p.id));
  if (whole) return { total: Number(at(whole)), byParty: all ? byParty : new Map() };
  return all ? { total: [...byParty.values()].reduce((a, b) => a + b, 0), byParty } : undefined;
}

/** What a new column's money is taken from, and whether it is another year's. */
type Money = { column: Json; otherYear: boolean } | { rows: { total: number; byParty: Map<string, number> } };

export function moveContributions(value: Json, budgetMoves: ColumnMove[], old: OldBudget | undefined, columnName: (newId: string) => string): MovedContributions {
  const oldColumns = Array.isArray(value.columns) ? value.columns.filter(isObject) : [];
  const warnings: PlanIssue[] = [];
  const moves: ColumnMove[] = [];
  const fed = new Set<string>();
  const moneyOf = new Map<string, Money>();
  const otherYears: number[] = [];
  const unit = typeof value.unit === 'string' ? value.unit : 'kr';
  const columns = (Array.isArray(value.columns) ? value.columns : []).map((c, i) => {
    if (!isObject(c) || typeof c.year !== 'number') return c;
    const year = c.year + 1;
    const newId = typeof c.id === 'string' ? shiftYears(c.id) : String(year);
    moves.push({ oldId: idOf(c), newId, sourceId: idOf(c), year, kind: 'contributions' });
    const column: Json = { ...Object.fromEntries(Object.entries(c).filter(([k]) => !MONEY.includes(k))), year };
    if (typeof c.label === 'string') column.label = shiftYears(c.label);
    // The budget column it fed, a year on: the table feeds it still when it starts from the old plan's
    // amounts, not when it starts empty (an outcome to fill in, a new last plan year), where the
    // contributions alone would make the year's result.
    const budget = typeof c.budgetColumn === 'string' ? budgetMoves.find((m) => m.oldId === c.budgetColumn) : undefined;
    const source = budget?.sourceId;
    if (budget) {
      if (source !== undefined) {
        column.budgetColumn = budget.newId;
        fed.add(budget.newId);
      } else {
        delete column.budgetColumn;
        const name = columnName(budget.newId);
        warnings.push({
          path: ['contributions', 'columns', i],
          message:
            budget.kind === 'utfall'
              ? `medlemsbidragen ${year} hämtas inte längre till ${name} (budgetColumn togs bort), som står tom tills utfallet är ifyllt; skriv budgetColumn: ${budget.newId} på kolumnen om utfallet är de beslutade beloppen, annars utfallet i raderna`
              : `medlemsbidragen ${year} hämtas inte till ${name} (budgetColumn togs bort), som är ny och tom (med bidragen men inga kostnader blev årets resultat hela bidraget); skriv budgetColumn: ${budget.newId} på kolumnen när kostnaderna för ${year} är ifyllda`,
        });
      }
    }
    // Its money: the old table's for the budget column it now feeds, else the old table's for its year,
    // else what the old plan's rows had for that budget column, else its own (last year's, said).
    const linked = source !== undefined ? oldColumns.find((o) => o.budgetColumn === source) : undefined;
    const sameYear = oldColumns.find((o) => o.year === year);
    const found = source !== undefined && !linked && !sameYear && old ? fromRows(old, value, source) : undefined;
    // With rounding "given" the table needs each member's amount, not only the total.
    const rows = found && (value.rounding !== 'given' || found.byParty.size > 0) ? found : undefined;
    const money: Money = rows ? { rows } : { column: linked ?? sameYear ?? c, otherYear: !linked && !sameYear };
    moneyOf.set(newId, money);
    if (!('rows' in money)) moves[moves.length - 1]!.sourceId = idOf(money.column);
    if ('rows' in money) column.total = money.rows.total;
    else {
      for (const key of MONEY) if (key in money.column) column[key] = money.column[key];
      if (money.otherYear) {
        otherYears.push(year);
        const what = MONEY.filter((key) => typeof c[key] === 'number').map((key) => `${key === 'total' ? 'totalen' : 'statens tilldelning'} ${formatInteger(Number(c[key]))} ${unit}`);
        if (what.length > 0) {
          warnings.push({ path: ['contributions', 'columns', i], message: `medlemsbidragen ${year} har fått ${c.year} års belopp (${what.join(', ')}); skriv det som beslutas för ${year}` });
        }
      }
    }
    return column;
  });
  const contributions: Json = { ...value, columns };
  // Given amounts (rounding "given") are keyed by their column: each new column's from where its money is.
  if (Array.isArray(value.parties)) {
    let moved = false;
    contributions.parties = value.parties.map((party) => {
      if (!isObject(party) || !isObject(party.amounts)) return party;
      const amounts: Json = {};
      for (const [newId, money] of moneyOf) {
        const amount = 'rows' in money ? (typeof party.id === 'string' ? money.rows.byParty.get(party.id) : undefined) : party.amounts[idOf(money.column)];
        if (amount !== undefined) amounts[newId] = amount;
        if (amount !== undefined && !('rows' in money) && money.otherYear) moved = true;
      }
      return { ...party, amounts };
    });
    if (moved) {
      const years = otherYears.join(', ');
      warnings.push({ path: ['contributions', 'parties'], message: `medlemsbidragens belopp (parties[].amounts) är förra årets, flyttade till ${years}; skriv de belopp som beslutas för ${years}` });
    }
  }
  return { contributions, moves, fed, warnings };
}

/** The member rows' values in the budget columns the table now feeds: the table's amounts replace them. */
export function withoutFedValues(rows: unknown, fed: Set<string>, newIds: string[]): unknown {
  if (!Array.isArray(rows) || fed.size === 0) return rows;
  return rows.map((row) => {
    if (!isObject(row)) return row;
    const out: Json = { ...row };
    if (Array.isArray(row.rows)) out.rows = withoutFedValues(row.rows, fed, newIds);
    if (!('source' in row)) return out;
    if (Array.isArray(row.values)) out.values = row.values.map((v, i) => (fed.has(newIds[i]!) ? null : v));
    else if (isObject(row.values)) out.values = Object.fromEntries(Object.entries(row.values).filter(([id]) => !fed.has(id)));
    return out;
  });
}
