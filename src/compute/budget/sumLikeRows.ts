// Step: an income or cost row written with a sum's text ("Summa intäkter", "Delsumma insatser", "Totalt",
// "Resultat") and amounts of its own. vplan computes every sum, so such a row is counted as one more
// income or cost: typed in from last year's table, it counts the sum's rows twice without a word. A
// warning at the row, which the plan can acknowledge (a row may really be called so).
import type { JsonPath, PlanIssue } from '../../errors.js';
import type { ItemInput } from '../../load/schema.js';
import { report, type StartState } from './state.js';

/** A sum's text as budget tables write it: Summa …, S:a …, Delsumma …, Totalt, Resultat (alone or before a year). */
const SUM_TEXT = /^(summa|s:a|delsumma|totalt?|resultat)(\s|:|$)/i;

export function sumLikeRows(state: StartState): StartState {
  const warnings: PlanIssue[] = [];
  const walk = (items: readonly ItemInput[], path: JsonPath, side: 'intäkterna' | 'kostnaderna') =>
    items.forEach((item, i) => {
      if ('rows' in item) return walk(item.rows, [...path, i, 'rows'], side);
      const label = item.label.trim();
      if (!SUM_TEXT.test(label) || (item.values === undefined && item.detail === undefined)) return;
      warnings.push({
        path: [...path, i],
        code: `sumLikeRow:${label}`,
        message: `raden "${label}" ser ut som en summa men räknas som en rad bland ${side}, så att det den summerar räknas två gånger; ta bort raden, vplan räknar summorna själv (summaradernas texter ändras under totals, en grupps delsumma med subtotal)`,
      });
    });
  walk(state.input.income.rows, ['budget', 'income', 'rows'], 'intäkterna');
  walk(state.input.costs.rows, ['budget', 'costs', 'rows'], 'kostnaderna');
  return report(state, [], warnings);
}
