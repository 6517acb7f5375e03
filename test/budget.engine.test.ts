// The budget engine alone, without a browser: each convention, each refusal, each warning.
import { describe, expect, it } from 'vitest';
import { computeBudget, type BudgetContext } from '../src/compute/budget.js';
import type { BudgetInput } from '../src/load/schema.js';
import { budget } from './helpers/plans.js';

const none: BudgetContext = { contributionTotals: new Map() };
const ok = (input: BudgetInput, context: BudgetContext = none) => {
  const outcome = computeBudget(input, context);
  expect(outcome.issues).toEqual([]);
  return outcome.budget!;
};
const refused = (input: BudgetInput, context: BudgetContext = none) => {
  const outcome = computeBudget(input, context);
  expect(outcome.budget).toBeUndefined();
  return outcome.issues.map((i) => i.message).join('\n').replace(/\u00a0/g, ' ');
};
const row = (b: ReturnType<typeof ok>, label: string) => b.table.rows.find((r) => r.label === label)!;

describe('result convention', () => {
  it('sums income and costs and computes Resultat, which may be negative', () => {
    const b = ok(budget({ costs: { rows: [{ label: 'Kansli', values: { budget2025: 700 } }, { label: 'Insats', values: { budget2025: 500 } }] } }));
    expect(row(b, 'Summa intäkter').cells).toEqual([1000]);
    expect(row(b, 'Summa kostnader').cells).toEqual([1200]);
    expect(row(b, 'Resultat').cells).toEqual([-200]);
  });

  it('keeps a blank cell blank and a zero a zero', () => {
    const b = ok(
      budget({
        columns: [{ kind: 'budget', year: 2025 }, { kind: 'plan', year: 2026 }],
        income: { rows: [{ label: 'Bidrag', values: { budget2025: 100, plan2026: 100 } }] },
        costs: { rows: [{ label: 'Projekt', values: { budget2025: 0 } }, { label: 'Kansli', values: { budget2025: 50, plan2026: 60 } }] },
      }),
    );
    expect(row(b, 'Projekt').cells).toEqual([0, null]);
    expect(row(b, 'Summa kostnader').cells).toEqual([50, 60]);
  });

  it('makes a detail table\'s SUMMA the value of its summary row (Botkyrka 2018: 1 220, not 1 320)', () => {
    const b = ok({
      unit: 'tkr',
      convention: 'result',
      columns: [{ kind: 'prognos', year: 2017 }],
      income: { rows: [{ label: 'Inbetalning', values: { prognos2017: 21243 } }] },
      costs: {
        rows: [
          { label: 'Administration', values: { prognos2017: 2180 } },
          { label: 'Individinriktade insatser', values: { prognos2017: 18494 } },
          { label: 'Strukturinriktade insatser', detail: 'struktur' },
        ],
      },
      details: [
        {
          id: 'struktur',
          rows: [350, 350, 50, 130, 90, 150, 100].map((v, i) => ({ label: `Insats ${i}`, values: { prognos2017: v } })),
        },
      ],
    });
    expect(row(b, 'Strukturinriktade insatser').cells).toEqual([1220]);
    expect(b.details[0]!.rows.at(-1)).toMatchObject({ kind: 'sum', label: 'SUMMA', cells: [1220] });
    expect(row(b, 'Summa kostnader').cells).toEqual([21894]);
    expect(row(b, 'Resultat').cells).toEqual([-651]);
  });

  it('shows subtotals (Delsumma) and group headings without counting them twice', () => {
    const b = ok(
      budget({
        costs: {
          rows: [
            { heading: 'Verksamhet', subtotal: 'Delsumma verksamheter', rows: [{ label: 'A', values: { budget2025: 300 } }, { label: 'B', values: { budget2025: 200 } }] },
            { subtotal: 'Delsumma administration', rows: [{ label: 'Kansli', values: { budget2025: 100 } }] },
          ],
        },
      }),
    );
    expect(b.table.rows.map((r) => r.kind)).toContain('groupHeading');
    expect(row(b, 'Delsumma verksamheter').cells).toEqual([500]);
    expect(row(b, 'Delsumma administration').cells).toEqual([100]);
    expect(row(b, 'Summa kostnader').cells).toEqual([600]);
  });

  it('prints costs negative when the plan asks for it, and the result unchanged', () => {
    const b = ok(budget({ costSign: 'negative' }));
    expect(row(b, 'Kansli').cells).toEqual([-800]);
    expect(row(b, 'Summa kostnader').cells).toEqual([-800]);
    expect(row(b, 'Resultat').cells).toEqual([200]);
    expect(b.totals.costs).toEqual([800]);
  });
});

