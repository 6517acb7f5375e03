// Plans that built without a word but printed something wrong (a new user's trial): a plan column for a
// year that is not a plan year, no budget column for the budget year, a member left out of the
// contributions, a negative cost, a decision date years away from the plan. Each is a warning with a
// code, located in the file; none of the examples (nor next year's plan made from them) gets one.
import { describe, expect, it } from 'vitest';
import { readFile, writeFile, cp } from 'node:fs/promises';
import path from 'node:path';
import { computePlan } from '../src/compute/computePlan.js';
import { checkPlan } from '../src/build.js';
import { nextYear } from '../src/next/nextYear.js';
import { planSchema, type PlanInput } from '../src/load/schema.js';
import { nameKey } from '../src/compute/members.js';
import { basePlan, budget } from './helpers/plans.js';
import { EXAMPLE_FILES, exampleValue, type ExampleName } from './helpers/exampleFiles.js';
import { useTempDir } from './helpers/tempDir.js';
import { runVplan } from './helpers/cli.js';

const FILE = path.resolve('test/fixtures/plan.json');
const CODES = /^(columnYear|budgetYearColumn|decisionYear|negativeCost|memberWithoutContribution)\b/;

const warningsOf = (plan: PlanInput) => {
  const parsed = planSchema.parse(plan);
  const outcome = computePlan(parsed, FILE);
  expect(outcome.issues).toEqual([]);
  return outcome.warnings.map((w) => ({ ...w, message: w.message.replace(/\u00a0/g, ' ') }));
};
const ours = (plan: PlanInput) => warningsOf(plan).filter((w) => w.code !== undefined && CODES.test(w.code));

/** A plan for 2027 with plan years 2028 and 2029, as the trial's. */
function plan2027(columns = [
  { kind: 'prognos' as const, year: 2026 },
  { kind: 'budget' as const, year: 2027 },
  { kind: 'plan' as const, year: 2028 },
  { kind: 'plan' as const, year: 2029 },
]): PlanInput {
  const values = Object.fromEntries(columns.map((c) => [`${c.kind}${c.year}`, 1000]));
  return basePlan({
    document: { ...basePlan().document, title: 'Verksamhetsplan 2027', budgetYear: 2027, planYears: [2028, 2029] },
    budget: budget({ columns, income: { rows: [{ label: 'Bidrag', values }] }, costs: { rows: [{ label: 'Kansli', values }] } }),
    sections: [{ type: 'budget', title: 'Budget' }],
  });
}

describe('members and the contributions table', () => {
  const withMembers = (names: [string, 'stat' | 'region' | 'kommun'][], parties: PlanInput['contributions']) => {
    const plan = basePlan({ contributions: parties, sections: [{ type: 'contributions', title: 'Medlemsbidrag' }] });
    plan.document.association.members = names.map(([name, kind]) => ({ name, kind }));
    return plan;
  };
  const parties = (kommuner: [string, number][], region = 'Region Dalarna'): PlanInput['contributions'] => ({
    parties: [
      { name: 'Staten genom Försäkringskassan', role: 'stat' },
      { name: region, role: 'region' },
      ...kommuner.map(([name, share]) => ({ name, role: 'kommun' as const, share })),
    ],
    columns: [{ year: 2025, total: 1000000 }],
  });
  const members: [string, 'stat' | 'region' | 'kommun'][] = [
    ['Försäkringskassan', 'stat'],
    ['Arbetsförmedlingen', 'stat'],
    ['Region Dalarna', 'region'],
    ['Mora kommun', 'kommun'],
    ['Orsa kommun', 'kommun'],
  ];

  it('warns at a kommun that is a member but pays nothing in the table', () => {
    const warnings = ours(withMembers(members, parties([['Mora kommun', 25]])));
    expect(warnings.map((w) => [w.code, w.path])).toEqual([['memberWithoutContribution:Orsa kommun', ['document', 'association', 'members', 4]]]);
    expect(warnings[0]!.message).toContain(
      'Orsa kommun är medlem (document.association.members) men finns inte bland finansiärerna i medlemsbidragen (contributions.parties), så tabellen visar inget bidrag från den; lägg till den, t.ex. { name: "Orsa kommun", role: kommun, share: … }, eller ta bort den ur members om den inte är medlem',
    );
  });

  it('matches names written with or without "kommun" and a genitive s, and a sole region party by its role', () => {
    expect(ours(withMembers(members, parties([['Mora', 20], ['Orsa', 5]], 'Regionen')))).toEqual([]);
    expect(nameKey('Salems kommun')).toBe(nameKey('Salem'));
    expect(nameKey('Malung-Sälens kommun')).toBe(nameKey('Malung-Sälen'));
    expect(nameKey('Stockholms läns landsting')).toBe(nameKey('Region Stockholm'));
  });

  it('takes one kommun party that is no member\'s name ("Kommunerna") as paying for them all', () => {
    expect(ours(withMembers(members, parties([['Kommunerna', 25]])))).toEqual([]);
  });

  it('names a party whose name matches no member beside the member left out', () => {
    const [warning] = ours(withMembers([...members, ['Älvdalens kommun', 'kommun']], parties([['Mora kommun', 20], ['Orsa kommun', 4], ['Elfdalen', 1]])));
    expect(warning!.code).toBe('memberWithoutContribution:Älvdalens kommun');
    expect(warning!.message).toContain('(bland finansiärerna står "Elfdalen", som inte är någon medlems namn; är det samma kommun, skriv namnet lika på båda ställena)');
  });

  it('says nothing without a contributions table', () => {
    const plan = basePlan();
    plan.document.association.members = members.map(([name, kind]) => ({ name, kind }));
    expect(ours(plan)).toEqual([]);
  });
});

