// Acknowledged warnings: a warning names its code and how to acknowledge it; an acknowledged one is
// not repeated, and its reason can stand as a note under the budget table in the PDF.
import { afterAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { printPlan, PrintSession } from '../src/build.js';
import { computePlan } from '../src/compute/computePlan.js';
import { acknowledge, warningCode } from '../src/compute/acknowledge.js';
import { parse as parseYaml } from 'yaml';
import { planSchema, type PlanInput } from '../src/load/schema.js';
import { basePlan, budget } from './helpers/plans.js';
import { renderHtml } from '../src/render/html.js';
import { placedText } from './helpers/pdfPositions.js';

const session = new PrintSession();
afterAll(() => session.close());

const FILE = path.resolve('test/fixtures/plan.json');
const REASON = 'Underskottet täcks av balanserat resultat enligt styrelsens beslut 2024-11-28 § 12.';

/** A plan with a planned deficit of 300 kr in Budget 2025. */
function deficitPlan(acknowledgedWarnings?: PlanInput['acknowledgedWarnings'], label?: string): PlanInput {
  const plan = basePlan({
    budget: budget({
      columns: [{ kind: 'budget', year: 2025, ...(label === undefined ? {} : { label }) }],
      costs: { rows: [{ label: 'Kansli', values: { budget2025: 1300 } }] },
    }),
    sections: [{ type: 'budget', title: 'Budget' }],
  });
  if (acknowledgedWarnings) plan.acknowledgedWarnings = acknowledgedWarnings;
  expect(planSchema.safeParse(plan).success).toBe(true);
  return plan;
}

describe('warning codes', () => {
  it('names the deficit column by its label, or by kind and year when the label is empty, and says how to acknowledge it', () => {
    const { warnings } = computePlan(deficitPlan(undefined, ''), FILE);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.code).toBe('deficit:budget2025');
    expect(warnings[0]!.message).toMatch(/^planerat underskott i Budget 2025: kostnaderna överstiger/);
    expect(warnings[0]!.message).toContain('[deficit:budget2025; kvitteras med { "warning": "deficit:budget2025", "reason": "…" } i acknowledgedWarnings]');
  });

  it('suggests an acknowledgement that can be pasted into plan.yaml or plan.json as it is, quotes in the code too', () => {
    const warning = { path: ['contributions', 'parties', 2, 'amounts', '2025'], message: 'beloppet avviker' };
    const [shown] = acknowledge([warning]).warnings;
    const suggested = /kvitteras med (\{.*\}) i acknowledgedWarnings\]$/.exec(shown!.message)![1]!;
    // Before, the code's own quotes ("2025") stood unescaped inside the quotes: five YAML errors when pasted.
    const code = warningCode(warning);
    expect(code).toContain('"2025"');
    expect(parseYaml(suggested)).toEqual({ warning: code, reason: '…' });
    expect(JSON.parse(suggested)).toEqual({ warning: code, reason: '…' });
    expect(acknowledge([warning], [{ warning: code, reason: 'Beslutat belopp.' }]).warnings).toEqual([]);
    // A YAML plan's: the lines under acknowledgedWarnings:, which read back as the code.
    const [yaml] = acknowledge([warning], [], true, 'yaml').warnings;
    const [, item, reason] = /kvitteras med raderna "(- warning: .*)" och "( {2}reason: …)" under acknowledgedWarnings:\]$/.exec(yaml!.message)!;
    expect(parseYaml(`acknowledgedWarnings:\n  ${item}\n  ${reason}\n`)).toEqual({ acknowledgedWarnings: [{ warning: code, reason: '…' }] });
  });

  it('does not repeat an acknowledged warning, and reports an acknowledgement that matches no warning', () => {
    const acknowledged = computePlan(deficitPlan([{ warning: 'deficit:budget2025', reason: REASON }]), FILE);
    expect(acknowledged.issues).toEqual([]);
    expect(acknowledged.warnings).toEqual([]);
    expect(acknowledged.plan!.warnings).toEqual([]);
    const stale = computePlan(deficitPlan([{ warning: 'deficit:budget2025', reason: REASON }, { warning: 'deficit:plan2026', reason: REASON }]), FILE);
    expect(stale.warnings).toEqual([
      { path: ['acknowledgedWarnings', 1, 'warning'], message: 'planen ger ingen varning "deficit:plan2026" att kvittera; ta bort kvitteringen (eller rätta koden efter varningen)' },
    ]);
  });

  it('acknowledges capital over the ceiling by the column\'s id, not its place, and says so to a plan that used the place', () => {
    const over = (acknowledgedWarnings?: PlanInput['acknowledgedWarnings']) =>
      basePlan({
        budget: budget({
          columns: [{ kind: 'utfall', year: 2024 }, { kind: 'budget', year: 2025 }],
          income: { rows: [{ label: 'Medlemsbidrag', values: { utfall2024: 1000, budget2025: 1000 } }] },
          costs: { rows: [{ label: 'Kansli', values: { utfall2024: 1000, budget2025: 1000 } }] },
          capital: { opening: { utfall2024: 900, budget2025: 0 }, ceiling: 500 },
        }),
        sections: [{ type: 'budget', title: 'Budget' }],
        ...(acknowledgedWarnings ? { acknowledgedWarnings } : {}),
      });
    const { warnings } = computePlan(over(), FILE);
    expect(warnings.map((w) => w.code)).toEqual(['ceiling:utfall2024']);
    expect(computePlan(over([{ warning: 'ceiling:utfall2024', reason: 'Kapitalet minskas enligt beslut.' }]), FILE).warnings).toEqual([]);
    // Before, the code was "budget.columns[0]": a year on (vplan next) it acknowledged another year's column.
    const positional = computePlan(over([{ warning: 'budget.columns[0]', reason: 'Kapitalet minskas enligt beslut.', note: true }]), FILE);
    expect(positional.plan!.budgetNotes).toEqual([]);
    expect(positional.warnings.map((w) => w.message)).toEqual([
      expect.stringMatching(/^eget kapital 900 kr vid slutet av Utfall 2024 är över taket 500 kr \[ceiling:utfall2024;/),
      'varningen på budget.columns[0] kvitteras nu med sin kod "ceiling:utfall2024", inte med platsen (som efter vplan next är en annan kolumn); skriv warning: ceiling:utfall2024 om skälet gäller den',
    ]);
  });

  it('warns of a year in the title that is neither the budget year nor a plan year (a typo on the title page)', () => {
    const typo = basePlan();
    typo.document.title = 'Verksamhetsplan 2052';
    typo.document.subtitle = 'med budget 2025';
    expect(computePlan(typo, FILE).warnings.map((w) => w.message)).toEqual([
      expect.stringMatching(/^titeln nämner 2052, som ligger långt från budgetåret 2025 och planåren; stämmer årtalet\? \[titleOtherYear;/),
    ]);
    // A year named on purpose is no typo.
    for (const title of ['Verksamhetsplan 2025 – mot Agenda 2030', 'Verksamhetsplan 2025, Vision 2030', 'Verksamhetsplan 2025 – i samverkan sedan 2006']) {
      const named = basePlan();
      named.document.title = title;
      expect(computePlan(named, FILE).warnings, title).toEqual([]);
    }
    // A span of plan years, also one beyond the plan's last column, is no typo.
    const span = basePlan();
    span.document.title = 'Verksamhetsplan 2025 och plan 2026–2028';
    span.document.planYears = [2026, 2027];
    expect(computePlan(span, FILE).warnings).toEqual([]);
  });

  it('does not warn that the title lacks the budget year when the subtitle has it; acknowledges titleYear otherwise', () => {
    const inSubtitle = basePlan();
    inSubtitle.document.title = 'Verksamhetsplan';
    inSubtitle.document.subtitle = 'med budget 2025';
    expect(computePlan(inSubtitle, FILE).warnings).toEqual([]);
    const nowhere = basePlan();
    nowhere.document.title = 'Verksamhetsplan';
    expect(computePlan(nowhere, FILE).warnings.map((w) => w.code)).toEqual(['titleYear']);
    nowhere.acknowledgedWarnings = [{ warning: 'titleYear', reason: 'Året står på framsidans bild.' }];
    expect(computePlan(nowhere, FILE).warnings).toEqual([]);
    nowhere.acknowledgedWarnings = [{ warning: 'titleYear', reason: 'Året står på framsidans bild.', note: true }];
    expect(computePlan(nowhere, FILE).issues.map((i) => i.path)).toEqual([['acknowledgedWarnings', 0, 'note']]);
  });
});

