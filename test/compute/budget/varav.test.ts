import { describe, expect, it } from 'vitest';
import { varav } from '../../../src/compute/budget/varav.js';
import { budget } from '../../helpers/plans.js';
import { filledState, messages } from '../../helpers/budgetState.js';

const withVarav = (list: { label: string; values?: Record<string, number>; remainder?: boolean }[], parent = 800) =>
  varav(filledState(budget({ costs: { rows: [{ label: 'Insatser', values: { budget2025: parent }, varav: list }] } })));

describe('varav rows', () => {
  it('computes the remainder and never changes the sums', () => {
    const s = withVarav([{ label: 'beviljat', values: { budget2025: 300 } }, { label: 'nytt', remainder: true }]);
    expect(s.varavCells.get('budget/costs/rows/0/varav/1')).toEqual([500]);
    expect(s.issues).toEqual([]);
  });

  it('refuses parts above the whole, parts of the other sign, and a part of a blank row', () => {
    expect(messages(withVarav([{ label: 'a', values: { budget2025: 900 } }]))).toEqual([
      'varav-raderna under "Insatser" summerar till 900 i Budget 2025, mer än raden själv (800)',
    ]);
    expect(messages(withVarav([{ label: 'a', values: { budget2025: -1 } }]))[0]).toContain('ska ha samma tecken');
    const blank = varav(filledState(budget({ costs: { rows: [{ label: 'Tom', varav: [{ label: 'a', values: { budget2025: 1 } }] }] } })));
    expect(messages(blank)).toEqual(['varav-raden har ett värde i Budget 2025 men "Tom" är tom där']);
  });

  it('checks the varav rows of a specification too', () => {
    const s = varav(
      filledState(
        budget({
          costs: { rows: [{ label: 'Adm', detail: 'adm' }] },
          details: [{ id: 'adm', rows: [{ label: 'Kansli', values: { budget2025: 10 }, varav: [{ label: 'lön', values: { budget2025: 11 } }] }] }],
        }),
      ),
    );
    expect(messages(s)).toEqual(['varav-raderna under "Kansli" summerar till 11 i Budget 2025, mer än raden själv (10)']);
  });
});