describe('negative costs', () => {
  it('warns at the negative value of a cost row, written as a list or by column, and in a specification', () => {
    const plan = plan2027();
    plan.budget!.costs = {
      rows: [
        { label: 'Kansli', values: [1000, -150000, 1000, 1000] as unknown as Record<string, number> },
        { label: 'Revision', values: { prognos2026: -5, plan2029: -7 } },
        { label: 'Insatser', detail: 'insatser' },
      ],
    };
    plan.budget!.details = [{ id: 'insatser', title: 'Insatser', rows: [{ label: 'Lyra', values: { budget2027: -200 } }] }];
    const warnings = ours(plan);
    expect(warnings.map((w) => [w.code, w.path])).toEqual([
      ['negativeCost:Kansli', ['budget', 'costs', 'rows', 0, 'values', 1]],
      ['negativeCost:Revision', ['budget', 'costs', 'rows', 1, 'values', 'prognos2026']],
      ['negativeCost:insatser/Lyra', ['budget', 'details', 0, 'rows', 0, 'values', 'budget2027']],
    ]);
    expect(warnings[0]!.message).toMatch(/^kostnadsraden "Kansli" har ett negativt belopp \(−150 000 kr i Budget 2027\), som minskar kostnaderna; en kostnad skrivs som ett positivt tal\. Är det en rättelse/);
    expect(warnings[1]!.message).toContain('har negativa belopp (−5 kr i Prognos 2026, −7 kr i Plan 2029)');
    expect(warnings[2]!.message).toMatch(/^raden "Lyra" i specifikationen Insatser har ett negativt belopp/);
  });

  it('says that costSign "negative" only prints costs negative, and warns about no income row', () => {
    const plan = plan2027();
    plan.budget!.costSign = 'negative';
    plan.budget!.income = { rows: [{ label: 'Återbetalning', values: { budget2027: -10 } }] };
    plan.budget!.costs = { rows: [{ label: 'Kansli', values: { budget2027: -800 } }] };
    const warnings = ours(plan);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.message).toContain('(costSign: negative skriver kostnaderna negativa i tabellen; i planen skrivs de positiva)');
  });

  it('is acknowledged by its code', () => {
    const plan = plan2027();
    plan.budget!.costs = { rows: [{ label: 'Rättelse 2026', values: { budget2027: -100 } }] };
    plan.acknowledgedWarnings = [{ warning: 'negativeCost:Rättelse 2026', reason: 'Återbetalning av för mycket utbetalt bidrag.' }];
    expect(warningsOf(plan)).toEqual([]);
  });
});
