// The plan's years against each other: the plan years come after the budget year, the budget's plan
// columns are plan years and one budget column is the budget year, and the decision falls in the
// autumn before the budget year (or early in it). A year typed wrong prints a wrong heading or date
// without a word otherwise.
import type { PlanInput } from '../load/schema.js';
import type { PlanIssue } from '../errors.js';
import { columnName } from './budget/columns.js';

/** A plan year at or before the budget year: refused, it cannot be a year the plan looks ahead to. */
export function planYearIssues(input: PlanInput): PlanIssue[] {
  const { budgetYear, planYears = [] } = input.document;
  return planYears.flatMap((year, i) =>
    year <= budgetYear ? [{ path: ['document', 'planYears', i], message: `planåret ${year} ligger inte efter budgetåret ${budgetYear}` }] : [],
  );
}

/** Of `years`, the one nearest `year` (the later of two as near). */
const nearest = (years: readonly number[], year: number) =>
  years.reduce((best, y) => (Math.abs(y - year) < Math.abs(best - year) || (Math.abs(y - year) === Math.abs(best - year) && y > best) ? y : best));

/**
 * Budget columns whose year does not fit the plan: a plan column for a year that is not a plan year
 * (the years of document.planYears, or without them the three years after the budget year), and a
 * budget with no budget column for the budget year, where a budget column has another year or a plan
 * column has the budget year. Last year's budget beside this year's, and prognos and utfall columns
 * for any year, are in order.
 */
export function columnYearWarnings(input: PlanInput): PlanIssue[] {
  const columns = (input.budget?.columns ?? []).map((c, i) => ({ c, i }));
  const { budgetYear } = input.document;
  const planYears = input.document.planYears?.length ? input.document.planYears : undefined;
  const warnings: PlanIssue[] = [];
  const budgets = columns.filter(({ c }) => c.kind === 'budget');
  const plans = columns.filter(({ c }) => c.kind === 'plan');
  // No column for the budget year: a plan column for it is likely this year's budget, else the budget
  // column nearest the budget year has its year typed wrong.
  const noBudgetYear = !budgets.some(({ c }) => c.year === budgetYear);
  const planForBudgetYear = noBudgetYear ? plans.find(({ c }) => c.year === budgetYear) : undefined;
  if (noBudgetYear && (budgets.length > 0 || planForBudgetYear)) {
    const others = budgets.map(({ c }) => columnName(c)).join(', ');
    const nearestBudget = budgets.length > 0 ? budgets.find(({ c }) => c.year === nearest(budgets.map(({ c }) => c.year), budgetYear)) : undefined;
    const at = planForBudgetYear ?? nearestBudget!;
    const what = planForBudgetYear
      ? `men ${columnName(at.c)} har året; är den årets budget, skriv "kind": "budget" där`
      : `bara ${others}; gäller ${columnName(at.c)} budgetåret, skriv "year": ${budgetYear} där`;
    warnings.push({
      path: ['budget', 'columns', at.i, planForBudgetYear ? 'kind' : 'year'],
      code: 'budgetYearColumn',
      message: `budgeten har ingen budgetkolumn för budgetåret ${budgetYear} (document.budgetYear), ${what}, annars lägg till en kolumn { "kind": "budget", "year": ${budgetYear} } (eller rätta budgetYear)`,
    });
  }
  const allowed = planYears ?? [budgetYear + 1, budgetYear + 2, budgetYear + 3];
  for (const { c, i } of plans) {
    // A plan column of the budget year or before with a heading of its own ("Plan 2025 enl. VP 2024") is last year's plan beside this year's budget.
    if (allowed.includes(c.year) || c === planForBudgetYear?.c || (c.label !== undefined && c.year <= budgetYear)) continue;
    // The plan year no other plan column has is the likely one meant.
    const free = allowed.filter((y) => !plans.some(({ c }) => c.year === y));
    const meant = nearest(free.length > 0 ? free : allowed, c.year);
    const why = planYears
      ? `som inte är ${planYears.length === 1 ? 'planåret' : 'något av planåren'} ${planYears.join(', ')} (document.planYears)`
      : c.year <= budgetYear
        ? `som inte ligger efter budgetåret ${budgetYear}`
        : `som ligger mer än tre år efter budgetåret ${budgetYear} (och planen anger inga planYears)`;
    const add = planYears ? `lägg till ${c.year} i planYears` : `ange planåren i document.planYears, t.ex. "planYears": [${budgetYear + 1}, ${budgetYear + 2}]`;
    warnings.push({
      path: ['budget', 'columns', i, 'year'],
      code: `columnYear:${c.id ?? `${c.kind}${c.year}`}`,
      message: `planårskolumnen ${columnName(c)} har året ${c.year}, ${why}; skriv det år kolumnen gäller, t.ex. "year": ${meant}, eller, om planen sträcker sig dit, ${add}`,
    });
  }
  return warnings;
}

/**
 * A decision date in another year than the autumn before the budget year or the budget year itself: a
 * date copied from an old plan, or a year typed wrong, printed on the title page and last in the plan.
 * (vplan next leaves the new plan without a decision date, so it has nothing to say about one.)
 */
export function decisionYearWarnings(input: PlanInput): PlanIssue[] {
  const { budgetYear, status } = input.document;
  const date = status.decisionDate;
  if (date === undefined) return [];
  const year = Number(date.slice(0, 4));
  if (year === budgetYear - 1 || year === budgetYear) return [];
  // The same day in the year it likely belongs to: the autumn before, or early in the budget year.
  const month = Number(date.slice(5, 7));
  const day = date.slice(4) === '-02-29' ? '-02-28' : date.slice(4);
  const likely = `${month >= 7 ? budgetYear - 1 : budgetYear}${day}`;
  return [
    {
      path: ['document', 'status', 'decisionDate'],
      code: 'decisionYear',
      message: `beslutsdatumet ${date} ligger långt från budgetåret ${budgetYear}: en plan för ${budgetYear} beslutas hösten ${budgetYear - 1} eller tidigt ${budgetYear}; rätta datumet, t.ex. "decisionDate": "${likely}", eller budgetYear`,
    },
  ];
}
