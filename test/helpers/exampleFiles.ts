// Where each example plan lives: one in each form a user may pick (JSON, YAML, a plan folder).
import { loadPlan } from '../../src/load/loadPlan.js';

export const EXAMPLE_FILES = {
  'finnveden-2025': 'data/finnveden-2025.json',
  'sodra-vatterbygden-2013': 'data/sodra-vatterbygden-2013.yaml',
  'botkyrka-huddinge-salem-2018': 'data/botkyrka-huddinge-salem-2018',
} as const;

export type ExampleName = keyof typeof EXAMPLE_FILES;

/** An example plan's value as read (any form), a fresh copy a test may change and write as JSON. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function exampleValue(name: ExampleName): Promise<any> {
  const loaded = await loadPlan(EXAMPLE_FILES[name]);
  return structuredClone(loaded.parsed.value);
}
