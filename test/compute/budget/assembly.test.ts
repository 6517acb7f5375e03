// Assembly steps: the printed table, the specifications and the named values.
import { describe, expect, it } from 'vitest';
import { budgetTable } from '../../../src/compute/budget/table.js';
import { detailTables } from '../../../src/compute/budget/details.js';
import { namedValues, standInNames } from '../../../src/compute/budget/named.js';
import { budget } from '../../helpers/plans.js';
import { computedState, treeState } from '../../helpers/budgetState.js';

const input = budget({
  unit: 'tkr',
  costSign: 'negative',
  costs: {
    rows: [
      { id: 'verk', heading: 'Verksamhet', subtotal: 'Delsumma', rows: [{ id: 'adm', label: 'Adm', detail: 'adm' }] },
      { label: 'Kansli', values: { budget2025: 100 }, varav: [{ id: 'lon', label: 'lön', values: { budget2025: 60 } }] },
    ],
  },
  details: [{ id: 'adm', title: 'ADMINISTRATION', rows: [{ id: 'a1', label: 'a', values: { budget2025: 20 } }] }],
});

describe('assembly', () => {
  it('budgetTable: rows in order with kinds, costs negated, unit as a caption', () => {
    const t = budgetTable(computedState(input));
    expect(t.rows.map((r) => [r.kind, r.label, r.cells[0]])).toEqual([
      ['heading', 'Intäkter', null],
      ['row', 'Medlemsbidrag', 1000],
      ['sum', 'Summa intäkter', 1000],
      ['heading', 'Kostnader', null],
      ['groupHeading', 'Verksamhet', null],
      ['row', 'Adm', -20],
      ['subtotal', 'Delsumma', -20],
      ['row', 'Kansli', -100],
      ['varav', 'lön', -60],
      ['sum', 'Summa kostnader', -120],
      ['result', 'Resultat', 880],
    ]);
    expect(t.unitCaption).toBe('Belopp i tusental kronor (tkr)');
  });

  it('detailTables: a specification with its SUMMA, in the sign of the row it feeds', () => {
    const [d] = detailTables(computedState(input));
    expect(d!.caption).toBe('ADMINISTRATION');
    expect(d!.rows.map((r) => [r.kind, r.label, r.cells[0]])).toEqual([
      ['row', 'a', -20],
      ['sum', 'SUMMA', -20],
    ]);
  });

  it('namedValues: rows, varav rows, groups and specifications by id; standInNames: zeros', () => {
    const named = namedValues(computedState(input));
    expect(Object.fromEntries([...named].map(([k, v]) => [k, [v.kind, ...v.cells]]))).toEqual({
      adm: ['detail', 20],
      lon: ['row', 60],
      verk: ['group', 20],
      a1: ['row', 20],
    });
    const standIn = standInNames(treeState(input));
    expect([...standIn.named.keys()]).toEqual(['adm', 'lon', 'verk', 'a1']);
    expect(standIn.totals.result).toEqual([0]);
  });
});
