// A chart's data as one Swedish sentence: the PDF's /Alt and the web page's accessible name.
// "Kostnader per rad 2025: Samverkansteam Finnveden 3 336 600 kr (57 %), Kansli 550 000 kr (9 %), …"
import type { ComputedChart } from './model.js';

export function altText(chart: Omit<ComputedChart, 'alt'>): string {
  const bars = chart.bars.map((b) => `${b.label} ${b.text}${b.share ? ` (${b.share})` : ''}`).join(', ');
  const limit = chart.limit ? `; ${chart.limit.label.toLowerCase()} ${chart.limit.text}` : '';
  return `${chart.title}: ${bars}${limit}.`;
}
