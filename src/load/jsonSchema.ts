// The JSON Schema that editors use to complete and check a plan, generated from the zod schema.
import { toJSONSchema } from 'zod';
import { planSchema } from './schema.js';

export function planJsonSchema(): Record<string, unknown> {
  const schema = toJSONSchema(planSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return { ...schema, $id: 'https://vplan.local/schema/plan.schema.json', title: 'vplan: verksamhetsplan med budget' };
}

/** All property names anywhere in the schema. */
export function schemaKeys(schema: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(schema)) for (const s of schema) schemaKeys(s, out);
  else if (schema && typeof schema === 'object') {
    for (const [key, value] of Object.entries(schema)) {
      if (key === 'properties' && value && typeof value === 'object') for (const k of Object.keys(value)) out.add(k);
      schemaKeys(value, out);
    }
  }
  return out;
}
