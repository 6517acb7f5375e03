// Matches a sheet read back to the plan's tables: sheets by vplan's key or name, columns by heading,
// rows by text and id (rows.ts). Amounts the plan states become assignments; computed cells become checks
// (vplan's own figure wins; a different figure in the sheet is a warning). Errors name sheet and cell.
import type { RawCell, RawTable } from './read.js';
import { plain, readAmount, statedAmount } from './amounts.js';
import { matchRows, statesAmounts } from './rows.js';
import { pairTables } from './pair.js';
import { matchColumns } from './columns.js';
import type { CellTarget, SheetTable } from './tables.js';
import type { PlanForm } from '../load/loadPlan.js';
import type { PlanInput } from '../load/schema.js';
import { contributionAdvice } from './contributionCell.js';

export interface Assignment {
  target: CellTarget;
  value: number | null;
  where: string;
}

export interface Check {
  table: number;
  row: number;
  column: number;
  value: number;
  where: string;
}

export interface Matched {
  assignments: Assignment[];
  checks: Check[];
  errors: string[];
  warnings: string[];
}


export function matchSheets(raw: RawTable[], tables: SheetTable[]): Matched {
  const matched: Matched = { assignments: [], checks: [], errors: [], warnings: [] };
  const { errors } = matched;
  for (const [r, ti] of pairTables(raw, tables, matched)) {
    const table = tables[ti]!;
    const sheet = `Blad ${r.sheet ?? table.name}`;
    const at = (cell: RawCell) => `${sheet}, ${cell.address}`;

    // ---- columns by heading
    const { columnOf, badHeading } = matchColumns(r, table, sheet, errors, matched.warnings);

    // ---- rows by text, told apart by id
    const rows = matchRows(r, table, sheet, errors, matched.warnings);
    const textAmounts: string[] = [];
    const used = new Set(rows.matches.map((m) => m.index));
    for (const { row, index: ri } of rows.matches) {
      const planRow = table.rows[ri]!;
      row.cells.forEach((cell, j) => {
        const ci = columnOf[j];
        if (ci === undefined) return;
        const role = planRow.cells[ci]!.role;
        // In Excel only a merge's top-left cell holds a value: the others read as empty, which is worth a word.
        if (cell.mergedInto && role.kind === 'value') {
          matched.warnings.push(`${at(cell)}: cellen är sammanfogad med ${cell.mergedInto} och läses som tom, som Excel visar den; dela upp de sammanfogade cellerna om den ska ha ett belopp`);
        }
        if (role.kind === 'blank') {
          if (cell.value.kind !== 'blank') errors.push(`${at(cell)}: "${planRow.label}" är en rubrik utan belopp; lämna cellen tom`);
          return;
        }
        if (role.kind === 'derived') {
          const read = readAmount(cell.value, { ok: true, value: null });
          if (read.ok && read.value !== null) matched.checks.push({ table: ti, row: ri, column: ci, value: read.value, where: at(cell) });
          return;
        }
        const read = statedAmount(cell.value);
        if (!read.ok) {
          errors.push(`${at(cell)}: ${read.message}`);
          return;
        }
        const value = read.value;
        // An amount typed as text: vplan reads it, but Excel's own sums leave it out.
        if (value !== null && cell.value.kind === 'text' && r.sheet !== undefined) textAmounts.push(cell.address);
        const negate = role.target.kind === 'values' && role.target.negate;
        matched.assignments.push({ target: role.target, value: value === null ? null : negate ? 0 - value || 0 : value, where: at(cell) });
      });
    }

    if (textAmounts.length > 0) {
      const cells = textAmounts.length > 6 ? `${textAmounts.slice(0, 6).join(', ')} och ${textAmounts.length - 6} till` : textAmounts.join(', ');
      matched.warnings.push(
        `${sheet}: ${textAmounts.length === 1 ? `beloppet i ${cells} är skrivet som text` : `beloppen i ${cells} är skrivna som text`}; vplan läser ${textAmounts.length === 1 ? 'det' : 'dem'}, men Excel räknar inte med text i bladets summor, så bladet och PDF:en kan visa olika summor. Skriv ${textAmounts.length === 1 ? 'det' : 'dem'} som tal`,
      );
    }

    // ---- rows and columns of the plan that the sheet has lost: their amounts would be left as they
    // were (import-budget) or empty (budget.from) without a word. The plan decides what rows there are.
    // Where the sheet has a row or heading the plan does not know, that error says it (a renamed row
    // is both), and the lost ones are named once it is put right.
    const states = statesAmounts;
    const unknownRows = rows.unmatched;
    const unknownColumns = badHeading;
    const lostRows = unknownRows ? [] : table.rows.filter((row, i) => !used.has(i) && states(row.cells));
    for (const row of lostRows) {
      errors.push(
        `${sheet}: raden "${row.label}" finns i planen men inte i bladet; lägg tillbaka den (med sitt id i kolumn A), eller ta först bort raden ur planen`,
      );
    }
    const lostColumns = unknownColumns ? [] : table.columns.filter((_, ci) => !columnOf.includes(ci) && states(table.rows.map((row) => row.cells[ci]!)));
    for (const column of lostColumns) {
      errors.push(`${sheet}: kolumnen "${column.heading}" finns i planen men inte i bladet; lägg tillbaka den med den rubriken, eller ta först bort kolumnen ur planen`);
    }
  }
  return matched;
}

/** A computed cell whose figure in the sheet differs from vplan's; `contribution` when it takes the member contributions. */
export interface Mismatch {
  message: string;
  contribution: boolean;
}

/**
 * Computed cells whose figure in the sheet differs from vplan's: "Blad Budget, C14: 1 320 i bladet,
 * 1 220 summerat"; for a cell of the member contributions, what it is computed from and what to change
 * in the plan instead (the plan's `input` in its `form`).
 */
export function mismatches(checks: Check[], tables: SheetTable[], input: PlanInput, form: PlanForm): Mismatch[] {
  return checks.flatMap((check) => {
    const cell = tables[check.table]?.rows[check.row]?.cells[check.column];
    if (!cell || cell.role.kind !== 'derived') return [];
    const ours = cell.value ?? 0;
    if (ours === check.value) return [];
    const shown = `${check.where}: ${plain(check.value)} i bladet, ${plain(ours)} ${cell.role.sum ? 'summerat' : 'räknat av vplan'}`;
    const advice = cell.role.contribution && contributionAdvice(cell.role.contribution, input, form);
    return [{ message: advice ? `${shown}: ${advice}` : shown, contribution: advice !== undefined }];
  });
}
