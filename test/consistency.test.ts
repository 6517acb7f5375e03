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
const CODES = /^(columnYear|budgetYearColumn|decisionYear|negativeCost|memberWithoutContribution|sumLikeRow|largeAmount|capitalLabelNotShown|capitalUse|contributionsMissing)\b/

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

describe('budget column years against the plan years', () => {
  it('warns at a plan column whose year is not a plan year, with the year to write', () => {
    const warnings = ours(plan2027([{ kind: 'budget', year: 2027 }, { kind: 'plan', year: 2028 }, { kind: 'plan', year: 2092 }]));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.path).toEqual(['budget', 'columns', 2, 'year']);
    expect(warnings[0]!.code).toBe('columnYear:plan2092');
    expect(warnings[0]!.message).toMatch(
      /^planårskolumnen Plan 2092 har året 2092, som inte är något av planåren 2028, 2029 \(document\.planYears\); skriv det år kolumnen gäller, t\.ex\. "year": 2029, eller, om planen sträcker sig dit, lägg till 2092 i planYears/,
    );
  });

  it('without planYears, takes the three years after the budget year as plan years', () => {
    const plan = plan2027([{ kind: 'budget', year: 2027 }, { kind: 'plan', year: 2028 }, { kind: 'plan', year: 2027 }]);
    delete plan.document.planYears;
    const [warning] = ours(plan);
    expect(warning!.message).toMatch(/^planårskolumnen Plan 2027 har året 2027, som inte ligger efter budgetåret 2027; skriv .* t\.ex\. "year": 2029, .*ange planåren i document\.planYears/);
    // With a heading of its own it is last year's plan shown beside the budget: no warning.
    const labelled = plan2027([{ kind: 'budget', year: 2027 }, { kind: 'plan', year: 2028 }, { kind: 'plan', year: 2027, label: 'Plan 2027 enl. VP 2026' }]);
    expect(ours(labelled).filter((w) => w.code?.startsWith('columnYear:'))).toEqual([]);
  });

  it('warns when no budget column has the budget year but one has another', () => {
    const warnings = ours(plan2027([{ kind: 'prognos', year: 2026 }, { kind: 'budget', year: 2026 }, { kind: 'plan', year: 2028 }]));
    expect(warnings.map((w) => [w.code, w.path])).toEqual([['budgetYearColumn', ['budget', 'columns', 1, 'year']]]);
    expect(warnings[0]!.message).toContain('budgeten har ingen budgetkolumn för budgetåret 2027 (document.budgetYear), bara Budget 2026; gäller Budget 2026 budgetåret, skriv "year": 2027');
  });

  it('takes a plan column for the budget year, where no budget column has it, for the budget', () => {
    const warnings = ours(plan2027([{ kind: 'budget', year: 2026 }, { kind: 'plan', year: 2027 }, { kind: 'plan', year: 2028 }]));
    expect(warnings.map((w) => [w.code, w.path])).toEqual([['budgetYearColumn', ['budget', 'columns', 1, 'kind']]]);
    expect(warnings[0]!.message).toContain('budgeten har ingen budgetkolumn för budgetåret 2027 (document.budgetYear), men Plan 2027 har året; är den årets budget, skriv "kind": "budget" där');
  });

  it("lets last year's budget, prognos and utfall for past years stand beside the budget year's column", () => {
    const columns = [
      { kind: 'utfall' as const, year: 2025 },
      { kind: 'budget' as const, year: 2026 },
      { kind: 'prognos' as const, year: 2026 },
      { kind: 'budget' as const, year: 2027 },
      { kind: 'plan' as const, year: 2028 },
    ];
    expect(ours(plan2027(columns))).toEqual([]);
  });

  it('names the column, not the text, when a text quotes the budget year the columns lack', () => {
    const plan = plan2027([{ kind: 'budget', year: 2026 }, { kind: 'plan', year: 2028 }]);
    plan.sections = [{ type: 'budget', title: 'Budget', text: 'Kostnaderna är {{ costs.budget2027 }} kr.' }];
    const outcome = computePlan(planSchema.parse(plan), FILE);
    expect(outcome.issues.map((i) => i.message)).toEqual([
      '{{ costs.budget2027 }}: okänt namn "costs.budget2027" – ingen budgetkolumn har budgetåret 2027 (document.budgetYear); gäller Budget 2026 det året, skriv "year": 2027 där i budget.columns',
    ]);
  });

  it('names the column when a budget reference lacks a plan year', () => {
    const plan = plan2027([{ kind: 'budget', year: 2027 }, { kind: 'plan', year: 2092 }]);
    plan.budget!.capital = { carryForward: { plan2028: 'budget2027' } };
    const outcome = computePlan(planSchema.parse(plan), FILE);
    expect(outcome.issues.map((i) => i.message)).toEqual([
      'okänd kolumn "plan2028" – ingen planårskolumn har planåret 2028; gäller Plan 2092 det året, skriv "year": 2028 där i budget.columns; kolumnerna är budget2027, plan2092',
    ]);
  });
});

