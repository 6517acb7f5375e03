// Where every bar, line and label of a chart goes, in CSS pixels of a fixed width (the SVG scales down
// on a narrow screen). Scales from d3-scale, tick labels from d3-format in Swedish, text widths measured
// with the bundled fonts (measure.ts): the same plan gives the same bytes on every machine.
import { scaleBand, scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { formatLocale, precisionFixed } from 'd3-format';
import type { Measure } from './measure.js';
import type { ChartBar, ComputedChart } from './model.js';
import { wordWidth, wrapText } from './wrap.js';

export const CHART_WIDTH = 600;
/** Font size of every text in a chart, in CSS pixels (9 pt). */
export const CHART_FONT = 12;
const BAR = 15;
const ROW = 24;
const GAP = 6;
const PLOT_HEIGHT = 170;
const LINE = Math.round(CHART_FONT * 1.25);
/** From a line's middle to its baseline. */
const MIDDLE = CHART_FONT * 0.35;
/** The widest a bar chart's labels stand before they wrap. */
const MAX_LABEL = CHART_WIDTH * 0.35;
/** The least room a bar chart's bars keep when a long word widens the labels' column. */
const MIN_BARS = CHART_WIDTH / 3;

export interface ChartRect { x: number; y: number; width: number; height: number; className: string }
export interface ChartText { x: number; y: number; text: string; anchor: 'start' | 'middle' | 'end'; className: string }
export interface ChartPath { d: string; className: string }

export interface ChartLayout {
  width: number;
  height: number;
  rects: ChartRect[];
  texts: ChartText[];
  paths: ChartPath[];
}

/** Swedish numbers: non-breaking space between thousands, decimal comma, the real minus sign. */
export const swedish = formatLocale({ decimal: ',', thousands: '\u00a0', grouping: [3], currency: ['', '\u00a0kr'], minus: '\u2212' });

const round = (v: number) => Math.round(v * 10) / 10;
const segment = line<[number, number]>();

/** The text beside a bar: its amount, and its share when it has one. */
export const barText = (bar: ChartBar) => (bar.share ? `${bar.text} (${bar.share})` : bar.text);

export function layoutChart(chart: ComputedChart, measure: Measure): ChartLayout {
  return chart.orientation === 'horizontal' ? horizontal(chart, measure) : vertical(chart, measure);
}

/**
 * Bars from a zero line, the labels left of them all (left of the negative bars and their amounts too),
 * the amount at each bar's end. A label wider than the label column wraps onto lines of its own; its
 * row is as high as its lines, the bar level with their middle. The column is as wide as the widest
 * label, at most MAX_LABEL, or wider for a word that does not fit it, as long as the bars keep MIN_BARS.
 */
function horizontal(chart: ComputedChart, measure: Measure): ChartLayout {
  const width = (text: string) => measure(text, CHART_FONT);
  const texts = chart.bars.map(barText);
  const negative = chart.bars.some((b) => b.value < 0);
  const positiveText = Math.max(0, ...chart.bars.map((b, i) => (b.value >= 0 ? width(texts[i]!) : 0)));
  const negativeText = Math.max(0, ...chart.bars.map((b, i) => (b.value < 0 ? width(texts[i]!) : 0)));
  const beside = GAP * 2 + (negative ? negativeText + GAP : 0);
  const right = CHART_WIDTH - positiveText - GAP;
  // A word wider than the column widens it, as far as the bars keep MIN_BARS: a word is broken only
  // when it cannot be set whole (wrap.ts).
  const words = Math.max(...chart.bars.map((b) => wordWidth(b.label, width)));
  const widest = Math.min(words, right - beside - MIN_BARS);
  const column = Math.max(Math.min(Math.max(...chart.bars.map((b) => width(b.label))), MAX_LABEL), widest);
  const labels = chart.bars.map((b) => wrapText(b.label, column, width));
  const labelWidth = Math.max(...labels.flat().map(width));
  const left = labelWidth + beside;
  const values = chart.bars.map((b) => b.value);
  const x = scaleLinear()
    .domain([Math.min(0, ...values), Math.max(0, ...values)])
    .range([left, right]);
  const zero = x(0);
  const out: ChartLayout = { width: CHART_WIDTH, height: 0, rects: [], texts: [], paths: [] };
  let rowTop = 0;
  chart.bars.forEach((bar, i) => {
    const lines = labels[i]!;
    const row = ROW + (lines.length - 1) * LINE;
    const top = rowTop + (row - BAR) / 2;
    const end = x(bar.value);
    out.rects.push({ x: round(Math.min(zero, end)), y: round(top), width: round(Math.abs(end - zero)), height: BAR, className: 'chart-bar' });
    const middle = top + BAR / 2 + MIDDLE;
    lines.forEach((text, l) =>
      out.texts.push({ x: round(labelWidth), y: round(middle + (l - (lines.length - 1) / 2) * LINE), text, anchor: 'end', className: 'chart-label' }),
    );
    const after = bar.value >= 0;
    out.texts.push({ x: round(end + (after ? GAP : -GAP)), y: round(middle), text: texts[i]!, anchor: after ? 'start' : 'end', className: 'chart-value' });
    rowTop += row;
  });
  out.height = round(rowTop + GAP);
  out.paths.push({ d: segment([[round(zero), 0], [round(zero), round(rowTop)]])!, className: 'chart-axis' });
  return out;
}

/** Columns over a zero line with a value axis, the amount above each column, the limit as a dashed line. */
function vertical(chart: ComputedChart, measure: Measure): ChartLayout {
  const width = (text: string) => measure(text, CHART_FONT);
  const values = chart.bars.map((b) => b.value);
  const limit = chart.limit;
  // Room above the highest column and the limit for the amounts printed over them.
  const y0 = scaleLinear()
    .domain([Math.min(0, ...values, limit?.value ?? 0), Math.max(0, ...values, limit?.value ?? 0) * 1.08])
    .nice(4);
  const ticks = y0.ticks(4);
  const step = ticks.length > 1 ? ticks[1]! - ticks[0]! : 1;
  const tickFormat = swedish.format(`,.${precisionFixed(step)}f`);
  const tickTexts = ticks.map(tickFormat);
  const left = Math.max(...tickTexts.map(width)) + GAP;
  const limitWidth = limit ? Math.max(width(limit.label), width(limit.text)) + GAP : 0;
  const right = CHART_WIDTH - Math.max(limitWidth, GAP);
  const band = scaleBand<number>()
    .domain(chart.bars.map((_, i) => i))
    .range([left + GAP, right])
    .paddingInner(0.3)
    .paddingOuter(0.15);
  const columnWidth = Math.min(band.bandwidth(), 90);
  // A label as wide as its column's step, less a gap to the next label; wrapped onto as many lines as it needs.
  const labels = chart.bars.map((b) => wrapText(b.label, band.step() - GAP, width));
  const labelLines = Math.max(1, ...labels.map((l) => l.length));
  const top = LINE + 2;
  const y = y0.range([top + PLOT_HEIGHT, top]);
  const bottom = top + PLOT_HEIGHT;
  // The amount under a negative column may reach below the plot: the labels go under it.
  const labelTop = bottom + GAP + (values.some((v) => v < 0) ? LINE : 0);
  const out: ChartLayout = { width: CHART_WIDTH, height: round(labelTop + labelLines * LINE), rects: [], texts: [], paths: [] };
  ticks.forEach((tick, i) => {
    const at = round(y(tick));
    out.paths.push({ d: segment([[left, at], [right, at]])!, className: tick === 0 ? 'chart-axis' : 'chart-grid' });
    out.texts.push({ x: round(left - GAP), y: round(at + MIDDLE), text: tickTexts[i]!, anchor: 'end', className: 'chart-tick' });
  });
  const zero = y(0);
  const limitAt = limit && y(limit.value);
  // The amounts stand alike, all over their columns or all inside them, never some of each: over them,
  // unless the limit's line would cross one there; then all inside their columns' tops if every column
  // is wide and tall enough for its amount, else all over them still, the crossed ones beyond the line.
  const inside =
    chart.bars.some((bar) => crossed(y(bar.value), zero, limitAt)) &&
    chart.bars.every((bar) => width(bar.text) <= columnWidth - GAP && Math.abs(zero - y(bar.value)) > LINE + GAP);
  chart.bars.forEach((bar, i) => {
    const centre = band(i)! + band.bandwidth() / 2;
    const end = y(bar.value);
    out.rects.push({
      x: round(centre - columnWidth / 2),
      y: round(Math.min(zero, end)),
      width: round(columnWidth),
      height: round(Math.abs(end - zero)),
      className: 'chart-bar',
    });
    out.texts.push(valueText(bar.text, centre, end, zero, limitAt, inside));
    labels[i]!.forEach((text, l) =>
      out.texts.push({ x: round(centre), y: round(labelTop + (l + 1) * LINE - 3), text, anchor: 'middle', className: 'chart-label' }),
    );
  });
  if (limit) {
    const at = round(y(limit.value));
    out.paths.push({ d: segment([[left, at], [right, at]])!, className: 'chart-limit' });
    out.texts.push({ x: round(right + GAP), y: round(at - 3), text: limit.label, anchor: 'start', className: 'chart-limit-label' });
    out.texts.push({ x: round(right + GAP), y: round(at + LINE - 3), text: limit.text, anchor: 'start', className: 'chart-limit-label' });
  }
  return out;
}

/** Where a column's amount stands over it (under it when negative): its baseline. */
const overBaseline = (end: number, zero: number) => (end <= zero ? end - GAP + 2 : end + LINE);

/** Whether the limit's line would cross a column's amount standing over it. */
function crossed(end: number, zero: number, limitAt: number | undefined): boolean {
  const baseline = overBaseline(end, zero);
  return limitAt !== undefined && limitAt > baseline - CHART_FONT - 2 && limitAt < baseline + 3;
}

/**
 * A column's amount: inside the column's top (its bottom when negative) when the chart puts them
 * inside, else over it (under it when negative), or on the far side of the limit's line if that would
 * cross it there.
 */
function valueText(text: string, centre: number, end: number, zero: number, limitAt: number | undefined, inside: boolean): ChartText {
  const above = end <= zero;
  if (inside) return { x: round(centre), y: round(above ? end + LINE : end - GAP + 2), text, anchor: 'middle', className: 'chart-value chart-value-inside' };
  if (limitAt === undefined || !crossed(end, zero, limitAt)) return { x: round(centre), y: round(overBaseline(end, zero)), text, anchor: 'middle', className: 'chart-value' };
  return { x: round(centre), y: round(above ? limitAt - 4 : limitAt + LINE), text, anchor: 'middle', className: 'chart-value' };
}
