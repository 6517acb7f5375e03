// Uppföljning: the year's outcome (a column of kind "utfall") beside its budget, with the difference
// computed here (utfall − budget), row by row, as a table printed like the budget.
import type { JsonPath, PlanIssue } from '../errors.js';
import type { BudgetTable, ComputedBudget } from '../model.js';
import type { SectionInputOf } from './sections/types.js';

export type FollowUpInput = Pick<SectionInputOf<'followUp'>, 'budgetColumn' | 'outcomeColumn' | 'differenceLabel'>;

export function followUpTable(input: FollowUpInput, budget: ComputedBudget, path: JsonPath, issues: PlanIssue[]): BudgetTable | undefined {
  const ids = budget.columns.map((c) => c.id);
  const outcome = input.outcomeColumn !== undefined ? ids.indexOf(input.outcomeColumn) : budget.columns.findIndex((c) => c.kind === 'utfall');
  if (outcome < 0) {
    issues.push({
      path: [...path, input.outcomeColumn !== undefined ? 'outcomeColumn' : 'type'],
      message:
        input.outcomeColumn !== undefined
          ? `budgeten har ingen kolumn "${input.outcomeColumn}"; kolumnerna är ${ids.join(', ')}`
          : 'uppföljningen behöver en utfallskolumn: lägg till { "kind": "utfall", "year": … } bland budgetens kolumner',
    });
    return undefined;
  }
  const year = budget.columns[outcome]!.year;
  const planned =
    input.budgetColumn !== undefined ? ids.indexOf(input.budgetColumn) : budget.columns.findIndex((c) => c.kind === 'budget' && c.year === year);
  if (planned < 0) {
    issues.push({
      path: [...path, input.budgetColumn !== undefined ? 'budgetColumn' : 'type'],
      message:
        input.budgetColumn !== undefined
          ? `budgeten har ingen kolumn "${input.budgetColumn}"; kolumnerna är ${ids.join(', ')}`
          : `uppföljningen jämför utfallet ${year} med budgeten ${year}, men budgeten har ingen sådan kolumn; ange "budgetColumn"`,
    });
    return undefined;
  }
  const table = budget.table;
  return {
    caption: undefined,
    labelHeader: table.labelHeader,
    // The difference is in the budget's unit, named in its heading as in the other two where the plan does so.
    columnLabels: [table.columnLabels[planned]!, table.columnLabels[outcome]!, `${input.differenceLabel ?? 'Avvikelse'}${table.unitSuffix}`],
    span: 4,
    unitCaption: table.unitCaption,
    unitSuffix: table.unitSuffix,
    rows: table.rows.map((row) => {
      if (row.kind === 'heading' || row.kind === 'groupHeading' || row.kind === 'columnHeadings') return row;
      const b = row.cells[planned] ?? null;
      const o = row.cells[outcome] ?? null;
      return { ...row, cells: [b, o, b !== null && o !== null ? o - b : null] };
    }),
  };
}
