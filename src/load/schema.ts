// The plan format: one zod schema per part of a verksamhetsplan. Descriptions are Swedish
// because they end up in the JSON Schema that an editor shows the plan's author.
import { z } from 'zod';
import { dnrProblem } from '../archive/dnr.js';

/** Largest magnitude accepted for an amount: sums of thousands of rows stay exact integers. */
export const MAX_AMOUNT = 1_000_000_000_000;

/** Some text that is not only spaces: an empty title would leave a heading and a bookmark with nothing in them. */
const text = (description: string) =>
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
const markdown = (description: string) =>
  z.string().describe(`${description} Markdown; siffror ur budgeten skrivs {{ costs.budget2025 | mkr }}.`);

const identifier = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_-]*$/)
  .describe('Id: bokstäver, siffror, - och _, börjar med en bokstav.');

const isoDate = z
  .string()
  .refine((s) => isIsoDate(s), { message: 'skriv datumet som ÅÅÅÅ-MM-DD, t.ex. 2025-11-26', params: { showValue: true } })
  .describe('Datum som ÅÅÅÅ-MM-DD, t.ex. 2024-11-28.');

const year = z.number().int().min(1990).max(2100);

export const amount = z
  .number()
  .int()
  .min(-MAX_AMOUNT)
  .max(MAX_AMOUNT)
  .describe('Belopp i hela kronor (eller tkr om budgeten är i tkr).');

/** A value per column id; a missing column or null is a blank cell, which is not zero. */
/** The key a value written as a list gets: its position, resolved to a column id by the budget engine. */
export const POSITION_KEY = '#';

const cellValues = z
  .union([
    z.record(z.string(), amount.nullable()),
    // [505250, 505250, null, 499600]: one value per column, in the columns' order.
    z.array(amount.nullable()).transform((list) => Object.fromEntries(list.map((v, i) => [`${POSITION_KEY}${i}`, v]))),
  ])
  .describe(
    'Värde per kolumn-id, t.ex. { "budget2025": 550000 }, eller en lista i kolumnernas ordning, t.ex. [550000, 560000, null]. Saknas kolumnen (eller null) blir cellen tom.',
  );

// ---------------------------------------------------------------- document

const decisionBody = text('Beslutande organ, t.ex. "styrelsen".');

export const statusSchema = z
  .discriminatedUnion('state', [
    z.strictObject({
      state: z.literal('förslag'),
      decisionDate: isoDate.optional().describe('Planerat beslutsdatum.'),
      decisionBody: decisionBody.optional(),
      paragraph: z.string().optional().describe('Paragraf i protokollet, t.ex. "§ 34".'),
    }),
    z.strictObject({
      state: z.literal('fastställd'),
      decisionDate: isoDate,
      decisionBody,
      paragraph: z.string().optional().describe('Paragraf i protokollet, t.ex. "§ 34".'),
    }),
  ])
  .describe('Förslag eller fastställd plan.');

const memberSchema = z.strictObject({
  name: text('Medlemmens namn.'),
  kind: z.enum(['stat', 'region', 'kommun']).describe('stat, region eller kommun.'),
});