describe('balance convention and carry-forward (Finnveden 2025)', () => {
  const finnveden = (): BudgetInput => ({
    unit: 'kr',
    convention: 'balance',
    columns: [
      { kind: 'budget', year: 2024 },
      { kind: 'prognos', year: 2024 },
      { kind: 'budget', year: 2025 },
      { kind: 'plan', year: 2026 },
    ],
    income: { rows: [{ label: 'Medlemmar', values: { budget2024: 5058000, prognos2024: 5058000, budget2025: 5020000, plan2026: 5020000 } }] },
    costs: { rows: [{ label: 'Kostnader', values: { budget2024: 5944500, prognos2024: 5834340, budget2025: 5827100, plan2026: 5416700 } }] },
    capital: {
      opening: { budget2024: 2344835, prognos2024: 2608640 },
      // Declared out of order on purpose: the engine orders columns by their dependencies.
      carryForward: { plan2026: 'budget2025', budget2025: 'prognos2024' },
    },
  });

  it('carries Prel balanserat resultat of the named column into the next column\'s Balanserat resultat', () => {
    const b = ok(finnveden());
    expect(row(b, 'Balanserat resultat').cells).toEqual([2344835, 2608640, 1832300, 1025200]);
    expect(row(b, 'Summa intäkter/tillgångar').cells).toEqual([7402835, 7666640, 6852300, 6045200]);
    expect(row(b, 'Prel balanserat resultat').cells).toEqual([1458335, 1832300, 1025200, 628500]);
  });

  it('refuses a carry-forward from a column that does not exist', () => {
    const input = finnveden();
    input.capital!.carryForward = { budget2025: 'prognos2023', plan2026: 'budget2025' };
    expect(refused(input)).toMatch(/okänd kolumn "prognos2023"/);
  });

  it('refuses a carry-forward cycle', () => {
    const input = finnveden();
    input.capital!.carryForward = { budget2025: 'plan2026', plan2026: 'budget2025' };
    expect(refused(input)).toMatch(/cirkel/);
  });

  it('refuses a column without opening capital', () => {
    const input = finnveden();
    input.capital!.carryForward = { budget2025: 'prognos2024' };
    expect(refused(input)).toMatch(/Plan 2026 saknar ingående balanserat resultat/);
  });

  it('refuses capital below zero at the end of any column', () => {
    const input = finnveden();
    (input.costs.rows[0] as { values: Record<string, number> }).values.plan2026 = 6100000;
    expect(refused(input)).toMatch(/eget kapital blir −54 800 kr vid slutet av Plan 2026/);
  });

  it('warns about a planned deficit from the budget year on, not in past or forecast columns', () => {
    const outcome = computeBudget(finnveden(), { ...none, budgetYear: 2025 });
    const messages = outcome.warnings.map((w) => w.message.replace(/\u00a0/g, ' '));
    expect(messages).toHaveLength(2);
    expect(messages[0]).toMatch(/planerat underskott i Budget 2025: .*807 100 kr/);
    expect(messages[1]).toMatch(/Plan 2026/);
  });

  it('warns when capital ends above the plan\'s ceiling', () => {
    const input = finnveden();
    input.capital!.ceiling = 1500000;
    const outcome = computeBudget(input, none);
    expect(outcome.warnings.map((w) => w.message).join('\n').replace(/\u00a0/g, ' ')).toMatch(/1 832 300 kr vid slutet av Prognos 2024 är över taket 1 500 000 kr/);
  });
});

