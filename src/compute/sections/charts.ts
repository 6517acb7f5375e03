// Charts of a section (after a budget or contributions table, or a chart section's own), computed
// from the budget and contributions; a chart with a problem adds an issue and is left out.
import type { JsonPath } from '../../errors.js';
import type { ChartInput } from '../../load/schema.js';
import { computeCharts } from '../../charts/data.js';
import type { SectionContext } from './context.js';
import type { Built, ChartsContent, SectionInputOf } from './types.js';

export function sectionCharts(list: readonly ChartInput[] | undefined, path: JsonPath, ctx: SectionContext): ChartsContent['charts'] {
  return list && computeCharts(list, ctx.charts, [...path, 'charts'], ctx.issues);
}

export function buildChart(section: SectionInputOf<'chart'>, path: JsonPath, ctx: SectionContext): Built<ChartsContent> {
  return { content: { charts: sectionCharts(section.charts, path, ctx) }, children: [] };
}
