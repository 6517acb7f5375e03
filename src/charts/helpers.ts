// The templates' side of charts: the `chartSvg` helper, and the measure it needs, made once per document
// from the fonts its charts' texts are printed with (render/html.ts passes it as `chartMeasure`).
import type Handlebars from 'handlebars';
import type { ComputedPlan, ComputedSection } from '../model.js';
import type { BundledFont } from '../render/fonts.js';
import { barText } from './layout.js';
import { createMeasure, type Measure } from './measure.js';
import type { ComputedChart } from './model.js';
import { chartSvg } from './svg.js';

/** Every chart of the plan, in document order. */
export function planCharts(plan: Pick<ComputedPlan, 'sections'>): ComputedChart[] {
  const visit = (s: ComputedSection): ComputedChart[] => [
    ...(('charts' in s.content && s.content.charts) || []),
    ...s.children.flatMap(visit),
  ];
  return plan.sections.flatMap(visit);
}

/** The measure for a plan's charts, their texts' fonts loaded. */
export function chartMeasure(plan: Pick<ComputedPlan, 'sections'>, stack: readonly BundledFont[]): Promise<Measure> {
  const texts = planCharts(plan).flatMap((c) => [...c.bars.flatMap((b) => [b.label, barText(b)]), c.limit?.label ?? '', c.limit?.text ?? '', '0123456789 −,-']);
  return createMeasure(stack, texts);
}

export function registerChartHelpers(hb: typeof Handlebars): void {
  hb.registerHelper('chartSvg', (chart: ComputedChart, options: Handlebars.HelperOptions) => {
    const measure = (options.data as { root?: { chartMeasure?: Measure } }).root?.chartMeasure;
    if (!measure) throw new Error('chartSvg: the template context has no chartMeasure (see src/charts/helpers.ts)');
    return new hb.SafeString(chartSvg(chart, measure));
  });
}
