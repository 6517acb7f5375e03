// Writes schema/plan.schema.json from the zod schema, so editors can complete and check plans.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { planJsonSchema } from '../load/jsonSchema.js';
import { PROJECT_ROOT } from '../render/assets.js';

const target = path.join(PROJECT_ROOT, 'schema', 'plan.schema.json');
mkdirSync(path.dirname(target), { recursive: true });
writeFileSync(target, `${JSON.stringify(planJsonSchema(), null, 2)}\n`);
