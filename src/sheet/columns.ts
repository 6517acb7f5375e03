// A sheet's columns matched to a table's by heading (the heading as exported, the column's label with
// or without the unit, its id). A column that is none of the plan's and holds no amount typed in (a
// comment column, a helper column of formulas) is left out with a warning; one that holds amounts is an
// error, for they would be lost: a new column is added to the plan first.
import { suggest } from '../load/messages.js';
import type { RawCell, RawTable } from './read.js';
import type { SheetTable } from './tables.js';
import { parseAmount } from './amounts.js';
import { quote } from './pair.js';

const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();
const shown = (s: string) => s.replace(/\s+/g, ' ').trim();

export interface ColumnsMatched {
  /** For each column of the sheet after the labels, the table column it is. */
  columnOf: (number | undefined)[];
  /** A heading in error (unknown, twice, or none over amounts): the plan's columns not found are not named. */
  badHeading: boolean;
}

/** An amount typed into the cell (a number, or a number as text), not a formula's result or a note. */
const typedAmount = (cell: RawCell | undefined) =>
  cell !== undefined && (cell.value.kind === 'number' || (cell.value.kind === 'text' && parseAmount(cell.value.text) !== undefined));

export function matchColumns(r: RawTable, table: SheetTable, sheet: string, errors: string[], warnings: string[]): ColumnsMatched {
  const at = (cell: RawCell) => `${sheet}, ${cell.address}`;
  const headings = table.columns.map((c) => c.heading);
  const names = (c: SheetTable['columns'][number]) => [c.heading, ...c.aliases];
  const out: ColumnsMatched = { columnOf: [], badHeading: false };
  const error = (message: string) => {
    errors.push(message);
    out.badHeading = true;
  };
  r.headings.forEach((h, j) => out.columnOf.push(headingColumn(h, j)));
  return out;

  function headingColumn(h: RawCell, j: number): number | undefined {
    const text = h.value.kind === 'text' ? h.value.text : h.value.kind === 'number' ? String(h.value.value) : '';
    const cells = r.rows.map((row) => row.cells[j]);
    const amounts = cells.some(typedAmount);
    const filled = cells.some((c) => c !== undefined && c.value.kind !== 'blank');
    const index = text.trim() === '' ? -1 : table.columns.findIndex((c) => names(c).some((name) => norm(name) === norm(text)));
    if (index < 0 && filled && !amounts) {
      const name = text.trim() === '' ? 'utan rubrik' : `"${shown(text)}"`;
      warnings.push(`${at(h)}: kolumnen ${name} är ingen av planens kolumner och har inga inskrivna belopp; den lästes inte`);
      return undefined;
    }
    if (text.trim() === '') {
      if (filled) {
        const merged = h.mergedInto ? ` (${h.address} är sammanfogad med ${h.mergedInto}; dela upp de sammanfogade cellerna)` : '';
        error(`${at(h)}: kolumnen har ingen rubrik${merged}; skriv en av ${quote(headings)}`);
      }
      return undefined;
    }
    if (index < 0) {
      error(`${at(h)}: okänd kolumnrubrik "${shown(text)}"${unknownHint(text)}; skriv en av ${quote(headings)}`);
      return undefined;
    }
    if (r.headings.slice(0, j).some((_, k) => out.columnOf[k] === index)) {
      error(`${at(h)}: kolumnen "${table.columns[index]!.heading}" finns redan; ta bort den ena`);
      return undefined;
    }
    return index;
  }

  /** What an unknown heading most likely is: the plan's column in another unit, a year the plan has no column for, a typo. */
  function unknownHint(text: string): string {
    const unit = /^(.*?)\s*\((k?r|tkr)\)$/i.exec(shown(text));
    const column = unit ? table.columns.find((c) => names(c).some((name) => norm(name) === norm(unit[1]!))) : undefined;
    if (unit && column) return ` – budgeten är i ${table.unit}, inte i ${unit[2]!.toLowerCase()}`;
    const near = suggest(shown(text), table.columns.flatMap(names));
    const hint = table.columns.find((c) => near !== undefined && names(c).includes(near))?.heading;
    // "Budget 2027" is no typo of "Budget 2025": the plan's column of that year, or a new one.
    const year = (s: string) => /\b(?:19|20)\d\d\b/.exec(s)?.[0];
    const written = year(text);
    if (written === undefined || (hint !== undefined && year(hint) === written)) return hint ? ` – menade du "${hint}"?` : '';
    const sameYear = table.columns.filter((c) => names(c).some((name) => year(name) === written)).map((c) => c.heading);
    const added = 'en ny kolumn läggs först till i planen (budget.columns)';
    return sameYear.length > 0 ? ` – menade du ${sameYear.map((h) => `"${h}"`).join(' eller ')}? En ny kolumn läggs först till i planen (budget.columns)` : ` – planen har ingen kolumn för ${written}; ${added}`;
  }
}