describe('the decision date against the budget year', () => {
  it('warns at a decision date neither the year before the budget year nor the budget year, with a likely date', () => {
    const plan = plan2027();
    plan.document.status = { state: 'förslag', decisionDate: '2016-11-26', decisionBody: 'styrelsen' };
    const warnings = ours(plan);
    expect(warnings.map((w) => [w.code, w.path])).toEqual([['decisionYear', ['document', 'status', 'decisionDate']]]);
    expect(warnings[0]!.message).toMatch(/^beslutsdatumet 2016-11-26 ligger långt från budgetåret 2027: .* rätta datumet, t\.ex\. "decisionDate": "2026-11-26", eller budgetYear/);
  });

  it('accepts the autumn before and early in the budget year', () => {
    for (const decisionDate of ['2026-11-26', '2027-02-10']) {
      const plan = plan2027();
      plan.document.status = { state: 'fastställd', decisionDate };
      expect(ours(plan)).toEqual([]);
    }
  });
});

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
      'Orsa kommun är medlem (document.association.members) men finns inte bland finansiärerna i medlemsbidragen (contributions.parties), så tabellen visar inget bidrag från den; lägg till den, t.ex. { "name": "Orsa kommun", "role": "kommun", "share": … }, eller ta bort den ur members om den inte är medlem',
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

describe('the examples', () => {
  it.each(Object.keys(EXAMPLE_FILES) as ExampleName[])('%s, and next year\'s plan made from it, get none of these warnings', async (name) => {
    const { plan, warnings } = await checkPlan(EXAMPLE_FILES[name]);
    expect(warnings.filter((w) => w.code !== undefined && CODES.test(w.code))).toEqual([]);
    const next = nextYear(await exampleValue(name), plan.budget);
    const outcome = computePlan(planSchema.parse(next.value), FILE);
    expect(outcome.warnings.filter((w) => w.code !== undefined && CODES.test(w.code))).toEqual([]);
  });
});

describe('vplan validate', () => {
  const dir = useTempDir('vplan-consistency');

  it('names the file and line of each, in a plan folder', async () => {
    const folder = path.join(dir(), 'plan');
    await cp(EXAMPLE_FILES['botkyrka-huddinge-salem-2018'], folder, { recursive: true });
    const file = path.join(folder, 'plan.yaml');
    let text = await readFile(file, 'utf8');
    const replace = (from: string, to: string) => {
      expect(text).toContain(from);
      text = text.replace(from, to);
    };
    replace('      - name: Salems kommun\n        kind: kommun\n', '      - name: Salems kommun\n        kind: kommun\n      - name: Nykvarns kommun\n        kind: kommun\n');
    replace('decisionDate: 2017-11-17', 'decisionDate: 2007-11-17');
    replace('    - kind: budget\n      year: 2018\n', '    - kind: budget\n      year: 2018\n    - kind: plan\n      year: 2092\n');
    replace('        - label: Kansli lokal\n          values:\n            prognos2017: 245\n            budget2018: 225', '        - label: Kansli lokal\n          values:\n            prognos2017: 245\n            budget2018: -225');
    await writeFile(file, text);
    const lineOf = (snippet: string) => text.split('\n').findIndex((line) => line.includes(snippet)) + 1;
    const result = await runVplan(dir(), 'validate', 'plan');
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(new RegExp(`plan/plan\\.yaml:${lineOf('Nykvarns kommun')}:\\d+ document\\.association\\.members\\[6\\]: Nykvarns kommun är medlem`));
    expect(result.stderr).toMatch(new RegExp(`plan/plan\\.yaml:${lineOf('2007-11-17')}:\\d+ document\\.status\\.decisionDate: beslutsdatumet 2007-11-17 ligger långt från budgetåret 2018`));
    expect(result.stderr).toMatch(new RegExp(`plan/plan\\.yaml:${lineOf('year: 2092')}:\\d+ budget\\.columns\\[2\\]\\.year: planårskolumnen Plan 2092 har året 2092, som ligger mer än tre år efter budgetåret 2018`));
    expect(result.stderr).toMatch(new RegExp(`plan/plan\\.yaml:${lineOf('budget2018: -225')}:\\d+ budget\\.details\\[0\\]\\.rows\\[0\\]\\.values\\.budget2018: raden "Kansli lokal" i specifikationen Administration har ett negativt belopp \\(−225 tkr i Budget 2018\\)`));
  });
});

