// Charts in the plan: which chart, of which column, with what caption. Every figure a chart shows is
// computed from the budget or the contributions; the plan only chooses (src/charts/).
import * as z from './zod.js';
import { identifier } from './primitives.js';

const caption = z.string().optional().describe('Bildtext över diagrammet; standard t.ex. "Kostnader per grupp 2025" (vad diagrammet visar).');
const unit = z
  .enum(['kr', 'tkr', 'mkr'])
  .optional()
  .describe('Beloppen i diagrammet i kr, tkr eller mkr (en decimal); standard budgetens enhet.');

export const chartSchema = z.discriminatedUnion('kind', [
  z
    .strictObject({
      kind: z.literal('costs'),
      caption,
      unit,
      column: identifier.optional().describe('Budgetkolumnens id, t.ex. "budget2025"; standard budgetårets budget.'),
      by: z.enum(['group', 'row']).optional().describe('En stapel per grupp (standard) eller per rad.'),
    })
    .describe('Budgetårets kostnader som liggande staplar, störst först.'),
  z
    .strictObject({
      kind: z.literal('capital'),
      caption,
      unit,
      columns: z.array(identifier).min(1).optional().describe('Budgetkolumnerna som visas, i ordning; standard alla.'),
    })
    .describe('Utgående eget kapital per kolumn, med taket (budget.capital.ceiling) som linje.'),
  z
    .strictObject({
      kind: z.literal('contributions'),
      caption,
      unit,
      year: z.number().int().optional().describe('Medlemsbidragens år; standard budgetåret.'),
    })
    .describe('Medlemsbidragen per medlem, med andelen.'),
]);

export type ChartInput = z.infer<typeof chartSchema>;

/** `charts` in a budget or contributions section: shown after its table. */
export const chartsField = z.array(chartSchema).min(1).optional().describe('Diagram efter tabellen.');

/** The fields of a section of type "chart". */
export const chartSectionShape = {
  charts: z.array(chartSchema).min(1).describe('Diagrammen i avsnittet, i ordning.'),
};
