// A chart as computed from the budget or the contributions: what it shows, already in the unit it is
// shown in. Layout and SVG (layout.ts, svg.ts) only place these figures; nothing here is typed by hand.
export type ChartKind = 'costs' | 'capital' | 'contributions';
export type ChartUnit = 'kr' | 'tkr' | 'mkr';

export interface ChartBar {
  label: string;
  /** The amount in the budget's own unit, as computed. */
  amount: number;
  /** The amount in the chart's unit, for the scale. */
  value: number;
  /** The amount as printed beside the bar: "3 336 600 kr". */
  text: string;
  /** Its share, when the chart shows one: "57 %". */
  share?: string | undefined;
}

export interface ComputedChart {
  kind: ChartKind;
  /** Unique in the document (from the chart's place in the plan): the figure's id. */
  id: string;
  /** What the data is, for the alt text and the default caption: "Kostnader per grupp 2025". */
  title: string;
  /** The caption printed with the chart: the plan's, else the title. */
  caption: string;
  unit: ChartUnit;
  /** Horizontal bars sorted largest first (costs, contributions), or columns in order (capital). */
  orientation: 'horizontal' | 'vertical';
  bars: ChartBar[];
  /** A line across the chart: the capital's ceiling. */
  limit?: { label: string; value: number; text: string } | undefined;
  /** The chart's data as one sentence, for screen readers and the PDF's /Alt. */
  alt: string;
}