describe('balancing row', () => {
  it('takes whatever makes the result come out as planned (Södra Vätterbygden 2013)', () => {
    const b = ok({
      unit: 'kr',
      convention: 'balance',
      columns: [{ kind: 'budget', year: 2013 }, { kind: 'budget', year: 2014 }],
      income: { rows: [{ label: 'Bidrag', values: { budget2013: 3948000, budget2014: 3958000 - 0 } }] },
      costs: {
        rows: [
          { label: 'Nya projekt och utvärdering', balance: true },
          { label: 'Övrigt', values: { budget2013: 3531000, budget2014: 3081000 } },
        ],
      },
      capital: { opening: { budget2013: 727000 }, carryForward: { budget2014: 'budget2013' } },
    });
    expect(row(b, 'Nya projekt och utvärdering').cells).toEqual([1144000, 877000]);
    expect(row(b, 'Prel balanserat resultat').cells).toEqual([0, 0]);
  });

  it('refuses a balancing value below zero', () => {
    expect(
      refused(budget({ costs: { rows: [{ label: 'Kansli', values: { budget2025: 1200 } }, { label: 'Utrymme', balance: true }] } })),
    ).toMatch(/"Utrymme" blir −200/);
  });
});

describe('varav rows', () => {
  it('are shown indented under their parent and never added into the sums', () => {
    const b = ok(
      budget({
        costs: {
          rows: [
            {
              label: 'Bidrag till insatser',
              values: { budget2025: 650 },
              varav: [{ label: 'varav redan beviljat', values: { budget2025: 270 } }, { label: 'varav tillgängligt', remainder: true }],
            },
          ],
        },
      }),
    );
    expect(b.table.rows.filter((r) => r.kind === 'varav').map((r) => r.cells)).toEqual([[270], [380]]);
    expect(row(b, 'Summa kostnader').cells).toEqual([650]);
  });

  it('refuses varav rows that add up to more than their parent', () => {
    expect(
      refused(
        budget({
          costs: {
            rows: [
              {
                label: 'Bidrag',
                values: { budget2025: 650 },
                varav: [{ label: 'varav a', values: { budget2025: 400 } }, { label: 'varav b', values: { budget2025: 300 } }],
              },
            ],
          },
        }),
      ),
    ).toMatch(/summerar till 700 .* mer än raden själv \(650\)/);
  });
});

describe('references and structure', () => {
  it('refuses a value for a column that does not exist, suggesting the right one', () => {
    expect(refused(budget({ income: { rows: [{ label: 'X', values: { budget2052: 1 } }] } }))).toMatch(/okänd kolumn "budget2052" – menade du "budget2025"\?/);
  });
  it('refuses duplicate column ids', () => {
    expect(refused(budget({ columns: [{ kind: 'budget', year: 2025 }, { kind: 'budget', year: 2025 }] }))).toMatch(/kolumn-id "budget2025" finns redan/);
  });
  it('takes a row from the member-contribution total converted to the budget unit', () => {
    const b = ok(
      budget({ unit: 'tkr', income: { rows: [{ label: 'Inbetalning huvudmännen', source: 'contributions' }] } }),
      { contributionTotals: new Map([['budget2025', 16008]]) },
    );
    expect(row(b, 'Inbetalning huvudmännen').cells).toEqual([16008]);
  });
});

describe('an outcome column with a row left blank', () => {
  it('warns that the sums count it as 0, naming the row and the column; a blank in a budget column is no outcome', () => {
    const input = budget({
      columns: [{ kind: 'budget', year: 2025 }, { kind: 'utfall', year: 2025 }, { kind: 'budget', year: 2026 }],
      income: { rows: [{ label: 'Bidrag', values: { budget2025: 1000, utfall2025: 1000, budget2026: 1000 } }, { label: 'Ny intäkt', values: { utfall2025: 200, budget2026: 0 } }] },
      costs: { rows: [{ label: 'Kansli', values: { budget2025: 800, budget2026: 900 } }, { label: 'Projekt', values: { budget2025: 100, utfall2025: 150, budget2026: 100 } }] },
    });
    const outcome = computeBudget(input, none);
    expect(outcome.issues).toEqual([]);
    expect(outcome.warnings.filter((w) => w.message.includes('inget belopp i'))).toEqual([
      {
        path: ['budget', 'costs', 'rows', 0, 'values'],
        message: 'raden "Kansli" har inget belopp i Utfall 2025, som andra rader har; summorna och resultatet räknar den som 0 – skriv 0 om det stämmer, annars utfallet',
      },
    ]);
  });
});
