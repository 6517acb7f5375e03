import { describe, expect, it } from 'vitest';
import { budget } from '../../helpers/plans.js';
import { messages, treeState } from '../../helpers/budgetState.js';

describe('tree step', () => {
  it('makes rows and groups into nodes with their JSON paths, income first', () => {
    const s = treeState(
      budget({
        costs: { rows: [{ heading: 'Verksamhet', rows: [{ label: 'A', varav: [{ label: 'varav a' }] }] }, { label: 'B' }] },
      }),
    );
    expect(s.rows.map((r) => [r.side, r.input.label, r.path.join('.')])).toEqual([
      ['income', 'Medlemsbidrag', 'budget.income.rows.0'],
      ['costs', 'A', 'budget.costs.rows.0.rows.0'],
      ['costs', 'B', 'budget.costs.rows.1'],
    ]);
    expect(s.rows[1]!.varav[0]!.path).toEqual(['budget', 'costs', 'rows', 0, 'rows', 0, 'varav', 0]);
    expect(s.groups.map((g) => g.path.join('.'))).toEqual(['budget.costs.rows.0']);
  });

  it('links each specification to the row it feeds, and refuses a second user or an unknown one', () => {
    const s = treeState(
      budget({
        costs: { rows: [{ label: 'A', detail: 'adm' }, { label: 'B', detail: 'adm' }, { label: 'C', detail: 'amd2' }] },
        details: [{ id: 'adm', rows: [{ label: 'x' }] }],
      }),
    );
    expect(s.detailUsers.get('adm')).toEqual(['budget', 'costs', 'rows', 0]);
    expect(messages(s)).toEqual([
      'specifikationen "adm" används redan av en annan rad',
      'specifikationen "amd2" finns inte i budget.details – menade du "adm"?',
    ]);
  });
});
