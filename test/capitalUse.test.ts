// Saved capital typed as an income row in a plan where vplan computes the capital: "Nyttjande av eget
// kapital" raised the year's result and the closing capital by what was taken from the capital, and an
// income row "Ingående eget kapital" beside capital.opening counted the capital twice, both without a
// word. Each is a warning at the row (code capitalUse), which the plan can acknowledge.
import { describe, expect, it } from 'vitest';
import { computePlan } from '../src/compute/computePlan.js';
import { planSchema, type PlanInput } from '../src/load/schema.js';
import { capitalRowKind } from '../src/compute/budget/capitalUseRows.js';
import { basePlan, budget } from './helpers/plans.js';

function plan(label: string, withCapital = true) {
  return basePlan({
    budget: budget({
      ...(withCapital ? { capital: { opening: { budget2025: 2_000_000 } } } : {}),
      income: { rows: [{ label: 'Medlemsbidrag', values: { budget2025: 1_000_000 } }, { label, values: { budget2025: 500_000 } }] },
      costs: { rows: [{ label: 'Kansli', values: { budget2025: 1_500_000 } }] },
    }),
    sections: [{ type: 'budget', title: 'Budget' }],
  });
}
const compute = (p: PlanInput) => computePlan(planSchema.parse(p), 'plan.json');
const capitalWarnings = (p: PlanInput) => compute(p).warnings.filter((w) => w.code?.startsWith('capitalUse:'));

describe('saved capital as an income row', () => {
  it('is a warning at the row when vplan computes the capital: the closing capital it prints is too high', () => {
    const outcome = compute(plan('Nyttjande av eget kapital'));
    const warnings = outcome.warnings.filter((w) => w.code?.startsWith('capitalUse:'));
    expect(warnings.map((w) => [w.code, w.path])).toEqual([['capitalUse:Nyttjande av eget kapital', ['budget', 'income', 'rows', 1]]]);
    expect(warnings[0]!.message).toContain('raden "Nyttjande av eget kapital" är förbundets sparade kapital som används, inte en intäkt');
    expect(warnings[0]!.message).toContain('Ta bort raden');
    // What the warning is about: the closing capital stays at the opening though 500 000 were used.
    expect(outcome.plan!.budget!.totals.result[0]).toBe(0);
    expect(outcome.plan!.budget!.totals.closingCapital[0]).toBe(2_000_000);
  });

  it('with the row removed, the result shows the use and the closing capital is right (the deficit is its own warning)', () => {
    const p = plan('Nyttjande av eget kapital');
    p.budget!.income.rows.pop();
    const outcome = compute(p);
    expect(outcome.warnings.filter((w) => w.code?.startsWith('capitalUse:'))).toEqual([]);
    expect(outcome.plan!.budget!.totals.result[0]).toBe(-500_000);
    expect(outcome.plan!.budget!.totals.closingCapital[0]).toBe(1_500_000);
    expect(outcome.warnings.map((w) => w.code)).toContain('deficit:budget2025');
  });

  it('warns about an opening capital typed as income beside capital.opening: counted twice', () => {
    const [warning] = capitalWarnings(plan('Ingående eget kapital'));
    expect(warning!.message).toContain('ser ut som förbundets ingående kapital, som planen redan har i budget.capital.opening');
  });

  it('is no warning without a capital vplan computes, or once acknowledged', () => {
    expect(capitalWarnings(plan('Nyttjande av eget kapital', false))).toEqual([]);
    const acknowledged = { ...plan('Nyttjande av eget kapital'), acknowledgedWarnings: [{ warning: 'capitalUse:Nyttjande av eget kapital', reason: 'Bidrag ur ett annat förbunds kapital.' }] };
    expect(capitalWarnings(acknowledged)).toEqual([]);
  });

  it.each([
    ['Nyttjande av eget kapital', 'use'],
    ['Ianspråktagande av balanserat resultat', 'use'],
    ['Medel från eget kapital', 'use'],
    ['Användning av ackumulerat överskott', 'use'],
    ['Ianspråktaget eget kapital', 'use'],
    ['Utnyttjande av tidigare års överskott', 'use'],
    ['Resultat från föregående år', 'use'],
    ['Ingående eget kapital', 'opening'],
    ['Balanserat resultat', 'opening'],
    ['Ränta på eget kapital', undefined],
    ['Medlemsbidrag', undefined],
    ['Överföring från Samordningsförbundet Norr', undefined],
    ['Resultatöverföring', undefined],
  ])('reads "%s" as %s', (label, kind) => {
    expect(capitalRowKind(label)).toBe(kind);
  });
});
