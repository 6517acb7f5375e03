import { describe, expect, it } from 'vitest';
import { checkDetails, checkNames, checkRows, warnUnusedDetails } from '../../../src/compute/budget/checks.js';
import { budget } from '../../helpers/plans.js';
import { messages, treeState } from '../../helpers/budgetState.js';

describe('check steps', () => {
  it('checkDetails: repeated ids and unknown columns in a specification', () => {
    const s = checkDetails(
      treeState(budget({ details: [{ id: 'a', rows: [{ label: 'x', values: { budget2026: 1 } }] }, { id: 'a', rows: [{ label: 'y', values: { budget2025: 2 } }], columnLabels: { plan: 'P' } }] })),
    );
    expect(messages(s)).toEqual([
      'okänd kolumn "budget2026" – menade du "budget2025"?; kolumnerna är budget2025',
      'specifikationen "a" finns redan',
      'okänd kolumn "plan"; kolumnerna är budget2025',
    ]);
  });

  it('checkNames: an id is used once, whatever it names', () => {
    const s = checkNames(treeState(budget({ costs: { rows: [{ id: 'k', rows: [{ id: 'k', label: 'Kansli' }] }] } })));
    expect(messages(s)).toEqual(['id "k" används redan (budget.costs.rows.0)']);
  });

  it('checkRows: one source per row, no values beside a detail, one remainder', () => {
    const s = checkRows(
      treeState(
        budget({
          costs: {
            rows: [
              { label: 'A', balance: true, source: 'contributions' },
              { label: 'B', detail: 'd', values: { budget2025: 1 } },
              { label: 'C', values: { budget2025: 5 }, varav: [{ label: 'v', remainder: true }, { label: 'w', remainder: true, values: { budget2025: 1 } }] },
            ],
          },
          details: [{ id: 'd', rows: [{ label: 'x' }] }],
        }),
      ),
    );
    expect(messages(s)).toEqual([
      'en rad kan bara ha en av "detail", "balance" och "source"',
      'raden hämtar medlemsbidragen, men ingen kolumn i "contributions" har "budgetColumn"',
      'raden får sina värden från specifikationen; ta bort "values"',
      'bara en varav-rad kan ta det som återstår ("remainder")',
      'en varav-rad med "remainder" räknas ut; ta bort "values"',
    ]);
  });

  it('checkRows and checkDetails: a row with no amounts and nothing to take them from is an error, not an empty row', () => {
    // Before, such a row printed empty and every sum left it out without a word.
    const plan = budget({
      costs: {
        rows: [
          { label: 'Kansli', values: { budget2025: 800 } },
          { label: 'Information' },
          { label: 'Insatser', values: { budget2025: 100 }, varav: [{ label: 'varav nya' }, { label: 'varav resten', remainder: true }] },
          { label: 'Balans', balance: true },
          { label: 'Spec', detail: 'd' },
        ],
      },
      details: [{ id: 'd', rows: [{ label: 'x', values: { budget2025: 1 }, varav: [{ label: 'resten', remainder: true }] }, { label: 'y' }] }],
    });
    expect(messages(checkRows(treeState(plan)))).toEqual([
      'raden "Information" har inga belopp; skriv "values" med ett belopp per kolumn (null för en tom cell), eller låt raden få sitt värde med "detail", "balance" eller "source"',
      'varav-raden "varav nya" har inga belopp; skriv "values" med ett belopp per kolumn (null för en tom cell), eller "remainder": true för det som återstår av huvudraden',
    ]);
    // A specification's varav row with "remainder" is computed, as a budget row's is.
    expect(messages(checkDetails(treeState(plan)))).toEqual(['raden "y" har inga belopp; skriv "values" med ett belopp per kolumn (null för en tom cell)']);
    // A budget read from a sheet (budget.from) gets its amounts after a first computation.
    expect(messages(checkRows(treeState({ ...plan, from: 'budget.xlsx' })))).toEqual([]);
  });

  it('warnUnusedDetails: a specification no row uses is a warning, not a refusal', () => {
    const s = warnUnusedDetails(treeState(budget({ details: [{ id: 'd', rows: [{ label: 'x' }] }] })));
    expect(s.issues).toEqual([]);
    expect(s.warnings.map((w) => w.message)).toEqual(['specifikationen "d" används inte av någon budgetrad']);
  });
});
