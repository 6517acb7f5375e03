// The plan's sections: one zod schema per section type, nested through `sections`.
import * as z from './zod.js';
import { identifier, markdown, text } from './primitives.js';
import { chartSectionShape, chartsField } from './charts.js';
import { sectionImages } from './files.js';

/** The fields every section has, and its sub-sections; the recursion is a getter so the type is inferred. */
function section<Shape extends z.ZodRawShape>(shape: Shape) {
  return z.strictObject({
    title: text('Rubrik (numreras automatiskt).'),
    id: identifier.optional(),
    numbered: z.boolean().optional().describe('false: rubriken får inget nummer.'),
    text: markdown('Text före avsnittets innehåll.').optional(),
    textAfter: markdown('Text efter avsnittets innehåll.').optional(),
    images: sectionImages,
    ...shape,
    get sections(): z.ZodOptional<z.ZodArray<typeof sectionSchema>> {
      return z.array(sectionSchema).optional().describe('Underavsnitt.');
    },
  });
}

const participantsSchema = z.strictObject({
  count: z.number().int().min(0).optional(),
  min: z.number().int().min(0).optional(),
  max: z.number().int().min(0).optional(),
  approximate: z.boolean().optional().describe('Skriv "ca".'),
  per: z.string().optional().describe('Standard "år".'),
});

const headingStyle = z.enum(['numbered', 'plain']);

export const sectionSchema = z.discriminatedUnion('type', [
  section({ type: z.literal('text') }),
  section({
    type: z.literal('targetGroup'),
    ageRange: z.strictObject({ from: z.number().int(), to: z.number().int() }).optional(),
    priorityGroups: z
      .strictObject({ intro: z.string().optional(), items: z.array(text('Prioriterad grupp.')).min(1) })
      .optional(),
  }),
  section({
    type: z.literal('vision'),
    lead: z.string().optional().describe('Text före visionen, t.ex. "Förbundets vision är:".'),
    showStatement: z.boolean().optional().describe('false: visionen ur document.vision skrivs inte ut här.'),
    cornerstones: z
      .array(z.strictObject({ title: text('Rubrik.'), subtitle: z.string().optional(), text: markdown('Text.') }))
      .optional(),
  }),
  section({
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
  section({
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
  section({
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
  section({
    type: z.literal('budget'),
    showDetails: z.boolean().optional().describe('false: specifikationerna visas inte här.'),
    charts: chartsField,
  }),
  section({ type: z.literal('contributions'), charts: chartsField }),
  section({ type: z.literal('chart'), ...chartSectionShape }),
  section({
    type: z.literal('followUp'),
    budgetColumn: z.string().optional().describe('Budgetkolumnen som utfallet jämförs med; standard budgeten för utfallets år.'),
    outcomeColumn: z.string().optional().describe('Utfallskolumnen (kind "utfall"); standard den första.'),
    differenceLabel: z.string().optional().describe('Rubrik för skillnaden; standard "Avvikelse".'),
  }),
  ]);

export type SectionInput = z.infer<typeof sectionSchema>;
