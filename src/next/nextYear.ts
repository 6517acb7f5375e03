// vplan next: next year's plan from this one. Every budget column moves on a year (this year's budget
// becomes last year's column, a prognos for the current year, plan years advance), each new column
// starts from the amounts the old plan had for its year (an outcome, which the old plan cannot know,
// starts empty), opening capital is the closing capital the old plan computed, the member
// contributions' columns move with the budget columns they feed, figures quoted in the text follow
// their columns (and the years beside them), and the plan is a draft again.
import type { JsonPath, PlanIssue } from '../errors.js';
import type { ComputedBudget } from '../model.js';
import { moveCharts } from '../charts/next.js';
import { forEachString } from '../jsonPath.js';
import { columnWarnings, moveCapital, moveColumns, moveRows, type ColumnMove } from './columns.js';
import { moveContributions, withoutFedValues } from './contributions.js';
import { nextStatus } from './status.js';
import { moveText, movedTextWarnings, reviewText, saysDecided } from './text.js';
import { isObject, shiftYears, type Json } from './shared.js';

export { shiftYears } from './shared.js';
export { DECISION_MARKER } from './text.js';

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
  /** The budget's column moves: which new column starts from which old one. */
  moves: ColumnMove[];
}

const KINDS: Record<string, string> = { budget: 'Budget', prognos: 'Prognos', utfall: 'Utfall', plan: 'Plan' };

/** The budget one year on, with the moves of its columns. */
function nextBudget(old: Json, budget: ComputedBudget) {
  const moved = moveColumns(budget.columns, Array.isArray(old.columns) ? old.columns.filter(isObject) : []);
  const moves = moved.moves;
  const oldIds = budget.columns.map((c) => c.id);
  const side = (s: unknown) => (isObject(s) ? { ...s, rows: moveRows(s.rows, oldIds, moves) } : s);
  const next: Json = { ...old, columns: moved.columns, income: side(old.income), costs: side(old.costs) };
  if (Array.isArray(old.details)) next.details = old.details.map((d) => (isObject(d) ? { ...d, rows: moveRows(d.rows, oldIds, moves) } : d));
  if ('capital' in old) next.capital = moveCapital(old.capital, moves, budget);
  const labels = (l: unknown) =>
    isObject(l)
      ? Object.fromEntries(Object.entries(l).map(([id, label]) => [moves.find((m) => m.oldId === id)?.newId ?? id, typeof label === 'string' ? shiftYears(label) : label]))
      : l;
  if ('columnLabels' in old) next.columnLabels = labels(old.columnLabels);
  if (Array.isArray(next.details)) next.details = next.details.map((d) => (isObject(d) && 'columnLabels' in d ? { ...d, columnLabels: labels(d.columnLabels) } : d));
  // A column as the new plan names it: its label, else kind and year ("Utfall 2026").
  const name = (id: string) => {
    const i = moves.findIndex((m) => m.newId === id);
    const column = moved.columns[i];
    return typeof column?.label === 'string' && column.label.trim() !== '' ? column.label : i >= 0 ? `${KINDS[moves[i]!.kind] ?? moves[i]!.kind} ${moves[i]!.year}` : id;
  };
  const carried = (id: string) => {
    const carry = isObject(next.capital) && isObject(next.capital.carryForward) ? next.capital.carryForward : {};
    const to = Object.entries(carry).find(([, from]) => from === id)?.[0];
    return to === undefined ? undefined : name(to);
  };
  return { budget: next, moves, oldIds, name, warnings: columnWarnings(moves, budget, carried) };
}

