// Files a plan uses besides itself, as the plan names them: images in a section, and the budget sheet
// the budget's amounts are read from. Paths are relative to the plan file (a plan folder: to the folder).
import * as z from './zod.js';
import { text } from './primitives.js';

export const imageSchema = z.strictObject({
  file: text('Bildfil (png, jpg eller svg), relativt planfilen; i en planmapp relativt mappen, t.ex. "bilder/organisation.svg".'),
  alt: text('Alternativtext: vad bilden visar, för den som inte ser den (skärmläsare). Krävs.'),
  caption: z.string().optional().describe('Bildtext under bilden, t.ex. "Förbundets organisation 2026".'),
});

export type ImageInput = z.infer<typeof imageSchema>;

/** A section's `images`: shown after its text, each as wide as the text at most. */
export const sectionImages = z
  .array(imageSchema)
  .optional()
  .describe('Bilder efter avsnittets text (före tabeller och listor). En bild mitt i texten skrivs i texten: ![Alternativtext](bild.png "Bildtext").');

/** budget.from: the sheet (made by vplan export-budget) whose cells are the budget's amounts. */
export const budgetFrom = text(
  'Budgetblad (.xlsx eller .csv, relativt planfilen) som beloppen läses från, rad för rad och kolumn för kolumn, t.ex. "budget.xlsx". Skapa det med vplan export-budget. Planen anger fortfarande kolumner och rader; bladets belopp gäller, summorna räknar vplan.',
).optional();