describe('the reason as a note in the PDF', () => {
  it('names the column a note is about when the table has several and the reason does not name its year', () => {
    const plan = basePlan({
      document: { association: { name: 'Testförbundet' }, title: 'Verksamhetsplan 2025', budgetYear: 2025, planYears: [2026], status: { state: 'förslag' } },
      budget: budget({
        columns: [
          { kind: 'budget', year: 2025 },
          { kind: 'plan', year: 2026 },
        ],
        income: { rows: [{ label: 'Medlemsbidrag', values: { budget2025: 1000, plan2026: 1000 } }] },
        costs: { rows: [{ label: 'Kansli', values: { budget2025: 1300, plan2026: 1200 } }] },
      }),
      sections: [{ type: 'budget', title: 'Budget' }],
      acknowledgedWarnings: [
        { warning: 'deficit:budget2025', reason: 'Underskottet täcks av eget kapital.', note: true },
        { warning: 'deficit:plan2026', reason: 'Underskottet 2026 täcks av eget kapital.', note: true },
      ],
    });
    const outcome = computePlan(planSchema.parse(plan), FILE);
    expect(outcome.issues).toEqual([]);
    expect(outcome.plan!.budgetNotes).toEqual(['Budget 2025: Underskottet täcks av eget kapital.', 'Underskottet 2026 täcks av eget kapital.']);
  });


  it('prints a reason given for two warnings once, naming both columns when it names neither year', async () => {
    const threeYears = (reasons: [string, string, string]) =>
      basePlan({
        document: { association: { name: 'Testförbundet' }, title: 'Verksamhetsplan 2025', budgetYear: 2025, planYears: [2026, 2027], status: { state: 'förslag' } },
        budget: budget({
          columns: [
            { kind: 'budget', year: 2025 },
            { kind: 'plan', year: 2026 },
            { kind: 'plan', year: 2027 },
          ],
          income: { rows: [{ label: 'Medlemsbidrag', values: { budget2025: 1000, plan2026: 1000, plan2027: 1000 } }] },
          costs: { rows: [{ label: 'Kansli', values: { budget2025: 1300, plan2026: 1200, plan2027: 1100 } }] },
        }),
        sections: [{ type: 'budget', title: 'Budget' }],
        acknowledgedWarnings: [
          { warning: 'deficit:budget2025', reason: reasons[0], note: true },
          { warning: 'deficit:plan2026', reason: reasons[1], note: true },
          { warning: 'deficit:plan2027', reason: reasons[2], note: true },
        ],
      });
    const notes = async (reasons: [string, string, string]) => {
      const outcome = computePlan(planSchema.parse(threeYears(reasons)), FILE);
      expect(outcome.issues).toEqual([]);
      const html = await renderHtml(outcome.plan!, { generator: 'vplan test' });
      return [...html.matchAll(/<p class="budget-note">([^<]*)<\/p>/g)].map((m) => m[1]);
    };
    const both = 'Underskotten 2026 och 2027 täcks av eget kapital.';
    expect(await notes(['Underskottet 2025 täcks av eget kapital.', both, both])).toEqual(['Underskottet 2025 täcks av eget kapital.', both]);
    expect(await notes(['Enligt beslut.', 'Täcks av eget kapital.', 'Täcks av eget kapital. '])).toEqual(['Budget 2025: Enligt beslut.', 'Plan 2026 och Plan 2027: Täcks av eget kapital.']);
  });

  it('prints the reason under the budget table, below its last row', async () => {
    const outcome = computePlan(deficitPlan([{ warning: 'deficit:budget2025', reason: REASON, note: true }]), FILE);
    expect(outcome.issues).toEqual([]);
    const { pdf } = await printPlan(outcome.plan!, session);
    const items = (await placedText(pdf)).flatMap((p) => p.items);
    const result = items.find((i) => i.text === 'Resultat')!;
    const note = items.find((i) => i.text.startsWith('Underskottet täcks'))!;
    expect(result).toBeDefined();
    expect(note).toBeDefined();
    expect(note.page).toBe(result.page);
    expect(note.y).toBeLessThan(result.y);
    expect(items.filter((i) => i.page === note.page).map((i) => i.text).join(' ')).toContain('§ 12.');
  });
});