/** Next year's plan from `value` (the plan as read) and its computed budget (for the capital chain). */
export function nextYear(value: Json, budget: ComputedBudget | undefined): NextYear {
  const document = isObject(value.document) ? value.document : {};
  const year = Number(document.budgetYear) + 1;
  const { dnr: _dnr, date: _date, ...rest } = document;
  const status = nextStatus(document.status);
  const nextDocument: Json = {
    ...rest,
    title: typeof document.title === 'string' ? shiftYears(document.title) : document.title,
    budgetYear: year,
    // A new draft: no decision yet, but the body that decides.
    status: status.status,
  };
  if (typeof document.subtitle === 'string') nextDocument.subtitle = shiftYears(document.subtitle);
  if (Array.isArray(document.planYears)) nextDocument.planYears = document.planYears.map((y) => (typeof y === 'number' ? y + 1 : y));
  const next: Json = { ...value, document: nextDocument };
  const warnings: PlanIssue[] = [...status.warnings];

  let moves: ColumnMove[] = [];
  let name = (id: string) => id;
  const moved = isObject(value.budget) && budget ? nextBudget(value.budget, budget) : undefined;
  if (moved) {
    next.budget = moved.budget;
    moves = moved.moves;
    name = moved.name;
    warnings.push(...moved.warnings);
  }
  // Contribution columns are named by their year (or their own id): {{ contributions.total.2025 }}.
  let contributionMoves: ColumnMove[] = [];
  if (isObject(value.contributions) && Array.isArray(value.contributions.columns)) {
    const oldBudget = isObject(value.budget) && budget ? value.budget : undefined;
    const income = oldBudget && isObject(oldBudget.income) && Array.isArray(oldBudget.income.rows) ? oldBudget.income.rows.filter(isObject) : [];
    const old = oldBudget && moved ? { rows: income, ids: moved.oldIds, unit: typeof oldBudget.unit === 'string' ? oldBudget.unit : 'kr' } : undefined;
    const contributions = moveContributions(value.contributions, moves, old, name);
    next.contributions = contributions.contributions;
    contributionMoves = contributions.moves;
    warnings.push(...contributions.warnings);
    // A member's row takes its amount from the table where the table feeds its column: a value of its own there would be refused.
    if (isObject(next.budget) && isObject(next.budget.income)) {
      const newIds = moves.map((m) => m.newId);
      next.budget = { ...next.budget, income: { ...next.budget.income, rows: withoutFedValues(next.budget.income.rows, contributions.fed, newIds) } };
    }
  }
  // Quoted figures follow their columns, everywhere text can quote them; what that did is said where it stands.
  const allMoves = [...moves, ...contributionMoves];
  const columnName = (m: ColumnMove) => name(m.newId);
  const moveAll = (v: unknown, path: JsonPath): unknown => {
    if (typeof v === 'string') {
      const text = moveText(v, allMoves);
      warnings.push(...movedTextWarnings(text, path, columnName));
      return text.text;
    }
    if (Array.isArray(v)) return v.map((x, i) => moveAll(x, [...path, i]));
    return isObject(v) ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, moveAll(x, [...path, k])])) : v;
  };
  next.sections = shiftTitles(moveCharts(moveAll(value.sections, ['sections']), (id) => moves.find((m) => m.oldId === id)?.newId ?? id, shiftYears));
  if (typeof nextDocument.preface === 'string') nextDocument.preface = moveAll(nextDocument.preface, ['document', 'preface']);

  const check = (text: string, path: JsonPath) => reviewText(text, path, year, warnings);
  forEachString(next.sections, ['sections'], check);
  forEachString(nextDocument.preface, ['document', 'preface'], check);
  forEachString(nextDocument.status, ['document', 'status'], check);
  forEachString(nextDocument.vision, ['document', 'vision'], check);
  for (const key of ['title', 'subtitle']) if (typeof nextDocument[key] === 'string') saysDecided(nextDocument[key], ['document', key], warnings, true);
  const keySources = new Map(allMoves.flatMap((m) => (m.sourceId !== undefined && m.sourceId !== m.newId ? [[m.newId, m.sourceId] as const] : [])));
  return { value: next, warnings, keySources, moves };
}