describe('a capital label never printed', () => {
  it('is a warning at the label in the result convention without a placement, not with one or in the balance convention', () => {
    const withCapital = (capital: Record<string, unknown>, convention: 'result' | 'balance' = 'result') =>
      computePlan(
        planSchema.parse(basePlan({ budget: budget({ convention, capital: { opening: { budget2025: 500 }, ...capital } }), sections: [{ type: 'budget', title: 'Budget' }] })),
        'plan.json',
      ).warnings.filter((w) => w.code === 'capitalLabelNotShown');
    const [warning] = withCapital({ label: 'Eget kapital' });
    expect(warning!.path).toEqual(['budget', 'capital', 'label']);
    expect(warning!.message).toContain('raden "Eget kapital" visas inte i budgettabellen');
    expect(warning!.message).toContain('lägg till "placement": "group" under capital');
    expect(withCapital({ label: 'Eget kapital', placement: 'group' })).toEqual([]);
    expect(withCapital({})).toEqual([]);
    expect(withCapital({ label: 'Balanserat resultat' }, 'balance')).toEqual([]);
  });
});

describe('a row written with a sum’s text', () => {
  it('is a warning at the row: the sum it repeats would be counted twice', () => {
    const plan = basePlan({
      budget: budget({
        income: {
          rows: [
            { label: 'Medlemsbidrag', values: { budget2025: 1000 } },
            { label: 'Summa intäkter', values: { budget2025: 1000 } },
          ],
        },
        costs: { rows: [{ heading: 'Verksamhet', rows: [{ label: 'Kansli', values: { budget2025: 800 } }, { label: 'Delsumma verksamhet', values: { budget2025: 800 } }] }] },
      }),
      sections: [{ type: 'budget', title: 'Budget' }],
    });
    const outcome = computePlan(planSchema.parse(plan), 'plan.json');
    const warnings = outcome.warnings.filter((w) => w.code?.startsWith('sumLikeRow:'));
    expect(warnings.map((w) => [w.code, w.path])).toEqual([
      ['sumLikeRow:Summa intäkter', ['budget', 'income', 'rows', 1]],
      ['sumLikeRow:Delsumma verksamhet', ['budget', 'costs', 'rows', 0, 'rows', 1]],
    ]);
    expect(warnings[0]!.message).toContain('raden "Summa intäkter" ser ut som en summa men räknas som en rad bland intäkterna, så att det den summerar räknas två gånger');
    // The income counted twice is what the table shows.
    expect(outcome.plan!.budget!.totals.income[0]).toBe(2000);
  });

  it('takes Resultat alone or before a year for a sum', () => {
    const plan = basePlan({ budget: budget({ costs: { rows: [{ label: 'Kansli', values: { budget2025: 800 } }, { label: 'Resultat 2025', values: { budget2025: 200 } }] } }) });
    expect(computePlan(planSchema.parse(plan), 'plan.json').warnings.filter((w) => w.code?.startsWith('sumLikeRow:')).map((w) => w.code)).toEqual(['sumLikeRow:Resultat 2025']);
  });

  it('is no warning for a row whose text only begins like one (Resultatöverföring) or for the examples', () => {
    const plan = basePlan({ budget: budget({ income: { rows: [{ label: 'Resultatöverföring', values: { budget2025: 1000 } }, { label: 'Totalförsvar', values: { budget2025: 5 } }, { label: 'Total lönekostnad kansli', values: { budget2025: 7 } }, { label: 'Resultat från föregående år', values: { budget2025: 9 } }] } }) });
    expect(computePlan(planSchema.parse(plan), 'plan.json').warnings.filter((w) => w.code?.startsWith('sumLikeRow:'))).toEqual([]);
  });
});

describe('an amount in kronor typed into a tkr budget', () => {
  it('is a warning at the value from 100 000 tkr (100 miljoner kronor), saying what to write; none in kr or for the examples', () => {
    const withAmount = (unit: 'kr' | 'tkr', amount: number) =>
      computePlan(planSchema.parse(basePlan({ budget: budget({ unit, costs: { rows: [{ label: 'Kansli', values: { budget2025: amount } }] } }) })), 'plan.json').warnings.filter((w) =>
        w.code?.startsWith('largeAmount:'),
      );
    const [warning] = withAmount('tkr', 1_020_000);
    expect(warning!.path).toEqual(['budget', 'costs', 'rows', 0, 'values', 'budget2025']);
    expect(warning!.message).toMatch(/^raden "Kansli" har 1\s020\s000 tkr i Budget 2025, alltså 1\s020 miljoner kronor: är beloppet skrivet i kronor\? Budgeten är i tkr \("unit": "tkr"\), så skriv 1\s020 för 1\s020\s000 kr/);
    expect(withAmount('tkr', 99_999)).toEqual([]);
    expect(withAmount('kr', 1_020_000)).toEqual([]);
  });
});
