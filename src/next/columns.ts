// vplan next, the budget's columns: each moves a year on and starts from the old plan's amounts for its
// year and kind, its rows' values follow it, and the capital chain continues from what the old plan computed.
import type { PlanIssue } from '../errors.js';
import type { BudgetColumn, ComputedBudget } from '../model.js';
import { isObject, shiftYears, type Json } from './shared.js';

export interface ColumnMove {
  oldId: string;
  newId: string;
  /** The old column whose amounts the new one starts from; undefined: it starts empty. */
  sourceId: string | undefined;
  /** The new column's year and kind. */
  year: number;
  kind: string;
}

/**
 * Where a new column's amounts come from: the old column of its kind and year, else (a prognos starts
 * from the budget, a budget year from the plan) the old budget or plan for its year; a budget year the
 * old plan had no amounts for starts from the year before. An outcome (utfall) is never another kind's
 * figures: without an old outcome for its year it starts empty, to be filled in from the accounts.
 */
function sourceOf(columns: BudgetColumn[], moves: ColumnMove[], kind: string, year: number): string | undefined {
  const find = (kinds: string[], y: number) => {
    for (const k of kinds) {
      const c = columns.find((x) => x.kind === k && x.year === y);
      if (c) return c.id;
    }
    return undefined;
  };
  if (kind === 'utfall') return find(['utfall'], year);
  return (
    find([kind], year) ??
    (kind === 'prognos' ? find(['budget', 'plan'], year) : find(['budget', 'plan', 'prognos'], year)) ??
    (kind === 'budget' ? moves[moves.length - 1]?.sourceId ?? find(['budget', 'prognos'], year - 1) : undefined)
  );
}

/** The columns one year on, each with where its amounts come from. */
export function moveColumns(columns: BudgetColumn[], raw: Json[]): { moves: ColumnMove[]; columns: Json[] } {
  const moves: ColumnMove[] = [];
  const newColumns = columns.map((c, i) => {
    const year = c.year + 1;
    const given = raw[i] ?? {};
    const id = typeof given.id === 'string' && /\d{4}/.test(given.id) ? shiftYears(given.id) : `${c.kind}${year}`;
    moves.push({ oldId: c.id, newId: id, sourceId: sourceOf(columns, moves, c.kind, year), year, kind: c.kind });
    const column: Json = { ...given, kind: c.kind, year };
    if (typeof given.id === 'string') column.id = id;
    if (typeof given.label === 'string') column.label = shiftYears(given.label);
    return column;
  });
  return { moves, columns: newColumns };
}

/**
 * A row's values by the new columns, from the old ones: a list stays a list (one value per column, null
 * for a column with nothing to start from), an object is keyed by the new column ids.
 */
function moveValues(values: unknown, oldIds: string[], moves: ColumnMove[]): unknown {
  if (values === undefined) return undefined;
  const byId: Json = Array.isArray(values) ? Object.fromEntries(values.map((v, i) => [oldIds[i], v])) : isObject(values) ? values : {};
  if (Array.isArray(values)) return moves.map((move) => (move.sourceId !== undefined ? byId[move.sourceId] ?? null : null));
  const out: Json = {};
  for (const move of moves) {
    const v = move.sourceId !== undefined ? byId[move.sourceId] : undefined;
    if (v !== undefined) out[move.newId] = v;
  }
  return out;
}

export function moveRows(rows: unknown, oldIds: string[], moves: ColumnMove[]): unknown {
  if (!Array.isArray(rows)) return rows;
  return rows.map((row) => {
    if (!isObject(row)) return row;
    const out: Json = { ...row };
    if ('values' in row) out.values = moveValues(row.values, oldIds, moves);
    if (Array.isArray(row.rows)) out.rows = moveRows(row.rows, oldIds, moves);
    if (Array.isArray(row.varav)) out.varav = moveRows(row.varav, oldIds, moves);
    if (isObject(row.balance) && Array.isArray(row.balance.columns)) {
      out.balance = { ...row.balance, columns: row.balance.columns.map((id) => moves.find((m) => m.oldId === id)?.newId ?? id) };
    }
    return out;
  });
}

