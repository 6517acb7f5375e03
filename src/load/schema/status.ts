// The plan's status and decision: which mark the plan carries (utkast, förslag, or none when it is
// decided or published) and the decision line in the plan's own wording.
import * as z from './zod.js';
import { isoDate, text } from './primitives.js';

export const STATES = ['utkast', 'förslag', 'fastställd', 'beslutad', 'ingen'] as const;
export type State = (typeof STATES)[number];

const STATE_DESCRIPTIONS: Record<State, string> = {
  utkast: 'Utkast: "UTKAST" i sidhuvudet och "Utkast till" på titelsidan.',
  förslag: 'Förslag: "FÖRSLAG" i sidhuvudet och "Förslag till" på titelsidan.',
  fastställd: 'Fastställd plan: "Fastställd av … " på titelsidan, inget förslagsmärke. Datum och organ kan saknas.',
  beslutad: 'Beslutad plan: "Beslutad av … " på titelsidan, inget förslagsmärke.',
  ingen: 'Ingen markering (t.ex. en publicerad kopia): bara de rader planen själv skriver med decisionText och closingText.',
};

const PLACEHOLDERS = 'Platshållarna {datum}, {organ} och {paragraf} fylls i med decisionDate, decisionBody och paragraph.';

function status<const S extends State>(state: S) {
  return z
    .strictObject({
      state: z.literal(state),
      decisionDate: isoDate.optional().describe('Beslutsdatum (planerat beslutsdatum för utkast och förslag).'),
      decisionBody: text('Beslutande organ, t.ex. "styrelsen" eller "förbundsstyrelsen".').optional(),
      paragraph: z.string().optional().describe('Paragraf i protokollet, t.ex. "§ 34".'),
      decisionText: z
        .string()
        .optional()
        .describe(`Beslutsraden på titelsidan med planens egen formulering, t.ex. "Beslutad av {organ} {datum} {paragraf}". ${PLACEHOLDERS} "" ger ingen rad.`),
      closingText: z
        .string()
        .optional()
        .describe(`Raden sist i planen, t.ex. "Verksamhetsplanen fastställdes av {organ} den {datum}, {paragraf}." ${PLACEHOLDERS} "" ger ingen rad.`),
    })
    .describe(STATE_DESCRIPTIONS[state]);
}

export const statusSchema = z
  .discriminatedUnion('state', [status('utkast'), status('förslag'), status('fastställd'), status('beslutad'), status('ingen')])
  .describe('Planens status (utkast, förslag, fastställd, beslutad eller ingen) och beslutet.');

export type StatusInput = z.infer<typeof statusSchema>;
