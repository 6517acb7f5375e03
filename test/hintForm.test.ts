// A compute message's hint is written as the plan is: JSON for a JSON plan, YAML for a YAML plan or folder.
import { describe, expect, it } from 'vitest';
import { yamlHint } from '../src/compute/hintForm.js';
import { computePlan } from '../src/compute/computePlan.js';
import { planSchema } from '../src/load/schema.js';
import { basePlan, budget } from './helpers/plans.js';

describe('hints in the plan’s form', () => {
  it('turn JSON keys and one-word texts into YAML, and leave a quoted text before a colon alone', () => {
    expect(yamlHint('inget avsnitt har "type": "budget"')).toBe('inget avsnitt har type: budget');
    expect(yamlHint('lägg till { "kind": "utfall", "year": … } bland budgetens kolumner')).toBe('lägg till { kind: utfall, year: … } bland budgetens kolumner');
    expect(yamlHint('eller "remainder": true för det som återstår')).toBe('eller remainder: true för det som återstår');
    expect(yamlHint('"Kostnader": "{{" stängs aldrig')).toBe('"Kostnader": "{{" stängs aldrig');
    expect(yamlHint('t.ex. { "name": "Orsa kommun", "role": "kommun", "share": … }')).toBe('t.ex. { name: "Orsa kommun", role: kommun, share: … }');
    expect(yamlHint('rätta datumet, t.ex. "decisionDate": "2026-11-26", eller')).toBe('rätta datumet, t.ex. decisionDate: 2026-11-26, eller');
  });

  it('show a YAML plan’s warning in YAML and a JSON plan’s in JSON', () => {
    const plan = planSchema.parse(basePlan({ budget: budget() }));
    const warning = (form: 'json' | 'yaml') => computePlan(plan, 'plan', form).warnings.find((w) => w.code === 'budgetNotShown')!.message;
    expect(warning('json')).toContain('budgeten visas inte: inget avsnitt har "type": "budget"');
    expect(warning('yaml')).toContain('budgeten visas inte: inget avsnitt har type: budget');
  });
});
