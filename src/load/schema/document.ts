// The plan's document part: förbund, title, years, dnr, status and decision, vision, logo, appearance.
import * as z from './zod.js';
import { dnrProblem } from '../../archive/dnr.js';
import { isoDate, markdown, memberRole, text, year } from './primitives.js';
import { statusSchema } from './status.js';
import { headingsSchema } from './headings.js';


const memberSchema = z.strictObject({
  name: text('Medlemmens namn.'),
  kind: memberRole.describe('stat, region eller kommun.'),
});

export const documentSchema = z.strictObject({
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
  headings: headingsSchema.optional(),
  theme: z
    .string()
    .regex(/^[a-z][a-z0-9-]*$/)
    .optional()
    .describe('Utseende: namnet på en mapp i templates/themes/, t.ex. "kommunal" (standard) eller "modern".'),
  subject: z.string().optional().describe('Ämne i PDF:ens egenskaper; standard är titel och undertitel.'),
});


export type DocumentInput = z.infer<typeof documentSchema>;
