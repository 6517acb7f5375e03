// A chart as inline SVG markup: plain elements, no script, the theme's font and colours through CSS
// classes (style.css), and its data as the accessible name: role="img" with a <title>, which Chromium
// tags as a /Figure with /Alt in the printed PDF and a screen reader reads on the web page.
import { CHART_FONT, layoutChart } from './layout.js';
import type { Measure } from './measure.js';
import type { ComputedChart } from './model.js';

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function chartSvg(chart: ComputedChart, measure: Measure): string {
  const layout = layoutChart(chart, measure);
  const titleId = `${chart.id}-alt`;
  const anchor = (a: string) => (a === 'start' ? '' : ` text-anchor="${a}"`);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart chart-${chart.kind}" role="img" aria-labelledby="${titleId}"`,
    ` width="${layout.width}" height="${layout.height}" viewBox="0 0 ${layout.width} ${layout.height}" font-size="${CHART_FONT}">`,
    `<title id="${titleId}">${escape(chart.alt)}</title>`,
    ...layout.paths.filter((p) => p.className !== 'chart-limit').map((p) => `<path class="${p.className}" d="${p.d}"/>`),
    ...layout.rects.map((r) => `<rect class="${r.className}" x="${r.x}" y="${r.y}" width="${r.width}" height="${r.height}"/>`),
    ...layout.paths.filter((p) => p.className === 'chart-limit').map((p) => `<path class="${p.className}" d="${p.d}"/>`),
    ...layout.texts.map((t) => `<text class="${t.className}" x="${t.x}" y="${t.y}"${anchor(t.anchor)}>${escape(t.text)}</text>`),
    '</svg>',
  ].join('');
}
