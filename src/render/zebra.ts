// Zebra shading of a budget table: every other main row is shaded, counting only the main rows (a row
// or the opening capital); a varav row takes the shade of the row it belongs to, so the rhythm of the
// main rows runs on after it. Headings, subtotals and sums are never shaded and do not count.
import type { TableRow, TableRowKind } from '../model.js';

const MAIN: ReadonlySet<TableRowKind> = new Set(['row', 'capital']);

/** For each row, whether it is shaded. */
export function stripes(rows: readonly Pick<TableRow, 'kind'>[]): boolean[] {
  let main = 0;
  let shaded = false;
  return rows.map(({ kind }) => {
    if (MAIN.has(kind)) {
      main++;
      shaded = main % 2 === 0;
      return shaded;
    }
    if (kind === 'varav') return shaded;
    return false;
  });
}

const cache = new WeakMap<readonly Pick<TableRow, 'kind'>[], boolean[]>();

/** Whether row `index` of `rows` is shaded (for the templates; computed once per table). */
export function isStriped(rows: readonly Pick<TableRow, 'kind'>[], index: number): boolean {
  let result = cache.get(rows);
  if (!result) {
    result = stripes(rows);
    cache.set(rows, result);
  }
  return result[index] ?? false;
}
