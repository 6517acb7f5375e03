// The JSON Schema that ships in schema/ is the one the zod schema generates, and every example uses it.
import { describe, expect, it } from 'vitest';
import { readFile, readdir } from 'node:fs/promises';
import { planJsonSchema } from '../src/load/jsonSchema.js';
import { EXAMPLE_FILES } from './helpers/exampleFiles.js';
import { loadPlan } from '../src/load/loadPlan.js';

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
  it('is referenced by every example plan (JSON, YAML or folder), which all validate', async () => {
    expect((await readdir('data')).sort()).toEqual(Object.values(EXAMPLE_FILES).map((f) => f.slice('data/'.length)).sort());
    const json = await readFile(EXAMPLE_FILES['finnveden-2025'], 'utf8');
    expect(JSON.parse(json).$schema).toBe('../schema/plan.schema.json');
    expect((await readFile(EXAMPLE_FILES['sodra-vatterbygden-2013'], 'utf8')).split('\n')[0]).toBe('# yaml-language-server: $schema=../schema/plan.schema.json');
    expect((await readFile(`${EXAMPLE_FILES['botkyrka-huddinge-salem-2018']}/plan.yaml`, 'utf8')).split('\n')[0]).toBe(
      '# yaml-language-server: $schema=../../schema/plan.schema.json',
    );
    for (const file of Object.values(EXAMPLE_FILES)) await expect(loadPlan(file)).resolves.toBeDefined();
  });
});