/** Opening capital: what the old plan computed for that year, so the chain of capital continues. */
export function moveCapital(capital: unknown, moves: ColumnMove[], old: ComputedBudget): unknown {
  if (!isObject(capital)) return capital;
  const out: Json = { ...capital };
  const newId = (id: string) => moves.find((m) => m.oldId === id)?.newId ?? id;
  const oldIndex = (kinds: string[], year: number) => {
    for (const kind of kinds) {
      const i = old.columns.findIndex((c) => c.kind === kind && c.year === year);
      if (i >= 0) return i;
    }
    return -1;
  };
  if (isObject(capital.opening)) {
    const opening: Json = {};
    for (const [id, value] of Object.entries(capital.opening)) {
      const move = moves.find((m) => m.oldId === id);
      if (!move) continue;
      const same = oldIndex(['budget', 'prognos', 'plan'], move.year);
      const before = oldIndex(['prognos', 'budget', 'plan'], move.year - 1);
      const computed = same >= 0 ? old.totals.openingCapital[same] : before >= 0 ? old.totals.closingCapital[before] : null;
      opening[move.newId] = computed ?? value;
    }
    out.opening = opening;
  }
  if (isObject(capital.carryForward)) {
    out.carryForward = Object.fromEntries(Object.entries(capital.carryForward).map(([to, from]) => [newId(to), typeof from === 'string' ? newId(from) : from]));
  }
  return out;
}

const KIND_NAMES: Record<string, string> = { budget: 'budget', prognos: 'prognos', utfall: 'utfall', plan: 'plan' };

/**
 * What the user must know of each new column: one that starts empty (a new last plan year, an outcome
 * the old plan could not know), one that starts from another year's amounts, a prognos that starts from
 * the budget. `carried` names the column that carries its capital on from another (capital.carryForward).
 */
export function columnWarnings(moves: ColumnMove[], old: ComputedBudget, carried: (id: string) => string | undefined): PlanIssue[] {
  const warnings: PlanIssue[] = [];
  const label = (c: BudgetColumn) => c.label || `${KIND_NAMES[c.kind]} ${c.year}`;
  moves.forEach((m, i) => {
    const path = ['budget', 'columns', i];
    const name = `${KIND_NAMES[m.kind] ?? m.kind} ${m.year}`;
    if (m.sourceId === undefined) {
      if (m.kind === 'utfall') {
        const had = old.columns.find((c) => c.year === m.year);
        const next = carried(m.newId);
        warnings.push({
          path,
          message:
            `kolumnen utfall ${m.year} står tom: förra årets plan har inget utfall för ${m.year}${had ? ` (den hade ${label(had)}, som inte är utfallet)` : ''}; ` +
            `fyll i utfallet för ${m.year} ur bokslutet${next ? `. Tills dess förs kapitalet till ${next} som om ${m.year} gick jämnt ut` : ''}`,
        });
      } else warnings.push({ path, message: `kolumnen ${name} är ny och tom; fyll i beloppen` });
      return;
    }
    const from = old.columns.find((c) => c.id === m.sourceId);
    if (!from) return;
    // A new budget year the old plan had no figures for starts from another year's: said, so that they are not taken for its own.
    if (from.year !== m.year) {
      warnings.push({ path, message: `kolumnen ${name} är ny och har fått beloppen från ${label(from)}; skriv ${m.year} års belopp` });
    } else if (m.kind === 'prognos' && from.kind !== 'prognos') {
      warnings.push({ path, message: `kolumnen ${name} har fått beloppen från ${label(from)}, inte en prognos; skriv prognosen för ${m.year}` });
    }
  });
  return warnings;
}
