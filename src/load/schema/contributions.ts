// The plan's member contributions: who pays which share, per year.
import * as z from './zod.js';
import { amount, identifier, memberRole, percent, text, year } from './primitives.js';
import { contributionsRounding, partyAmounts } from './budgetLayout.js';



export const contributionsSchema = z.strictObject({
  caption: z.string().optional(),
  unit: z.enum(['kr', 'tkr']).optional().describe('Enheten för beloppen; standard kr.'),
  partyHeader: z.string().optional().describe('Standard "Finansiär".'),
  shareHeader: z.string().optional().describe('Standard "Andel (%)".'),
  totalLabel: z.string().optional().describe('Standard "Totalt".'),
  rounding: contributionsRounding,
  parties: z
    .array(
      z.strictObject({
        id: identifier.optional(),
        name: text('Finansiär, t.ex. "Huddinge kommun".'),
        role: memberRole,
        share: percent.optional().describe('Andel i procent med högst två decimaler; staten 50 och regionen 25 om de står ensamma.'),
        amounts: partyAmounts,
      }),
    )
    .min(1),
  columns: z
    .array(
      z
        .strictObject({
          id: identifier.optional(),
          year,
          label: z.string().optional().describe('Standard "Medlemsbidrag ÅR (kr)".'),
          budgetColumn: z.string().optional().describe('Budgetkolumn vars rad med source "contributions" får totalen.'),
          total: amount.optional().describe('Totalt att fördela (med rounding "given": summan av beloppen, om det anges).'),
          stateAllotment: amount.optional().describe('Statens tilldelning; övriga matchar den.'),
        })
        .refine((c) => c.total === undefined || c.stateAllotment === undefined, {
          message: 'ange antingen total eller stateAllotment, inte båda',
        }),
    )
    .min(1),
});


export type ContributionsInput = z.infer<typeof contributionsSchema>;