const documentSchema = z.strictObject({
  association: z.strictObject({
    name: text('Förbundets namn, t.ex. "Finnvedens Samordningsförbund".'),
    members: z.array(memberSchema).optional().describe('Förbundets medlemmar.'),
  }),
  title: text('Dokumentets titel, t.ex. "Verksamhetsplan 2025".'),
  subtitle: z.string().optional().describe('Undertitel, t.ex. "med budget 2025 och plan 2026–2027".'),
  budgetYear: year.describe('Budgetåret.'),
  planYears: z.array(year).optional().describe('Planåren efter budgetåret.'),
  dnr: z
    .string()
    .min(1)
    .superRefine((dnr, ctx) => {
      const problem = dnrProblem(dnr);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .optional()
    .describe('Diarienummer, t.ex. "2024:11 / 2".'),
  status: statusSchema,
  vision: z
    .strictObject({
      statement: text('Visionen, t.ex. "Plats för alla!".'),
      showOnTitlePage: z
        .boolean()
        .optional()
        .describe('Visionen på titelsidan, med eller utan text över den. Standard: true när titlePageLead finns, annars false.'),
      titlePageLead: z.string().optional().describe('Text över visionen på titelsidan, t.ex. "Vår gemensamma vision:".'),
      uppercaseOnTitlePage: z.boolean().optional().describe('Visionen med versaler på titelsidan.'),
    })
    .optional(),
  preface: markdown('Text på titelsidan under titeln.').optional(),
  logo: z
    .strictObject({
      file: text('Bildfil (png, jpg eller svg), relativt planfilen.'),
      alt: text('Alternativtext för skärmläsare.'),
    })
    .optional(),
  dateStyle: z.enum(['iso', 'long']).optional().describe('Datum som 2024-11-28 (iso) eller 28 november 2024 (long).'),
  date: isoDate.optional().describe('Dokumentets datum (skrivs i PDF:ens egenskaper); standard är beslutsdatumet.'),
  tableOfContents: z.boolean().optional().describe('false: ingen innehållsförteckning.'),
  theme: z
    .string()
    .regex(/^[a-z][a-z0-9-]*$/)
    .optional()
    .describe('Utseende: namnet på en mapp i templates/themes/, t.ex. "kommunal" (standard) eller "modern".'),
  subject: z.string().optional().describe('Ämne i PDF:ens egenskaper; standard är titel och undertitel.'),
});

// ---------------------------------------------------------------- budget

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
  source: z.literal('contributions').optional().describe('Värdet hämtas från medlemsbidragstabellens Totalt.'),
});

export type RowInput = z.infer<typeof rowSchema>;

export interface GroupInput {
  id?: string | undefined;
  heading?: string | undefined;
  subtotal?: string | undefined;
  rows: ItemInput[];
}
export type ItemInput = RowInput | GroupInput;

export const groupSchema: z.ZodType<GroupInput> = z.lazy(() =>
  z.strictObject({
    id: identifier.optional().describe('Id för att citera delsumman: {{ group.ID.KOLUMN }}.'),
    heading: z.string().optional().describe('Grupprubrik, t.ex. "Verksamhet".'),
    subtotal: z.string().optional().describe('Text för delsumman, t.ex. "Delsumma verksamheter". Utan den visas ingen delsumma.'),
    rows: z.array(itemSchema),
  }),
);

export const itemSchema: z.ZodType<ItemInput> = z.lazy(() => z.union([groupSchema, rowSchema]));

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
    })
    .optional(),
  details: z.array(detailSchema).optional().describe('Specifikationer vars SUMMA är en rad i budgeten.'),
});

// ---------------------------------------------------------------- member contributions

const percent = z.number().min(0).max(100);

export const contributionsSchema = z.strictObject({
  caption: z.string().optional(),
  unit: z.enum(['kr', 'tkr']).optional().describe('Enheten för beloppen; standard kr.'),
  partyHeader: z.string().optional().describe('Standard "Finansiär".'),
  shareHeader: z.string().optional().describe('Standard "Andel (%)".'),
  totalLabel: z.string().optional().describe('Standard "Totalt".'),
  parties: z
    .array(
      z.strictObject({
        id: identifier.optional(),
        name: text('Finansiär, t.ex. "Huddinge kommun".'),
        role: z.enum(['stat', 'region', 'kommun']),
        share: percent.optional().describe('Andel i procent med högst två decimaler; staten 50 och regionen 25 om de står ensamma.'),
      }),
    )
    .min(1),
  columns: z
    .array(
      z
        .strictObject({
          id: identifier.optional(),
          year,
          label: z.string().optional().describe('Standard "Medlemsavgift ÅR (kr)".'),
          budgetColumn: z.string().optional().describe('Budgetkolumn vars rad med source "contributions" får totalen.'),
          total: amount.optional().describe('Totalt att fördela.'),
          stateAllotment: amount.optional().describe('Statens tilldelning; övriga matchar den.'),
        })
        .refine((c) => (c.total === undefined) !== (c.stateAllotment === undefined), {
          message: 'ange antingen total eller stateAllotment, inte båda',
        }),
    )
    .min(1),
});

