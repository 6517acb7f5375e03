// A sheet's rows matched to a table's rows. The text in column B says which row it is; the hidden id in
// column A (the row's id, or its place in the plan) tells rows of the same text apart. Where the two
// disagree, the sheet was sorted without column A, a row was copied with its id, or a row renamed in
// the sheet: each an error naming both cells, never figures on another row.
import { suggest } from '../load/messages.js';
import type { RawRow, RawTable } from './read.js';
import type { SheetRow, SheetTable } from './tables.js';

/** A row text as compared: case, spaces and "&" for "och" do not count. */
export const sameText = (s: string) =>
  s.replace(/\s+/g, ' ').trim().toLowerCase().replace(/\s*&\s*/g, ' och ').replace(/\s+/g, ' ');
const spaced = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Whether the plan states an amount in the row (else vplan computes or leaves all of it). */
export const statesAmounts = (cells: { role: { kind: string } }[]) => cells.some((c) => c.role.kind === 'value');

export interface RowMatch {
  row: RawRow;
  /** The table row it is. */
  index: number;
}

export interface RowsMatched {
  matches: RowMatch[];
  /** Some row of the sheet is no row of the plan (its error is given): the plan's rows not found are not named. */
  unmatched: boolean;
}

/** What the id in column A and the text disagreeing means, and what to do. */
function disagreement(sheet: string, row: RawRow, planRow: SheetRow, table: SheetTable): string {
  const a = row.keyAddress ?? 'A';
  const own = `${sheet}, ${a}: id:t i den dolda kolumnen A hör till raden "${planRow.label}"`;
  if (row.label === '') {
    return `${sheet}, ${row.labelAddress}: raden har ingen text, men id:t i den dolda kolumnen A (${a}) hör till raden "${planRow.label}"; skriv "${planRow.label}" i ${row.labelAddress} (en rad tas bort ur planen, inte ur bladet)`;
  }
  const says = `men ${row.labelAddress} säger "${row.label}"`;
  if (table.rows.some((t) => t !== planRow && sameText(t.label) === sameText(row.label))) {
    return (
      `${own}, ${says}, som är en annan rad i planen. Har cellerna sorterats eller flyttats utan kolumn A: sortera och flytta hela rader, med kolumn A. ` +
      `Har planens rader ändrats sedan bladet skrevs: töm ${a}, så läses raden efter sin text`
    );
  }
  if (!statesAmounts(planRow.cells)) return `${own}, ${says}; den radens text skriver vplan: skriv "${planRow.label}" i ${row.labelAddress}`;
  return (
    `${own}, ${says}, som inte finns i planen. Är det en ny rad: lägg först till den i planen, infoga sedan en ny rad i bladet ` +
    `och lämna kolumn A tom (en kopierad rad tar med sig id:t i A). Ska raden byta namn: skriv det nya namnet både i planen och i bladet`
  );
}

export function matchRows(r: RawTable, table: SheetTable, sheet: string, errors: string[], warnings: string[]): RowsMatched {
  const used = new Set<number>();
  const matches: RowMatch[] = [];
  let unmatched = false;
  // A row without text: which row it was, when only one row of the plan is not found by its text.
  const untexted: RawRow[] = [];
  for (const row of r.rows) {
    const byKey = row.key !== undefined ? table.rows.findIndex((t) => t.key === row.key || t.path === row.key) : -1;
    let ri = byKey;
    if (byKey >= 0) {
      const planRow = table.rows[byKey]!;
      if (row.label === '' || sameText(planRow.label) !== sameText(row.label)) {
        errors.push(disagreement(sheet, row, planRow, table));
        unmatched = true;
        continue;
      }
    } else ri = table.rows.findIndex((t, i) => !used.has(i) && sameText(t.label) === sameText(row.label));
    if (ri < 0 && row.label !== '' && row.key === undefined && row.cells.every((c) => c.value.kind === 'blank')) {
      // A note under the table, a title above a group: no amounts, so nothing is lost by leaving it.
      warnings.push(`${sheet}, ${row.labelAddress}: "${row.label}" är ingen av planens rader och har inga belopp; raden lästes inte`);
      continue;
    }
    if (ri < 0) {
      const labels = table.rows.filter((t) => t.kind === 'row' || t.kind === 'varav').map((t) => t.label);
      const hint = suggest(row.label, labels);
      if (row.label === '') untexted.push(row);
      else errors.push(`${sheet}, ${row.labelAddress}: okänd rad "${row.label}"${hint ? ` – menade du "${hint}"?` : ''}; skriv radens text som i planen, eller lägg till raden i planen först`);
      unmatched = true;
      continue;
    }
    if (used.has(ri)) {
      errors.push(`${sheet}, ${row.labelAddress}: raden "${row.label}" finns redan längre upp; ta bort den ena`);
      unmatched = true;
      continue;
    }
    const planLabel = table.rows[ri]!.label;
    // "kansli" for Kansli, "&" for "och": the same row, but the text printed is the plan's.
    if (spaced(planLabel) !== spaced(row.label)) {
      warnings.push(`${sheet}, ${row.labelAddress}: "${row.label}" läses som raden "${planLabel}"; det är planens text som skrivs ut (en radtext ändras i planen)`);
    }
    used.add(ri);
    matches.push({ row, index: ri });
  }
  const missing = table.rows.filter((t, i) => !used.has(i) && statesAmounts(t.cells));
  for (const row of untexted) {
    const which = untexted.length === 1 && missing.length === 1 ? ` ("${missing[0]!.label}" saknas i bladet)` : '';
    errors.push(`${sheet}, ${row.labelAddress}: raden har ingen text; skriv radens text som i planen${which}`);
  }
  return { matches, unmatched };
}
