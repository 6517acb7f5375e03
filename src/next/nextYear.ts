// vplan next: next year's plan from this one. Every budget column moves on a year (this year's budget
// becomes last year's column, a prognos for the current year, plan years advance), each new column
// starts from the amounts the old plan had for its year, opening capital is the closing capital the old
// plan computed, figures quoted in the text follow their columns, and the plan is a proposal again.
import type { JsonPath, PlanIssue } from '../errors.js';
import type { BudgetColumn, ComputedBudget } from '../model.js';
import { REFERENCE_PATTERN } from '../compute/references.js';
import { moveCharts } from '../charts/next.js';
import { forEachString } from '../jsonPath.js';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Every year 1990–2100 in a text one later: "Budget 2025 och plan 2026–2027" → "Budget 2026 och plan
 * 2027–2028". A law's number ("2003:1210") is not a year.
 */
export function shiftYears(text: string): string {
  return text.replace(/(?<![\d:])(199\d|20\d\d|2100)(?![\d:])/g, (year) => String(Number(year) + 1));
}

interface ColumnMove {
  oldId: string;
  newId: string;
  /** The old column whose amounts the new one starts from, if any. */
  sourceId: string | undefined;
  year: number;
  kind: string;
}

/** The columns one year on, each with where its amounts come from. */
function moveColumns(columns: BudgetColumn[], raw: Json[]): { moves: ColumnMove[]; columns: Json[] } {
  const find = (kinds: string[], year: number) => {
    for (const kind of kinds) {
      const c = columns.find((x) => x.kind === kind && x.year === year);
      if (c) return c.id;
    }
    return undefined;
  };
  const moves: ColumnMove[] = [];
  const newColumns = columns.map((c, i) => {
    const year = c.year + 1;
    const given = raw[i] ?? {};
    const id = typeof given.id === 'string' && /\d{4}/.test(given.id) ? shiftYears(given.id) : `${c.kind}${year}`;
    // Its amounts: the old column for the same kind and year, else the old budget or plan for that year
    // (a prognos starts from the budget), else the column before it (a new last plan year).
    // A budget year the old plan had no amounts for starts from the year before; a new last plan year
    // starts blank, to be filled in.
    const sourceId =
      find([c.kind], year) ??
      (c.kind === 'prognos' ? find(['budget', 'plan'], year) : find(['budget', 'plan', 'prognos'], year)) ??
      (c.kind === 'budget' ? moves[i - 1]?.sourceId ?? find(['budget', 'prognos'], year - 1) : undefined);
    moves.push({ oldId: c.id, newId: id, sourceId, year, kind: c.kind });
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

function moveRows(rows: unknown, oldIds: string[], moves: ColumnMove[]): unknown {
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
function moveCapital(capital: unknown, moves: ColumnMove[], old: ComputedBudget): unknown {
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

/** Figures quoted in text name a column: {{ costs.budget2025 }} in a 2025 plan is {{ costs.budget2026 }} in 2026. */
export function moveReferences(text: string, moves: ColumnMove[]): string {
  const ids = new Map(moves.map((m) => [m.oldId, m.newId]));
  return text.replace(REFERENCE_PATTERN, (whole, escape: string, body: string) => {
    if (escape) return whole;
    return `{{${body.replace(/([.\w-]+)/, (name: string) => name.split('.').map((part) => ids.get(part) ?? part).join('.'))}}}`;
  });
}

/** The new plan has no decision yet: a quoted decision date becomes a marker to fill in (and a warning). */
const DECISION_DATE = /(?<!\\)\{\{\s*decision\.date\s*\}\}/g;
export const DECISION_MARKER = '[beslutsdatum]';
const undecided = (text: string) => text.replace(DECISION_DATE, DECISION_MARKER);

const PROSE_KEYS = new Set(['text', 'textAfter', 'preface', 'intro', 'lead', 'statement']);

/**
 * Texts that name a year before the new budget year: worth a look, each line that does (a year can stand
 * beside a figure that moved on: "kostnader 2027 beräknas till {{ costs.budget2028 }}"). References are
 * already moved, and the years in them are no text.
 */
function pastYears(text: string, path: JsonPath, year: number, warnings: PlanIssue[]): void {
  if (text.includes(DECISION_MARKER)) {
    warnings.push({ path, message: `texten citerade beslutsdatumet, som nästa års plan inte har än; där står nu ${DECISION_MARKER} att ersätta när planen fastställs` });
  }
  if (!PROSE_KEYS.has(String(path[path.length - 1]))) return;
  for (const line of text.split('\n')) {
    const plain = line.replace(REFERENCE_PATTERN, (whole) => ' '.repeat(whole.length));
    const found = [...plain.matchAll(/(?<!\d)(19[9]\d|20\d\d)(?![\d:])/g)].filter((m) => Number(m[1]) < year);
    if (found.length === 0) continue;
    const past = [...new Set(found.map((m) => m[1]))];
    // The word before the first year and the year: what finds the line in the file.
    const first = found[0]!;
    const snippet = /(\S+\s+)?$/.exec(line.slice(0, first.index))![0] + first[1];
    warnings.push({ path, message: `texten nämner ${past.join(', ')}, som nu är förfluten tid i planen för ${year}; kontrollera att det ska stå så`, snippet });
  }
}

/**
 * Section titles one year on, as the document's title: a title names the plan's years ("Budget 2025
 * och plan 2026–2027", "Uppföljning av 2024"), and would otherwise stand over next year's columns.
 */
function shiftTitles(sections: unknown): unknown {
  if (!Array.isArray(sections)) return sections;
  return sections.map((section) => {
    if (!isObject(section)) return section;
    const moved: Json = { ...section };
    if (typeof moved.title === 'string') moved.title = shiftYears(moved.title);
    if (Array.isArray(moved.sections)) moved.sections = shiftTitles(moved.sections);
    return moved;
  });
}

export interface NextYear {
  value: Json;
  warnings: PlanIssue[];
  /** Each new column id with the old one its amounts come from (for keeping comments, convert/keep.ts). */
  keySources: Map<string, string>;
}

/** Status of next year's plan: utkast, keeping who decides and how the plan words it, not when. */
function nextStatus(status: unknown): Json {
  const keep = ['decisionBody', 'decisionText', 'closingText'];
  const kept = isObject(status) ? Object.fromEntries(Object.entries(status).filter(([key]) => keep.includes(key))) : {};
  return { state: 'utkast', ...kept };
}

/** Next year's plan from `value` (the plan as read) and its computed budget (for the capital chain). */
export function nextYear(value: Json, budget: ComputedBudget | undefined): NextYear {
  const document = isObject(value.document) ? value.document : {};
  const year = Number(document.budgetYear) + 1;
  const { dnr: _dnr, date: _date, ...rest } = document;
  const nextDocument: Json = {
    ...rest,
    title: typeof document.title === 'string' ? shiftYears(document.title) : document.title,
    budgetYear: year,
    // A new draft: no decision yet, but the plan's own wording of it and the body that decides.
    status: nextStatus(document.status),
  };
  if (typeof document.subtitle === 'string') nextDocument.subtitle = shiftYears(document.subtitle);
  if (Array.isArray(document.planYears)) nextDocument.planYears = document.planYears.map((y) => (typeof y === 'number' ? y + 1 : y));
  const next: Json = { ...value, document: nextDocument };

  let moves: ColumnMove[] = [];
  if (isObject(value.budget) && budget) {
    const old = value.budget;
    const moved = moveColumns(budget.columns, Array.isArray(old.columns) ? (old.columns as Json[]) : []);
    moves = moved.moves;
    const oldIds = budget.columns.map((c) => c.id);
    const side = (s: unknown) => (isObject(s) ? { ...s, rows: moveRows(s.rows, oldIds, moves) } : s);
    const nextBudget: Json = { ...old, columns: moved.columns, income: side(old.income), costs: side(old.costs) };
    if (Array.isArray(old.details)) nextBudget.details = old.details.map((d) => (isObject(d) ? { ...d, rows: moveRows(d.rows, oldIds, moves) } : d));
    if ('capital' in old) nextBudget.capital = moveCapital(old.capital, moves, budget);
    const labels = (l: unknown) =>
      isObject(l)
        ? Object.fromEntries(Object.entries(l).map(([id, label]) => [moves.find((m) => m.oldId === id)?.newId ?? id, typeof label === 'string' ? shiftYears(label) : label]))
        : l;
    if ('columnLabels' in old) nextBudget.columnLabels = labels(old.columnLabels);
    if (Array.isArray(nextBudget.details)) {
      nextBudget.details = nextBudget.details.map((d) => (isObject(d) && 'columnLabels' in d ? { ...d, columnLabels: labels(d.columnLabels) } : d));
    }
    next.budget = nextBudget;
  }
  // Contribution columns are named by their year (or their own id): {{ contributions.total.2025 }}.
  const contributionMoves: ColumnMove[] = [];
  if (isObject(value.contributions) && Array.isArray(value.contributions.columns)) {
    for (const c of value.contributions.columns) {
      if (!isObject(c) || typeof c.year !== 'number') continue;
      const oldId = typeof c.id === 'string' ? c.id : String(c.year);
      const newId = typeof c.id === 'string' ? shiftYears(c.id) : String(c.year + 1);
      contributionMoves.push({ oldId, newId, sourceId: oldId, year: c.year + 1, kind: 'contributions' });
    }
  }
  if (isObject(value.contributions) && Array.isArray(value.contributions.columns)) {
    const oldColumns = value.contributions.columns;
    // Each column moves a year on, its money (total, state allotment, given amounts) from the old column
    // for its new year where there is one (last year's 2026 is this year's 2026), else its own, as the
    // budget's columns do.
    const sourceOf = (c: Json): Json => oldColumns.find((o): o is Json => isObject(o) && typeof c.year === 'number' && o.year === c.year + 1) ?? c;
    const MONEY = ['total', 'stateAllotment'];
    const contributions: Json = {
      ...value.contributions,
      columns: oldColumns.map((c) => {
        if (!isObject(c)) return c;
        const source = sourceOf(c);
        const column: Json = { ...Object.fromEntries(Object.entries(c).filter(([k]) => !MONEY.includes(k))), year: typeof c.year === 'number' ? c.year + 1 : c.year };
        for (const key of MONEY) if (key in source) column[key] = source[key];
        if (typeof c.budgetColumn === 'string') column.budgetColumn = moves.find((m) => m.oldId === c.budgetColumn)?.newId ?? c.budgetColumn;
        if (typeof c.label === 'string') column.label = shiftYears(c.label);
        return column;
      }),
    };
    // Given amounts (rounding "given") are keyed by their column: each new column's from the same old
    // column as its money, to be replaced by the amounts decided for the new year (a warning says so).
    if (Array.isArray(value.contributions.parties)) {
      const idOf = (c: Json) => (typeof c.id === 'string' ? c.id : String(c.year));
      const renamed = (amounts: Json): Json =>
        Object.fromEntries(
          oldColumns.flatMap((c) => {
            if (!isObject(c)) return [];
            const from = idOf(sourceOf(c));
            const to = contributionMoves.find((m) => m.oldId === idOf(c))?.newId ?? idOf(c);
            return from in amounts ? [[to, amounts[from]]] : [];
          }),
        );
      contributions.parties = value.contributions.parties.map((party) =>
        isObject(party) && isObject(party.amounts) ? { ...party, amounts: renamed(party.amounts) } : party,
      );
    }
    next.contributions = contributions;
  }
  // Quoted figures follow their columns, everywhere text can quote them.
  const allMoves = [...moves, ...contributionMoves];
  const moveText = (v: unknown): unknown =>
    typeof v === 'string' ? undecided(moveReferences(v, allMoves)) : Array.isArray(v) ? v.map(moveText) : isObject(v) ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, moveText(x)])) : v;
  next.sections = shiftTitles(moveCharts(moveText(value.sections), (id) => moves.find((m) => m.oldId === id)?.newId ?? id, shiftYears));
  if (typeof nextDocument.preface === 'string') nextDocument.preface = undecided(moveReferences(nextDocument.preface, allMoves));

  const warnings: PlanIssue[] = [];
  moves.forEach((m, i) => {
    if (m.sourceId === undefined) {
      warnings.push({ path: ['budget', 'columns', i], message: `kolumnen ${m.kind} ${m.year} är ny och tom; fyll i beloppen` });
      return;
    }
    // A new budget year the old plan had no figures for starts from another year's: said, so that they are not taken for its own.
    const from = budget?.columns.find((c) => c.id === m.sourceId);
    if (from && from.year !== m.year) {
      warnings.push({ path: ['budget', 'columns', i], message: `kolumnen ${m.kind} ${m.year} är ny och har fått beloppen från ${from.label || `${from.kind} ${from.year}`}; skriv ${m.year} års belopp` });
    }
  });
  const parties = isObject(value.contributions) && Array.isArray(value.contributions.parties) ? value.contributions.parties : [];
  if (parties.some((party) => isObject(party) && isObject(party.amounts) && Object.keys(party.amounts).length > 0)) {
    const years = contributionMoves.map((m) => m.year).join(', ');
    warnings.push({ path: ['contributions', 'parties'], message: `medlemsbidragens belopp (parties[].amounts) är förra årets, flyttade till ${years}; skriv de belopp som beslutas för ${years}` });
  }
  const check = (text: string, path: JsonPath) => pastYears(text, path, year, warnings);
  forEachString(next.sections, ['sections'], check);
  forEachString(nextDocument.preface, ['document', 'preface'], check);
  const keySources = new Map(allMoves.flatMap((m) => (m.sourceId !== undefined && m.sourceId !== m.newId ? [[m.newId, m.sourceId] as const] : [])));
  return { value: next, warnings, keySources };
}
