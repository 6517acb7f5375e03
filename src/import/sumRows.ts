// The sum rows of a Word budget table ("Summa …", "Delsumma …", "Totalt", "Resultat"): vplan computes
// them, so they are left out of the imported budget, each kept with what of vplan's it stands for, to be
// compared with it once the plan is computed (sums.ts).

/** What of vplan's a sum row of the Word table stands for: a group's delsumma (by its place in the side's rows) or a total. */
export type SumTarget = { kind: 'subtotal'; side: 'income' | 'costs'; index: number } | { kind: 'income' | 'assets' | 'costs' | 'result' | 'closingCapital' };

/** A sum row of the Word table, left out for vplan computes it. */
export interface WordSum {
  label: string;
  /** As the Word table has them, one per column. */
  values: (number | null)[];
  /** Undefined when it cannot be told what the row sums ("Totalt", a second delsumma of a group). */
  target: SumTarget | undefined;
}

/** Whether a row of the table is a sum of other rows (or the result). */
export const isSum = (label: string) =>
  /^(summa|s:a|totalt?|delsumma)\b/i.test(label) ||
  /^resultat\b/i.test(label) ||
  /^(årets|prel\.?|preliminärt|utgående|beräknat)\s.*resultat/i.test(label) ||
  /^(överskott|underskott)\b/i.test(label);

/** The total a sum row that is no delsumma stands for: Summa intäkter, Summa kostnader, the result. */
export function totalOf(label: string): SumTarget | undefined {
  if (/^(summa|s:a)\s+intäkter\b/i.test(label)) return { kind: 'income' };
  if (/^(summa|s:a)\s+kostnader\b/i.test(label)) return { kind: 'costs' };
  if (/^(årets\s+|prel\.?\s+|preliminärt\s+|beräknat\s+)?resultat\b/i.test(label) || /^överskott\b/i.test(label)) return { kind: 'result' };
  return undefined;
}
