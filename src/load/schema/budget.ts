// The plan's budget part: columns, income and cost rows (grouped, with varav rows), result, capital and
// the specifications whose sum is a budget row.
import * as z from './zod.js';
import { amount, cellValues, identifier, text, year } from './primitives.js';
import { capitalHeading, capitalPlacement, columnHeadings, contributionsSource, totalsSchema } from './budgetLayout.js';
import { budgetFrom } from './files.js';


export const columnKinds = ['budget', 'prognos', 'utfall', 'plan'] as const;

const columnSchema = z.strictObject({
  id: identifier.optional().describe('Kolumnens id; standard är slag + år, t.ex. "budget2025".'),
  kind: z.enum(columnKinds).describe('budget, prognos, utfall eller plan.'),
  year,
  label: z.string().optional().describe('Rubrik; standard är t.ex. "Budget 2025".'),
});

const varavSchema = z.strictObject({
  id: identifier.optional(),
  label: text('Radens text, t.ex. "varav redan beviljat".'),
  values: cellValues.optional(),
  remainder: z.boolean().optional().describe('Värdet är det som återstår av huvudraden efter övriga varav-rader.'),
});

const balanceSchema = z.union([
  z.literal(true),
  z.strictObject({
    target: amount.optional().describe('Resultatet raden ska ge; standard 0.'),
    columns: z.array(z.string()).optional().describe('Kolumner där raden balanserar; standard alla.'),
  }),
]);

export const rowSchema = z.strictObject({
  id: identifier.optional().describe('Id för att citera raden i text: {{ row.ID.KOLUMN }}.'),
  label: text('Radens text.'),
  values: cellValues.optional(),
  varav: z.array(varavSchema).optional().describe('Varav-rader: visas indragna och räknas inte med i summorna.'),
  detail: identifier.optional().describe('Id för en specifikation vars SUMMA blir radens värde.'),
  balance: balanceSchema.optional().describe('Raden tar det som blir över så att resultatet blir det planerade.'),
  source: contributionsSource.optional(),
});

export type RowInput = z.infer<typeof rowSchema>;

export const groupSchema = z.strictObject({
  id: identifier.optional().describe('Id för att citera delsumman: {{ group.ID.KOLUMN }}.'),
  heading: z.string().optional().describe('Grupprubrik, t.ex. "Verksamhet".'),
  subtotal: z.string().optional().describe('Text för delsumman, t.ex. "Delsumma verksamheter". Utan den visas ingen delsumma.'),
  columnHeadings,
  get rows() {
    return z.array(itemSchema);
  },
});
export type GroupInput = z.infer<typeof groupSchema>;

export const itemSchema = z.union([groupSchema, rowSchema]);
export type ItemInput = z.infer<typeof itemSchema>;

const budgetSideSchema = (defaultHeading: string) =>
  z.strictObject({
    heading: z.string().nullable().optional().describe(`Rubrik; standard "${defaultHeading}", null för ingen.`),
    rows: z.array(itemSchema).describe('Rader och grupper.'),
    sumLabel: z.string().optional().describe('Text för summaraden.'),
  });

const detailRowSchema = z.strictObject({
  id: identifier.optional(),
  label: text('Radens text.'),
  values: cellValues.optional(),
  varav: z.array(varavSchema).optional(),
});

const detailSchema = z.strictObject({
  id: identifier.describe('Id som budgetraden pekar på med "detail".'),
  title: z.string().optional().describe('Rubrik ovanför tabellen, t.ex. "ADMINISTRATION".'),
  labelHeader: z.string().optional().describe('Rubrik för radtexterna, t.ex. "Insatsens namn".'),
  columnLabels: z.record(z.string(), z.string()).optional().describe('Egna kolumnrubriker per kolumn-id.'),
  rows: z.array(detailRowSchema).min(1),
  sumLabel: z.string().optional().describe('Text för summaraden; standard "SUMMA".'),
});

export const budgetSchema = z.strictObject({
  from: budgetFrom,
  unit: z.enum(['kr', 'tkr']).default('kr').describe('Beloppen i kronor eller tusen kronor; standard kr.'),
  unitDisplay: z
    .enum(['columns', 'caption', 'none'])
    .optional()
    .describe('Enheten i varje kolumnrubrik ("Budget 2018 (tkr)"), som rad över tabellen, eller inte alls.'),
  convention: z
    .enum(['result', 'balance'])
    .default('result')
    .describe('Standard result. result: Resultat = intäkter − kostnader. balance: balanserat resultat är en intäkt och sista raden är "Prel balanserat resultat".'),
  costSign: z.enum(['positive', 'negative']).optional().describe('Kostnader visas positiva (standard) eller negativa.'),
  labelHeader: z.string().optional().describe('Rubrik för radtexterna, t.ex. "Budgetpost".'),
  caption: z.string().optional().describe('Tabellens rubrik.'),
  columns: z.array(columnSchema).min(1),
  income: budgetSideSchema('Intäkter'),
  costs: budgetSideSchema('Kostnader'),
  result: z
    .strictObject({
      label: z.string().optional().describe('Text för resultatraden.'),
      show: z.boolean().optional().describe('false: resultatraden visas inte.'),
    })
    .optional(),
  capital: z
    .strictObject({
      label: z.string().optional().describe('Text för raden med ingående kapital; standard "Balanserat resultat".'),
      opening: z.record(z.string(), amount).optional().describe('Ingående kapital per kolumn.'),
      carryForward: z
        .record(z.string(), z.string())
        .optional()
        .describe('Kolumn → kolumn vars utgående kapital blir dess ingående, t.ex. { "budget2025": "prognos2024" }.'),
      ceiling: amount.optional().describe('Tak för eget kapital; över taket ges en varning.'),
      placement: capitalPlacement.optional(),
      heading: capitalHeading,
    })
    .optional(),
  totals: totalsSchema,
  details: z.array(detailSchema).optional().describe('Specifikationer vars SUMMA är en rad i budgeten.'),
});


export type BudgetInput = z.infer<typeof budgetSchema>;
export type ColumnKind = (typeof columnKinds)[number];
