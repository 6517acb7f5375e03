// A chart's SVG read back: its texts, bars and lines as the browser draws them, and the boxes its texts
// take (widths from the same measure the layout uses, heights from the font size).
import type { Measure } from '../../src/charts/measure.js';
import { CHART_FONT } from '../../src/charts/layout.js';

export interface SvgText { className: string; x: number; y: number; anchor: string; text: string }
export interface Box { left: number; right: number; top: number; bottom: number }

/** The SVG's texts and bars, in document order. */
export function parseSvg(svg: string) {
  const texts: SvgText[] = [...svg.matchAll(/<text class="([^"]+)" x="([-\d.]+)" y="([-\d.]+)"(?: text-anchor="(\w+)")?>([^<]*)<\/text>/g)].map((m) => ({
    className: m[1]!,
    x: Number(m[2]),
    y: Number(m[3]),
    anchor: m[4] ?? 'start',
    text: m[5]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&'),
  }));
  const bars = [...svg.matchAll(/<rect class="chart-bar" x="([-\d.]+)" y="([-\d.]+)" width="([\d.]+)" height="([\d.]+)"\/>/g)].map((m) => ({
    x: Number(m[1]),
    y: Number(m[2]),
    width: Number(m[3]),
    height: Number(m[4]),
  }));
  const lines = [...svg.matchAll(/<path class="(chart-axis|chart-limit)" d="M([-\d.]+),([-\d.]+)L([-\d.]+),([-\d.]+)"\/>/g)].map((m) => ({
    className: m[1]!,
    x1: Number(m[2]),
    y1: Number(m[3]),
    x2: Number(m[4]),
    y2: Number(m[5]),
  }));
  const viewBox = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg)!;
  return {
    width: Number(viewBox[1]),
    height: Number(viewBox[2]),
    texts,
    bars,
    lines,
    labels: texts.filter((t) => t.className === 'chart-label').map((t) => t.text),
    values: texts.filter((t) => t.className.startsWith('chart-value')).map((t) => t.text),
  };
}

/** Above the baseline: the tallest letters (Å, É) of the bundled fonts reach 0.9 em; below it 0.25 em. */
const ASCENT = 0.9;
const DESCENT = 0.25;

export function textBox(t: SvgText, measure: Measure): Box {
  const width = measure(t.text, CHART_FONT);
  const left = t.anchor === 'end' ? t.x - width : t.anchor === 'middle' ? t.x - width / 2 : t.x;
  return { left, right: left + width, top: t.y - ASCENT * CHART_FONT, bottom: t.y + DESCENT * CHART_FONT };
}

export const rectBox = (r: { x: number; y: number; width: number; height: number }): Box => ({ left: r.x, right: r.x + r.width, top: r.y, bottom: r.y + r.height });

/** A straight line as drawn: half a pixel of stroke either side. */
export const lineBox = (l: { x1: number; y1: number; x2: number; y2: number }): Box => ({
  left: Math.min(l.x1, l.x2) - 0.5,
  right: Math.max(l.x1, l.x2) + 0.5,
  top: Math.min(l.y1, l.y2) - 0.5,
  bottom: Math.max(l.y1, l.y2) + 0.5,
});

/** Whether two boxes share more than a hair (a tenth of a pixel, the layout's rounding). */
export const overlap = (a: Box, b: Box) =>
  Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.1 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.1;

export const inside = (a: Box, outer: Box) => a.left >= outer.left - 0.1 && a.right <= outer.right + 0.1 && a.top >= outer.top - 0.1 && a.bottom <= outer.bottom + 0.1;
