// How a budget's figures are shown: costs negated when the plan prints costs negative, the unit in
// the column headings or as a line above the table.
import type { BudgetInput } from '../../load/schema.js';
import type { Cells, Unit } from '../../model.js';
import type { Side } from './state.js';

const unitWords: Record<Unit, string> = { kr: 'kronor', tkr: 'tusental kronor (tkr)' };

export interface Display {
  /** The cells as printed on `side`. */
  shown(side: Side, cells: Cells): Cells;
  /** Put after each column label: " (tkr)" or nothing. */
  unitSuffix: string;
  unitCaption: string | undefined;
}

export function display(input: BudgetInput): Display {
  const negateCosts = input.costSign === 'negative';
  const unitDisplay = input.unitDisplay ?? (input.unit === 'tkr' ? 'caption' : 'none');
  return {
    shown: (side, cells) => (side === 'costs' && negateCosts ? cells.map((v) => (v === null ? null : v === 0 ? 0 : -v)) : [...cells]),
    unitSuffix: unitDisplay === 'columns' ? ` (${input.unit})` : '',
    unitCaption: unitDisplay === 'caption' ? `Belopp i ${unitWords[input.unit]}` : undefined,
  };
}
