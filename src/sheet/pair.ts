// A sheet's tables paired with the plan's: by vplan's key in A1, else by the sheet's name; a CSV
// without keys is the budget. A table of the plan that the sheet does not have is an error when the
// plan takes amounts from it: without it those amounts would be left as they were (import-budget) or
// empty (budget.from), the PDF printed without a word.
import type { RawTable } from './read.js';
import type { SheetTable } from './tables.js';
import { statesAmounts } from './rows.js';

export interface Paired {
  errors: string[];
  warnings: string[];
}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();
export const quote = (names: string[]) => names.map((n) => `"${n}"`).join(', ');

export function pairTables(raw: RawTable[], tables: SheetTable[], out: Paired): Map<RawTable, number> {
  const pairs = new Map<RawTable, number>();
  const keyed = raw.some((r) => r.key !== undefined);
  const unread: string[] = [];
  for (const r of raw) {
    let index = r.key !== undefined ? tables.findIndex((t) => t.key === r.key) : -1;
    if (index < 0 && r.sheet !== undefined) index = tables.findIndex((t) => norm(t.name) === norm(r.sheet!));
    // A single table written by hand (a CSV without vplan's key column) is the budget.
    if (index < 0 && !keyed && raw.length === 1 && r.sheet === undefined) index = 0;
    if (index < 0) {
      const where = r.sheet !== undefined ? `Blad ${r.sheet}` : `Tabellen ${r.key ?? ''}`.trim();
      if (r.key !== undefined) out.errors.push(`${where}, A1: okänd tabell "${r.key}"; tabellerna är ${quote(tables.map((t) => t.key))}`);
      else {
        out.warnings.push(`${where}: bladet hör inte till planens budget och lästes inte (bladen är ${quote(tables.map((t) => t.name))})`);
        if (r.sheet !== undefined) unread.push(r.sheet);
      }
      continue;
    }
    if ([...pairs.values()].includes(index)) {
      out.errors.push(`Blad ${r.sheet ?? tables[index]!.name}: tabellen "${tables[index]!.name}" finns två gånger; ta bort den ena`);
      continue;
    }
    pairs.set(r, index);
    if (r.keyColumn && r.key === undefined && r.rows.some((row) => row.key !== undefined)) {
      const where = r.sheet !== undefined ? `Blad ${r.sheet}` : `Tabellen ${tables[index]!.name}`;
      out.warnings.push(`${where}, A1: cellen är tom; skriv tillbaka "${tables[index]!.key}" där (det säger att kolumn A håller radernas id; bladet lästes ändå)`);
    }
  }
  missingTables(raw, tables, new Set(pairs.values()), unread, out);
  return pairs;
}

function missingTables(raw: RawTable[], tables: SheetTable[], paired: Set<number>, unread: string[], out: Paired): void {
  const csv = raw.every((r) => r.sheet === undefined);
  tables.forEach((table, i) => {
    if (paired.has(i) || !table.rows.some((row) => statesAmounts(row.cells))) return;
    const what = i === 0 ? 'budgetens belopp' : `beloppen i specifikationen "${table.name}"`;
    const remove = i === 0 ? '' : ', eller ta först bort specifikationen ur planen';
    if (csv) {
      out.errors.push(
        `Tabellen ${table.name}: saknas i filen, och planen läser ${what} ur den; lägg tillbaka tabellen med ${table.key} i kolumn A på rubrikraden (vplan export-budget skriver den)${remove}`,
      );
      return;
    }
    const renamed = unread.length > 0 ? `; bladet ${quote(unread)} lästes inte: är det ${unread.length === 1 ? 'det' : 'ett av dem'}, ge det namnet "${table.name}" igen` : '';
    const restore = `${renamed ? '; annars l' : '; l'}ägg tillbaka bladet (vplan export-budget skriver det)${remove}`;
    out.errors.push(`Blad ${table.name}: bladet saknas i arbetsboken, och planen läser ${what} ur det${renamed}${restore}`);
  });
}
