// Format items for how a budget table is laid out and how member contributions feed it: where the
// opening capital stands, which total rows are shown and what they say, column headings repeated
// above a group, a row per member's contribution, and how contributions are rounded.
import * as z from './zod.js';
import { amount, identifier } from './primitives.js';

export const capitalPlacement = z
  .enum(['first', 'last', 'group'])
  .describe(
    'Var raden med ingående kapital står: "first" först bland intäkterna, "last" sist bland dem (standard), "group" i en egen grupp efter Summa intäkter. Anges placeringen visas raden också med konventionen "result".',
  );

export const capitalHeading = z.string().optional().describe('Rubrik för kapitalets egen grupp (med placement "group"), t.ex. "Eget kapital".');

const totalRow = (name: string, shownByDefault: string) =>
  z
    .strictObject({
      show: z.boolean().optional().describe(`Visa raden ${name}; ${shownByDefault}.`),
      label: z.string().optional().describe(`Text för raden ${name}.`),
    })
    .optional();

export const totalsSchema = z
  .strictObject({
    income: totalRow('Summa intäkter (bara intäkterna)', 'standard ja, utom med konventionen "balance" när kapitalet står först eller sist bland intäkterna'),
    assets: totalRow(
      'Summa tillgångar (intäkterna och det ingående kapitalet)',
      'standard ja när raden med ingående kapital visas; texten är då "Summa intäkter/tillgångar", eller "Summa tillgångar" när Summa intäkter också visas',
    ),
    costs: totalRow('Summa kostnader', 'standard ja; false när en delsumma redan är summan av kostnaderna'),
    result: totalRow('Resultat (med "balance": Prel balanserat resultat)', 'standard ja'),
  })
  .optional()
  .describe('Summaraderna: var och en kan visas eller döljas och få en egen text, t.ex. { "costs": { "show": false } }.');

export const columnHeadings = z
  .union([z.boolean(), z.string()])
  .optional()
  .describe('Upprepa kolumnrubrikerna på en egen rad ovanför gruppen (true), med en egen text i radtextens kolumn (en sträng).');

export const contributionsSource = z
  .union([
    z.literal('contributions'),
    z.strictObject({
      contributions: identifier.describe('Id för en finansiär i "contributions.parties": raden får just dess bidrag.'),
    }),
  ])
  .describe('"contributions": värdet är medlemsbidragstabellens Totalt. { "contributions": "ID" }: värdet är en finansiärs bidrag.');

export const contributionsRounding = z
  .enum(['largestRemainder', 'alternate', 'given'])
  .optional()
  .describe(
    'Hur totalen delas i hela kronor: "largestRemainder" (standard) ger ören över till dem med störst rest; "alternate" låter den som avrundas uppåt skifta från år till år; "given" tar beloppen från parties[].amounts och varnar när ett belopp inte är andelen av totalen.',
  );

export const partyAmounts = z
  .record(z.string(), amount)
  .optional()
  .describe('Med rounding "given": finansiärens belopp per kolumn-id i medlemsbidragstabellen, t.ex. { "2025": 1255000 }.');
