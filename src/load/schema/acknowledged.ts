// Warnings the plan has taken a position on: each names a warning by its code and says why it is in
// order; the reason can be printed as a note under the budget table.
import * as z from './zod.js';
import { text } from './primitives.js';

export const acknowledgedWarningsSchema = z
  .array(
    z.strictObject({
      warning: text('Varningens kod som vplan skriver den i varningen, t.ex. "deficit:budget2025" (underskott i kolumnen budget2025) eller "titleYear".'),
      reason: text('Varför det är i sin ordning, t.ex. "Underskottet täcks av balanserat resultat enligt styrelsens beslut 2024-11-28 § 12."'),
      note: z.boolean().optional().describe('true: skälet skrivs som en not under budgettabellen (bara för budgetens varningar).'),
    }),
  )
  .describe('Kvitterade varningar: varningar som planen har tagit ställning till. De upprepas inte när planen byggs.');

export type AcknowledgedWarningInput = z.infer<typeof acknowledgedWarningsSchema>[number];