// ---------------------------------------------------------------- sections

interface SectionBaseInput {
  title: string;
  id?: string | undefined;
  numbered?: boolean | undefined;
  text?: string | undefined;
  textAfter?: string | undefined;
  sections?: SectionInput[] | undefined;
}

const sectionBase = {
  title: text('Rubrik (numreras automatiskt).'),
  id: identifier.optional(),
  numbered: z.boolean().optional().describe('false: rubriken får inget nummer.'),
  text: markdown('Text före avsnittets innehåll.').optional(),
  textAfter: markdown('Text efter avsnittets innehåll.').optional(),
  sections: z.array(z.lazy((): z.ZodType<SectionInput> => sectionSchema)).optional().describe('Underavsnitt.'),
};

const participantsSchema = z.strictObject({
  count: z.number().int().min(0).optional(),
  min: z.number().int().min(0).optional(),
  max: z.number().int().min(0).optional(),
  approximate: z.boolean().optional().describe('Skriv "ca".'),
  per: z.string().optional().describe('Standard "år".'),
});

const headingStyle = z.enum(['numbered', 'plain']);

export const sectionSchema: z.ZodType<SectionInput> = z.lazy(() =>
  z.discriminatedUnion('type', [
    z.strictObject({ ...sectionBase, type: z.literal('text') }),
    z.strictObject({
      ...sectionBase,
      type: z.literal('targetGroup'),
      ageRange: z.strictObject({ from: z.number().int(), to: z.number().int() }).optional(),
      priorityGroups: z
        .strictObject({ intro: z.string().optional(), items: z.array(text('Prioriterad grupp.')).min(1) })
        .optional(),
    }),
    z.strictObject({
      ...sectionBase,
      type: z.literal('vision'),
      lead: z.string().optional().describe('Text före visionen, t.ex. "Förbundets vision är:".'),
      showStatement: z.boolean().optional().describe('false: visionen ur document.vision skrivs inte ut här.'),
      cornerstones: z
        .array(z.strictObject({ title: text('Rubrik.'), subtitle: z.string().optional(), text: markdown('Text.') }))
        .optional(),
    }),
    z.strictObject({
      ...sectionBase,
      type: z.literal('organisation'),
      bodyHeadings: z.enum(['numbered', 'plain', 'none']).optional().describe('Rubrik per organ: numrerad, onumrerad eller ingen.'),
      bodies: z
        .array(
          z.strictObject({
            role: z.enum(['styrelse', 'arbetsutskott', 'kansli', 'beredningsgrupp', 'styrgrupper', 'annat']),
            title: z.string().optional(),
            text: markdown('Beskrivning.').optional(),
            dutiesIntro: z.string().optional().describe('T.ex. "En beredningsgrupp ... har följande uppdrag:".'),
            duties: z.array(text('Uppgift.')).optional(),
            textAfter: markdown('Text efter uppgifterna.').optional(),
          }),
        )
        .min(1),
    }),
    z.strictObject({
      ...sectionBase,
      type: z.literal('initiatives'),
      items: z
        .array(
          z.strictObject({
            name: text('Insatsens namn.'),
            text: markdown('Beskrivning.').optional(),
            targetGroup: z.string().optional().describe('Insatsens målgrupp.'),
            participants: participantsSchema.optional(),
            goalsIntro: z.string().optional().describe('Standard "Mål:".'),
            goals: z.array(text('Mål.')).optional(),
          }),
        )
        .min(1),
    }),
    z.strictObject({
      ...sectionBase,
      type: z.literal('goals'),
      groupHeadings: headingStyle.optional().describe('Gruppernas rubriker numrerade eller onumrerade.'),
      groups: z
        .array(
          z.strictObject({
            title: z.string().optional(),
            kind: z.enum(['huvudmal', 'overgripande', 'delmal', 'individmal', 'finansiella', 'ovrigt']).optional(),
            text: markdown('Text före målen.').optional(),
            style: z.enum(['bullets', 'numbered', 'paragraphs']).optional(),
            goals: z
              .array(
                z.strictObject({
                  id: z.string().optional().describe('Beteckning, t.ex. "A".'),
                  text: text('Målet.'),
                  parent: z.string().optional().describe('Beteckningen på målet som detta delmål hör till.'),
                }),
              )
              .optional(),
            textAfter: markdown('Text efter målen.').optional(),
          }),
        )
        .min(1),
    }),
    z.strictObject({
      ...sectionBase,
      type: z.literal('budget'),
      showDetails: z.boolean().optional().describe('false: specifikationerna visas inte här.'),
    }),
    z.strictObject({ ...sectionBase, type: z.literal('contributions') }),
    z.strictObject({
      ...sectionBase,
      type: z.literal('followUp'),
      budgetColumn: z.string().optional().describe('Budgetkolumnen som utfallet jämförs med; standard budgeten för utfallets år.'),
      outcomeColumn: z.string().optional().describe('Utfallskolumnen (kind "utfall"); standard den första.'),
      differenceLabel: z.string().optional().describe('Rubrik för skillnaden; standard "Avvikelse".'),
    }),
  ]),
) as z.ZodType<SectionInput>;

