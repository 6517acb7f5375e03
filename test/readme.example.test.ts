// The small complete plan in the README is valid and computes what the README says it does.
import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { parsePlanText } from '../src/load/loadPlan.js';
import { computePlan } from '../src/compute/computePlan.js';

describe('README example', () => {
  it('validates and fills in the balancing row and the quoted figure', async () => {
    const readme = await readFile('README.md', 'utf8');
    const block = /```json\n(\{\n {2}"\$schema"[\s\S]*?)\n```/.exec(readme);
    expect(block).not.toBeNull();
    const { plan } = parsePlanText('README.md', block![1]!);
    const outcome = computePlan(plan, 'README.md');
    expect(outcome.issues).toEqual([]);
    const rows = outcome.plan!.budget!.table.rows;
    expect(rows.find((r) => r.label === 'Utrymme nya insatser')!.cells).toEqual([440000, 370000]);
    expect(rows.find((r) => r.label === 'Resultat')!.cells).toEqual([0, 0]);
    expect(outcome.plan!.sections[0]!.text).toContain('ca 4,0 miljoner kronor');
  });
});
