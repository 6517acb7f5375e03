// Bad plans: every problem reported at once, each with the file, line, JSON path and a Swedish message.
import { describe, expect, it } from 'vitest';
import { decodePlanText, parsePlanText } from '../src/load/loadPlan.js';
import { PlanError } from '../src/errors.js';
import { basePlan, budget } from './helpers/plans.js';

function errorsOf(text: string): PlanError {
  try {
    parsePlanText('plan.json', text);
  } catch (error) {
    if (error instanceof PlanError) return error;
    throw error;
  }
  throw new Error('expected the plan to be refused');
}

describe('invalid JSON', () => {
  it('names the line and column of a missing comma', () => {
    const error = errorsOf('{\n  "document": {}\n  "sections": []\n}');
    expect(error.stage).toBe('json');
    expect(error.issues[0]).toMatchObject({ line: 3, column: 3 });
    expect(error.describe()).toMatch(/plan\.json:3:3 kommatecken väntades/);
  });
  it('reports a trailing comma and a comment', () => {
    expect(errorsOf('{"a": [1, 2,]}').issues[0]!.message).toMatch(/värde väntades/);
    expect(errorsOf('{"a": 1 // x\n}').issues[0]!.message).toMatch(/kommentarer/);
  });
  it('reports a key given twice', () => {
    expect(errorsOf('{"a": 1, "a": 2}').issues[0]!.message).toMatch(/nyckeln "a" står två gånger/);
  });
  it('accepts a byte-order mark and refuses a file that is not UTF-8', () => {
    expect(decodePlanText('p.json', new Uint8Array([0xef, 0xbb, 0xbf, 0x7b, 0x7d]))).toBe('{}');
    expect(() => decodePlanText('p.json', new Uint8Array([0x7b, 0xe5, 0x7d]))).toThrow(PlanError);
  });
});

describe('schema errors', () => {
  it('lists every problem with its JSON path, line and a Swedish message', () => {
    const plan = basePlan({ budget: budget() }) as unknown as Record<string, unknown>;
    const b = plan.budget as Record<string, unknown>;
    (b.income as { rows: { values: Record<string, unknown> }[] }).rows[0]!.values.budget2025 = '1 234';
    (b.costs as { rows: { values: Record<string, unknown> }[] }).rows[0]!.values.budget2025 = 12.5;
    b.kostnder = [];
    (plan.document as Record<string, unknown>).status = { state: 'antagen' };
    const error = errorsOf(JSON.stringify(plan, null, 2));
    const text = error.describe().replace(/\u00a0/g, ' ');
    expect(error.issues.length).toBe(4);
    expect(text).toMatch(/budget\.income\.rows\[0\]\.values\.budget2025: ska vara ett tal utan citattecken och mellanslag, t\.ex\. 1234/);
    expect(text).toMatch(/budget\.costs\.rows\[0\]\.values\.budget2025: ska vara ett heltal \(hela kronor\), fick talet 12\.5/);
    expect(text).toMatch(/budget\.kostnder: okänd nyckel "kostnder"/);
    expect(text).toMatch(/document\.status\.state: okänd status "antagen"/);
    for (const issue of error.issues) expect(issue.line).toBeGreaterThan(1);
    // In a budget in tkr, a whole number of tkr.
    b.unit = 'tkr';
    expect(errorsOf(JSON.stringify(plan, null, 2)).describe()).toMatch(/values\.budget2025: ska vara ett heltal \(hela tkr\), fick talet 12\.5/);
  });

  it('suggests the key that was meant', () => {
    const plan = basePlan() as unknown as Record<string, unknown>;
    plan.sectons = [];
    expect(errorsOf(JSON.stringify(plan)).describe()).toMatch(/okänd nyckel "sectons" – menade du "sections"\?/);
  });

  it('names an unknown section type', () => {
    const plan = basePlan({ sections: [{ type: 'budgt', title: 'Budget' } as never] });
    expect(errorsOf(JSON.stringify(plan)).describe()).toMatch(/sections\[0\]\.type: okänd avsnittstyp "budgt" – menade du "budget"\?/);
  });

  it('refuses an empty plan', () => {
    const error = errorsOf('{}');
    expect(error.describe()).toMatch(/document: saknas/);
    expect(error.describe()).toMatch(/sections: saknas/);
  });
});
