// Step: an income or cost row written with a sum's text ("Summa intäkter", "Delsumma insatser", "Totalt",
// "Resultat") and amounts of its own. vplan computes every sum, so such a row is counted as one more
// income or cost: typed in from last year's table, it counts the sum's rows twice without a word. A
// warning at the row, which the plan can acknowledge (a row may really be called so).
import type { PlanIssue } from '../../errors.js';
import { leafRows } from './leafRows.js';
import { report, type StartState } from './state.js';

/**
 * A sum's text as budget tables write it: Summa …, S:a …, Delsumma …, Totalt, Total and Resultat alone
 * (or Resultat before a year); "Resultat från föregående år" is an income row of its own.
 */
const SUM_TEXT = /^(summa|s:a|delsumma|totalt)(\s|:|$)|^total$|^resultat(\s+\d{4})?$/i;

export function sumLikeRows(state: StartState): StartState {
  const sides = [
    { rows: leafRows(state.input, 'income'), side: 'intäkterna' },
    { rows: leafRows(state.input, 'costs'), side: 'kostnaderna' },
  ];
  const found = sides.flatMap(({ rows, side }) =>
    rows.filter(({ row }) => SUM_TEXT.test(row.label.trim()) && (row.values !== undefined || row.detail !== undefined)).map((r) => ({ ...r, side })),
  );
  const count = new Map<string, number>();
  for (const { row } of found) count.set(row.label.trim(), (count.get(row.label.trim()) ?? 0) + 1);
  const warnings: PlanIssue[] = found.map(({ row, path, side }) => {
    const label = row.label.trim();
    return {
      path,
      // By the row's text where no other such row has it; else by where it stands, so that one acknowledgement is one row's.
      ...(count.get(label) === 1 ? { code: `sumLikeRow:${label}` } : {}),
      message: `raden "${label}" ser ut som en summa men räknas som en rad bland ${side}, så att det den summerar räknas två gånger; ta bort raden, vplan räknar summorna själv (summaradernas texter ändras under totals, en grupps delsumma med subtotal)`,
    };
  });
  return report(state, [], warnings);
}
