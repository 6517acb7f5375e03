// Assembly: the opening capital row where the plan places it (first or last among the income rows, or
// in a group of its own) and the total rows (Summa intäkter, Summa tillgångar, Summa kostnader,
// Resultat), each shown or hidden and labelled as the plan says.
import type { TableRow } from '../../model.js';
import { display } from './display.js';
import { BASE, type ValuesState } from './state.js';

export interface TotalRows {
  /** Right after the income heading: the capital row placed "first". */
  beforeIncome: TableRow[];
  /** After the income rows: Summa intäkter, the capital row ("last" or "group"), Summa tillgångar. */
  afterIncome: TableRow[];
  /** After the cost rows: Summa kostnader and the result. */
  afterCosts: TableRow[];
}

export function totalRows(state: ValuesState): TotalRows {
  const { input, totals, columns } = state;
  const { shown } = display(input);
  const balance = input.convention === 'balance';
  const wanted = input.totals ?? {};
  const placement = input.capital?.placement;
  // The opening capital is a row of the table in the balance convention, or wherever the plan places it.
  const capitalShown = balance || placement !== undefined;
  const where = placement ?? 'last';
  // Summa intäkter is left out by default only where the capital row stands among the income rows as
  // income (balance convention, first or last): Summa intäkter/tillgångar is then the income side's sum.
  const incomeShown = wanted.income?.show ?? (!balance || where === 'group');
  const assetsShown = wanted.assets?.show ?? capitalShown;

  const capital: TableRow = { kind: 'capital', label: input.capital?.label ?? 'Balanserat resultat', cells: [...totals.openingCapital], path: [...BASE, 'capital'] };
  const income: TableRow = {
    kind: 'sum',
    label: wanted.income?.label ?? (balance ? undefined : input.income.sumLabel) ?? 'Summa intäkter',
    cells: [...totals.income],
    path: [...BASE, 'income'],
  };
  const assets: TableRow = {
    kind: 'sum',
    label: wanted.assets?.label ?? (balance ? input.income.sumLabel : undefined) ?? (incomeShown ? 'Summa tillgångar' : 'Summa intäkter/tillgångar'),
    cells: [...totals.assets],
    path: [...BASE, 'totals', 'assets'],
  };
  const groupHeading = input.capital?.heading;

  const out: TotalRows = { beforeIncome: [], afterIncome: [], afterCosts: [] };
  if (capitalShown && where === 'first') out.beforeIncome.push(capital);
  if (incomeShown) out.afterIncome.push(income);
  if (capitalShown && where !== 'first') {
    if (where === 'group' && groupHeading) out.afterIncome.push({ kind: 'groupHeading', label: groupHeading, cells: columns.map(() => null), path: [...BASE, 'capital', 'heading'] });
    out.afterIncome.push(capital);
  }
  if (assetsShown) out.afterIncome.push(assets);

  if (wanted.costs?.show ?? true) {
    out.afterCosts.push({ kind: 'sum', label: wanted.costs?.label ?? input.costs.sumLabel ?? 'Summa kostnader', cells: shown('costs', totals.costs), path: [...BASE, 'costs'] });
  }
  if (wanted.result?.show ?? input.result?.show ?? true) {
    out.afterCosts.push({
      kind: 'result',
      label: wanted.result?.label ?? input.result?.label ?? (balance ? 'Prel balanserat resultat' : 'Resultat'),
      cells: balance ? [...totals.closingCapital] : [...totals.result],
      path: [...BASE, 'result'],
    });
  }
  return out;
}
