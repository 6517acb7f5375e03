// The Word budget table's sum rows against vplan's own sums for the imported budget: each figure that
// differs is a warning naming the row, the column and both figures ("Delsumma insatser, Budget 2026:
// 3 710 i Word-filen, 3 810 summerat av vplan"), as import-budget tells of a stale sum in a sheet; those
// that agree are counted in the note that lists the rows left out.
import type { Cells, ComputedBudget } from '../model.js';
import { formatInteger } from '../format.js';
import type { SumTarget, WordSum } from './sumRows.js';

/** The sum rows left out of an imported budget, and how its costs were written. */
export interface ImportedSums {
  /** The budget section's titles, from the top-level section down. */
  trail: string[];
  rows: WordSum[];
  /** The Word table wrote costs negative (costSign: negative): its cost sums are compared negated. */
  negativeCosts: boolean;
}

export interface SumComparison {
  /** Which sum rows were left out, and how many of their figures agree with vplan's. */
  note: string;
  /** One per figure that differs from vplan's. */
  warnings: string[];
}

const plain = (n: number) => formatInteger(n).replace(/\u00a0/g, ' ');
const negate = (cells: Cells): Cells => cells.map((v) => (v === null || v === 0 ? v : -v));
const samePath = (a: readonly (string | number)[], b: readonly (string | number)[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** vplan's figures for what a sum row stands for, as the Word table shows them; undefined when the plan has none. */
function ours(target: SumTarget, budget: ComputedBudget, negativeCosts: boolean): Cells | undefined {
  const { totals } = budget;
  switch (target.kind) {
    case 'subtotal': {
      const path = ['budget', target.side, 'rows', target.index];
      return budget.table.rows.find((r) => r.kind === 'subtotal' && samePath(r.path, path))?.cells;
    }
    case 'income':
      return totals.income;
    case 'assets':
      return totals.assets;
    case 'costs':
      return negativeCosts ? negate(totals.costs) : totals.costs;
    case 'result':
      return totals.result;
    case 'closingCapital':
      return totals.closingCapital;
  }
}

export function compareSums(sums: ImportedSums, budget: ComputedBudget): SumComparison {
  const warnings: string[] = [];
  const uncompared: string[] = [];
  let compared = 0;
  for (const sum of sums.rows) {
    const cells = sum.target && ours(sum.target, budget, sums.negativeCosts);
    if (!cells) {
      if (sum.values.some((v) => v !== null)) uncompared.push(sum.label);
      continue;
    }
    const kind = sum.target?.kind;
    const verb = kind === 'result' || kind === 'closingCapital' ? 'räknat av vplan' : 'summerat av vplan';
    let missing = false;
    for (const [ci, theirs] of sum.values.entries()) {
      const column = budget.columns[ci];
      if (theirs === null || !column) continue;
      // A closing capital where the plan has no opening capital is none vplan computes; a blank sum is 0.
      if (cells[ci] === null && kind === 'closingCapital') {
        missing = true;
        continue;
      }
      compared++;
      const computed = cells[ci] ?? 0;
      if (computed !== theirs) warnings.push(`${sum.label}, ${column.label}: ${plain(theirs)} i Word-filen, ${plain(computed)} ${verb}`);
    }
    if (missing) uncompared.push(sum.label);
  }
  const parts = [`budgettabellens summarader räknar vplan själv och de togs inte med: ${sums.rows.map((s) => `"${s.label}"`).join(', ')}`];
  if (compared > 0) {
    parts.push(
      warnings.length === 0
        ? `beloppen i dem stämmer med vplans (${compared} belopp)`
        : `${warnings.length} av ${compared} belopp i dem skiljer sig från vplans (varningarna nedan)`,
    );
  }
  if (uncompared.length > 0) {
    parts.push(`${uncompared.map((l) => `"${l}"`).join(', ')} kunde inte jämföras med en summa i vplan – jämför ${uncompared.length === 1 ? 'den' : 'dem'} med PDF:en`);
  }
  return { note: parts.join('; '), warnings };
}
