// A contributions section: the members' contributions table (from the plan's contributions) and charts.
import type { JsonPath } from '../../errors.js';
import type { SectionContext } from './context.js';
import { sectionCharts } from './charts.js';
import type { Built, ChartsContent, SectionInputOf } from './types.js';

export function buildContributions(section: SectionInputOf<'contributions'>, path: JsonPath, ctx: SectionContext): Built<ChartsContent> {
  if (!ctx.contributions) {
    ctx.issues.push({ path: [...path, 'type'], message: 'avsnittet visar medlemsbidragen, men planen har ingen "contributions"' });
  }
  return { content: { charts: sectionCharts(section.charts, path, ctx) }, children: [] };
}
