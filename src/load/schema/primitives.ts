// Building blocks shared by every part of the plan format. Descriptions are Swedish because they end
// up in the JSON Schema that an editor shows the plan's author.
import * as z from './zod.js';

/** Largest magnitude accepted for an amount: sums of thousands of rows stay exact integers. */
export const MAX_AMOUNT = 1_000_000_000_000;

/** Some text that is not only spaces: an empty title would leave a heading and a bookmark with nothing in them. */
export const text = (description: string) =>
  z
    .string()
    .refine((s) => /\S/.test(s), { message: 'texten får inte vara tom eller bara mellanslag; skriv en text' })
    .describe(description);

/** A real calendar date written ÅÅÅÅ-MM-DD. */
export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const date = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(s);
}

export const markdown = (description: string) =>
  z.string().describe(`${description} Markdown; siffror ur budgeten skrivs {{ costs.budget2025 | mkr }}.`);

export const identifier = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_-]*$/)
  .describe('Id: bokstäver, siffror, - och _, börjar med en bokstav.');

export const isoDate = z
  .string()
  .refine((s) => !/^\d{4}-\d{2}-\d{2}$/.test(s) || isIsoDate(s), { message: 'datumet finns inte i kalendern; kontrollera dag och månad', params: { showValue: true } })
  .refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s), { message: 'skriv datumet som ÅÅÅÅ-MM-DD, t.ex. 2025-11-26', params: { showValue: true } })
  .describe('Datum som ÅÅÅÅ-MM-DD, t.ex. 2024-11-28.');

export const year = z.number().int().min(1990).max(2100);

export const amount = z
  .number()
  .int()
  .min(-MAX_AMOUNT)
  .max(MAX_AMOUNT)
  .describe('Belopp i hela kronor (eller tkr om budgeten är i tkr).');

/** The key a value written as a list gets: its position, resolved to a column id by the budget engine. */
export const POSITION_KEY = '#';

/** A value per column id; a missing column or null is a blank cell, which is not zero. */
export const cellValues = z
  .union([
    z.record(z.string(), amount.nullable()),
    // [505250, 505250, null, 499600]: one value per column, in the columns' order.
    z.array(amount.nullable()).transform((list) => Object.fromEntries(list.map((v, i) => [`${POSITION_KEY}${i}`, v]))),
  ])
  .describe(
    'Värde per kolumn-id, t.ex. { "budget2025": 550000 }, eller en lista i kolumnernas ordning, t.ex. [550000, 560000, null]. Saknas kolumnen (eller null) blir cellen tom.',
  );

export const percent = z.number().min(0).max(100);

export const memberRole = z.enum(['stat', 'region', 'kommun']);
