// All errors of a plan in one run, for charts: a chart the schema refuses (an unknown `kind`, a key it
// does not have, a bad value) would otherwise take its whole section out of the check (compute/
// partial.ts), and its column or year would be reported only after the user fixed the schema's error.
// Here such a chart is replaced by what of it the schema accepts, so its section is computed, and
// the options the user wrote are checked against the budget and the contributions all the same; and
// a section refused for a key of its own has its charts checked in a stand-in chart section.
import type { JsonPath, PlanIssue } from '../errors.js';
import { at, replaceAt, startsWith } from '../jsonPath.js';
import { chartSchema } from '../load/schema/charts.js';
import { sectionSchema } from '../load/schema/sections.js';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The keys each kind of chart takes. */
const KEYS = new Map(chartSchema.options.map((o) => [o.shape.kind.value as string, Object.keys(o.shape)]));

/** The options only one kind of chart has (from the schema): a chart with an unknown kind is checked as that kind. */
const KIND_BY_OPTION: [string, string][] = [...KEYS].flatMap(([kind, keys]) =>
  keys.filter((key) => [...KEYS].every(([other, otherKeys]) => other === kind || !otherKeys.includes(key))).map((key): [string, string] => [key, kind]),
);

/** A chart nothing can be checked of: computed (its section's other parts are) and its issues hidden. */
const PLACEHOLDER = { kind: 'costs' };

export interface RepairedCharts {
  /** The plan's sections, each refused chart replaced by what the schema accepts of it. */
  sections: unknown;
  /** The schema's issues that are not a chart's own: their sections stay out of the check. */
  remaining: PlanIssue[];
  /** Whether a computed issue of a repaired chart repeats the schema's or is about a kind it guessed. */
  hides(path: JsonPath): boolean;
  /** Issues of the charts beyond the schema's: options of two kinds in a chart of an unknown kind. */
  issues: PlanIssue[];
}

/** The path of the chart an issue is in: sections[i](.sections[j])*.charts[k], else undefined. */
function chartOf(path: JsonPath): JsonPath | undefined {
  let i = 0;
  while (path[i] === 'sections' && typeof path[i + 1] === 'number') i += 2;
  return i > 0 && path[i] === 'charts' && typeof path[i + 1] === 'number' ? path.slice(0, i + 2) : undefined;
}

const keyOf = (path: JsonPath) => JSON.stringify(path);

/**
 * A chart of an unknown kind whose options belong to two kinds ("by" of costs, "year" of contributions):
 * the options of the kinds it is not checked as, as issues, for they would be the next run's errors.
 */
function mixedKinds(chart: Json, path: JsonPath, kind: string, keys: string[]): PlanIssue[] {
  const own = KIND_BY_OPTION.find(([option, of]) => of === kind && option in chart)?.[0];
  return KIND_BY_OPTION.filter(([option, of]) => of !== kind && option in chart && !keys.includes(option)).map(([option, of]) => ({
    path: [...path, option],
    message: `"${option}" hör till diagram av slaget ${of}, men "${own}" till ${kind}: ett diagram har ett slag (kind); välj det och ta bort det andra slagets val`,
  }));
}

/** What of a refused chart can be checked, and which of its keys' issues the schema has reported already. */
function repairChart(chart: unknown, bad: Set<string>, path: JsonPath): { chart: Json; hidden: Set<string> | 'all'; issues: PlanIssue[] } {
  if (!isObject(chart) || bad.has('')) return { chart: PLACEHOLDER, hidden: 'all', issues: [] };
  const guessed = bad.has('kind');
  const kind = guessed ? KIND_BY_OPTION.find(([option]) => option in chart)?.[1] : String(chart.kind);
  const keys = kind === undefined ? undefined : KEYS.get(kind);
  if (!kind || !keys) return { chart: PLACEHOLDER, hidden: 'all', issues: [] };
  const issues = guessed ? mixedKinds(chart, path, kind, keys) : [];
  const kept = Object.entries(chart).filter(([key]) => key !== 'kind' && keys.includes(key) && !bad.has(key));
  const repaired = { kind, ...Object.fromEntries(kept) };
  if (!chartSchema.safeParse(repaired).success) return { chart: PLACEHOLDER, hidden: 'all', issues };
  // A guessed kind's own problems ("the plan has no budget") are not the user's: only their options'.
  return { chart: repaired, hidden: new Set([...bad, ...(guessed ? ['kind'] : [])]), issues };
}

/** The plan's sections (from `plan.sections`) with the charts the schema refused made checkable. */
export function repairCharts(plan: Json, issues: readonly PlanIssue[]): RepairedCharts {
  const bad = new Map<string, { path: JsonPath; keys: Set<string> }>();
  const remaining: PlanIssue[] = [];
  for (const issue of issues) {
    const chart = chartOf(issue.path);
    if (!chart) {
      remaining.push(issue);
      continue;
    }
    const entry = bad.get(keyOf(chart)) ?? { path: chart, keys: new Set<string>() };
    entry.keys.add(String(issue.path[chart.length] ?? ''));
    bad.set(keyOf(chart), entry);
  }
  let sections = plan.sections;
  const hidden: { path: JsonPath; keys: Set<string> | 'all' }[] = [];
  const issuesOfCharts: PlanIssue[] = [];
  for (const { path, keys } of bad.values()) {
    const repaired = repairChart(at(plan, path), keys, path);
    sections = replaceAt(sections, path.slice(1), repaired.chart);
    hidden.push({ path, keys: repaired.hidden });
    issuesOfCharts.push(...repaired.issues);
  }
  return {
    sections,
    remaining,
    issues: issuesOfCharts,
    hides: (path) =>
      hidden.some((h) => startsWith(path, h.path) && (h.keys === 'all' || h.keys.has(String(path[h.path.length] ?? '')))),
  };
}

/**
 * A section the schema refuses for a key of its own (a missing title, an unknown type) as a chart section
 * of its charts alone, so that they are checked in the same run; undefined when it has none to check.
 */
export function chartsStandIn(section: unknown, path: JsonPath, remaining: readonly PlanIssue[]): Json | undefined {
  if (!isObject(section) || !Array.isArray(section.charts)) return undefined;
  const charts = [...path, 'charts'];
  if (remaining.some((issue) => startsWith(issue.path, charts))) return undefined;
  const standIn = { type: 'chart', title: '-', charts: section.charts };
  return sectionSchema.safeParse(standIn).success ? standIn : undefined;
}
