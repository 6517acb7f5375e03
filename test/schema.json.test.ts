// The JSON Schema that ships in schema/ is the one the zod schema generates, and every example uses it.
import { describe, expect, it } from 'vitest';
import { readFile, readdir } from 'node:fs/promises';
import { planJsonSchema } from '../src/load/jsonSchema.js';
import { parsePlanText } from '../src/load/loadPlan.js';

describe('JSON Schema', () => {
  it('is up to date with the zod schema', async () => {
    const shipped = JSON.parse(await readFile('schema/plan.schema.json', 'utf8'));
    expect(shipped).toEqual(planJsonSchema());
  });
  it('describes the plan in Swedish for the editor', () => {
    const text = JSON.stringify(planJsonSchema());
    expect(text).toContain('Förbundets namn');
    expect(text).toContain('"förslag"');
  });
  it('is referenced by every example plan, which all validate', async () => {
    for (const file of (await readdir('data')).filter((f) => f.endsWith('.json'))) {
      const text = await readFile(`data/${file}`, 'utf8');
      expect(JSON.parse(text).$schema).toBe('../schema/plan.schema.json');
      expect(() => parsePlanText(file, text)).not.toThrow();
    }
  });
});
