import { describe, expect, it } from 'vitest';
import { columns, unknownColumn } from '../../../src/compute/budget/columns.js';
import { POSITION_KEY } from '../../../src/load/schema.js';
import { budget } from '../../helpers/plans.js';
import { messages, noContext } from '../../helpers/budgetState.js';

const run = (input = budget()) => columns({ input, context: noContext, issues: [], warnings: [] });

describe('columns step', () => {
  it('gives each column an id and a label from its kind and year', () => {
    const s = run(budget({ columns: [{ kind: 'prognos', year: 2024 }, { kind: 'budget', year: 2025, id: 'b', label: 'Förslag' }] }));
    expect(s.columns).toEqual([
      { id: 'prognos2024', kind: 'prognos', year: 2024, label: 'Prognos 2024' },
      { id: 'b', kind: 'budget', year: 2025, label: 'Förslag' },
    ]);
    expect(s.columnIndex.get('b')).toBe(1);
  });

  it('refuses a repeated column id', () => {
    const s = run(budget({ columns: [{ kind: 'budget', year: 2025 }, { kind: 'budget', year: 2025 }] }));
    expect(messages(s)).toEqual(['kolumn-id "budget2025" finns redan; ge kolumnen ett eget "id"']);
    expect(s.issues[0]!.path).toEqual(['budget', 'columns', 1]);
  });

  it('places values written as a list in their columns', () => {
    const s = run(budget({ income: { rows: [{ label: 'Bidrag', values: { [`${POSITION_KEY}0`]: 7 } }] } }));
    expect(s.input.income.rows[0]).toMatchObject({ values: { budget2025: 7 } });
  });

  it('names an unknown column with a suggestion', () => {
    const s = run();
    expect(unknownColumn(s, 'budget2025', [])).toEqual([]);
    expect(unknownColumn(s, 'budget2052', ['x'])[0]!.message).toBe('okänd kolumn "budget2052" – menade du "budget2025"?; kolumnerna är budget2025');
  });
});
