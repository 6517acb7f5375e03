// The budget tables' headings and sum rows, which hold no stated figure ("rubriken Kansli"): which are
// new, which are gone, and which heading only got a new name over the same rows. See diff.ts.
import type { ComputedPlan, TableRow } from '../model.js';

interface LabelRow {
  /** As the changes list it: "rubriken Insatser", "summaraden Delsumma insatser (Administration)". */
  text: string;
  /** The heading's label and its table's caption (a specification's), for a renamed heading. */
  label: string;
  table: string;
  /** For a heading: the rows under it, by id, else by label. */
  rows: Set<string> | undefined;
}

const NAMES: Partial<Record<TableRow['kind'], string>> = { heading: 'rubriken', groupHeading: 'rubriken', subtotal: 'summaraden', sum: 'summaraden', result: 'raden' };

const startsWith = (path: readonly unknown[], prefix: readonly unknown[]) => path.length > prefix.length && prefix.every((p, i) => path[i] === p);

function labelRows(plan: ComputedPlan): LabelRow[] {
  const budget = plan.budget;
  if (!budget) return [];
  return [budget.table, ...budget.details].flatMap((table, t) => {
    const caption = t > 0 && table.caption ? table.caption : '';
    return table.rows
      .filter((row) => NAMES[row.kind] !== undefined && row.label.trim() !== '')
      .map((row) => ({
        text: `${NAMES[row.kind]} ${row.label}${caption ? ` (${caption})` : ''}`,
        label: row.label,
        table: caption,
        // A group's rows are those its part of the plan holds (their paths run through its own).
        rows:
          row.kind === 'heading' || row.kind === 'groupHeading'
            ? new Set(table.rows.filter((r) => (r.kind === 'row' || r.kind === 'varav') && startsWith(r.path, row.path)).map((r) => (r.id ? `#${r.id}` : r.label)))
            : undefined,
      }));
  });
}

/** How many of the rows two headings stand over are the same, where that is most of either's. */
function sameRows(a: Set<string>, b: Set<string>): number {
  const shared = [...a].filter((r) => b.has(r)).length;
  return shared > 0 && shared * 2 >= a.size && shared * 2 >= b.size ? shared : 0;
}

/**
 * The headings and sum rows added and removed, and the headings renamed: a heading gone and another
 * come over the same (or mostly the same) rows in the same table is one heading with a new name.
 */
export function changedLabels(before: ComputedPlan, after: ComputedPlan): { added: string[]; removed: string[]; renamed: string[] } {
  const old = labelRows(before);
  const now = labelRows(after);
  const gone = old.filter((l) => !now.some((n) => n.text === l.text));
  const come = now.filter((l) => !old.some((o) => o.text === l.text));
  const candidates = gone
    .flatMap((g) => come.map((c) => ({ g, c, shared: g.rows && c.rows && g.table === c.table ? sameRows(g.rows, c.rows) : 0 })))
    .filter((p) => p.shared > 0)
    .sort((x, y) => y.shared - x.shared);
  const paired = new Set<LabelRow>();
  const renamed: string[] = [];
  for (const { g, c } of candidates) {
    if (paired.has(g) || paired.has(c)) continue;
    paired.add(g).add(c);
    renamed.push(`rubriken ${g.label} heter nu ${c.label}${c.table ? ` (${c.table})` : ''}`);
  }
  return {
    added: come.filter((l) => !paired.has(l)).map((l) => l.text),
    removed: gone.filter((l) => !paired.has(l)).map((l) => l.text),
    renamed,
  };
}
