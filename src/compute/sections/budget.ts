// A budget section: the budget table (from the plan's budget), its specifications unless hidden, and charts.
import type { JsonPath } from '../../errors.js';
import type { SectionContext } from './context.js';
import { sectionCharts } from './charts.js';
import type { Built, BudgetContent, SectionInputOf } from './types.js';

export function buildBudget(section: SectionInputOf<'budget'>, path: JsonPath, ctx: SectionContext): Built<BudgetContent> {
  if (!ctx.hasBudget) ctx.issues.push({ path: [...path, 'type'], message: 'avsnittet visar budgeten, men planen har ingen "budget"' });
  return { content: { showDetails: section.showDetails !== false, charts: sectionCharts(section.charts, path, ctx) }, children: [] };
}
