// The plan format: one zod schema per part of a verksamhetsplan (files in schema/), joined here.
import * as z from './schema/zod.js';
import { budgetSchema } from './schema/budget.js';
import { contributionsSchema } from './schema/contributions.js';
import { documentSchema } from './schema/document.js';
import { sectionSchema } from './schema/sections.js';
import { acknowledgedWarningsSchema } from './schema/acknowledged.js';

export * from './schema/primitives.js';
export * from './schema/document.js';
export * from './schema/status.js';
export * from './schema/budget.js';
export * from './schema/contributions.js';
export * from './schema/sections.js';
export * from './schema/acknowledged.js';
export * from './schema/headings.js';
export * from './schema/charts.js';
export * from './schema/files.js';

export const planSchema = z
  .strictObject({
    $schema: z.string().optional().describe('Sökväg till JSON Schema för redigeringsstöd.'),
    version: z.literal(1).optional().describe('Planformatets version (1). En plan för en äldre version uppdateras när den läses.'),
    document: documentSchema,
    sections: z.array(sectionSchema).min(1).describe('Avsnitten i den ordning de ska stå.'),
    budget: budgetSchema.optional(),
    contributions: contributionsSchema.optional(),
    acknowledgedWarnings: acknowledgedWarningsSchema.optional(),
  })
  .describe('Verksamhetsplan med budget för ett samordningsförbund (vplan).');

export type PlanInput = z.infer<typeof planSchema>;

/** The keys of each of the plan's parts that is a map (document, budget, contributions …): for YAML's "saknas raden budget:?". */
export function planPartKeys(): Record<string, readonly string[]> {
  const parts: Record<string, readonly string[]> = {};
  for (const [name, field] of Object.entries(planSchema.shape)) {
    const inner: unknown = 'unwrap' in field ? field.unwrap() : field;
    const shape = inner !== null && typeof inner === 'object' && 'shape' in inner ? inner.shape : undefined;
    if (shape !== null && typeof shape === 'object') parts[name] = Object.keys(shape);
  }
  return parts;
}