// The section union is recursive; its TypeScript type is written out by hand.
export type SectionInput = SectionBaseInput &
  (
    | { type: 'text' }
    | {
        type: 'targetGroup';
        ageRange?: { from: number; to: number } | undefined;
        priorityGroups?: { intro?: string | undefined; items: string[] } | undefined;
      }
    | {
        type: 'vision';
        lead?: string | undefined;
        showStatement?: boolean | undefined;
        cornerstones?: { title: string; subtitle?: string | undefined; text: string }[] | undefined;
      }
    | {
        type: 'organisation';
        bodyHeadings?: 'numbered' | 'plain' | 'none' | undefined;
        bodies: {
          role: 'styrelse' | 'arbetsutskott' | 'kansli' | 'beredningsgrupp' | 'styrgrupper' | 'annat';
          title?: string | undefined;
          text?: string | undefined;
          dutiesIntro?: string | undefined;
          duties?: string[] | undefined;
          textAfter?: string | undefined;
        }[];
      }
    | {
        type: 'initiatives';
        items: {
          name: string;
          text?: string | undefined;
          targetGroup?: string | undefined;
          participants?: z.infer<typeof participantsSchema> | undefined;
          goalsIntro?: string | undefined;
          goals?: string[] | undefined;
        }[];
      }
    | {
        type: 'goals';
        groupHeadings?: 'numbered' | 'plain' | undefined;
        groups: {
          title?: string | undefined;
          kind?: 'huvudmal' | 'overgripande' | 'delmal' | 'individmal' | 'finansiella' | 'ovrigt' | undefined;
          text?: string | undefined;
          style?: 'bullets' | 'numbered' | 'paragraphs' | undefined;
          goals?: { id?: string | undefined; text: string; parent?: string | undefined }[] | undefined;
          textAfter?: string | undefined;
        }[];
      }
    | { type: 'budget'; showDetails?: boolean | undefined }
    | { type: 'contributions' }
    | { type: 'followUp'; budgetColumn?: string | undefined; outcomeColumn?: string | undefined; differenceLabel?: string | undefined }
  );

// ---------------------------------------------------------------- plan

export const planSchema = z
  .strictObject({
    $schema: z.string().optional().describe('Sökväg till JSON Schema för redigeringsstöd.'),
    version: z.literal(1).optional().describe('Planformatets version (1). En plan för en äldre version uppdateras när den läses.'),
    document: documentSchema,
    sections: z.array(sectionSchema).min(1).describe('Avsnitten i den ordning de ska stå.'),
    budget: budgetSchema.optional(),
    contributions: contributionsSchema.optional(),
  })
  .describe('Verksamhetsplan med budget för ett samordningsförbund (vplan).');

export type PlanInput = z.infer<typeof planSchema>;
export type BudgetInput = z.infer<typeof budgetSchema>;
export type ContributionsInput = z.infer<typeof contributionsSchema>;
export type DocumentInput = z.infer<typeof documentSchema>;
export type ColumnKind = (typeof columnKinds)[number];
