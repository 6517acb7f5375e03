// The changes between two versions as plain Swedish text for the terminal.
import type { CellChange, PlanChanges } from '../model.js';
import { formatInteger } from '../format.js';
import { hasChanges } from './diff.js';
import { noteLine } from './notes.js';

const figure = (v: number | null) => (v === null ? '(tom)' : formatInteger(v));
const signed = (v: number) => (v > 0 ? `+${formatInteger(v)}` : formatInteger(v));

function cellLine(c: CellChange): string {
  return `  ${c.row}, ${c.column}: ${figure(c.before)} → ${figure(c.after)}${c.delta !== null ? ` (${signed(c.delta)})` : ''}`;
}

export function formatChanges(changes: PlanChanges): string {
  const lines = [`Ändringar sedan ${changes.since}`];
  if (!hasChanges(changes)) return `${lines[0]}: inga.\n`;
  const block = (title: string, items: string[]) => {
    if (items.length === 0) return;
    lines.push('', title, ...items);
  };
  block('Dokumentet', [
    ...changes.document.map((d) => `  ${d.label}: ${d.before} → ${d.after}`),
    ...(changes.unitNote ? [`  ${changes.unitNote}`] : []),
    ...(changes.decisionNote ? [`  OBS: ${changes.decisionNote}`] : []),
  ]);
  // Same name, other bytes: the PDF changed though no word did.
  block('Logotyp och bilder', (changes.filesChanged ?? []).map((f) => `  ${f}`));
  // A note under the budget table is part of the budget section the board reads.
  block(`Budgeten (${changes.unit})`, [...changes.cells.map(cellLine), ...changes.budgetNotes.map((n) => `  ${noteLine(n)}`)]);
  block('Rader', [...changes.rowsAdded.map((r) => `  ny: ${r}`), ...changes.rowsRemoved.map((r) => `  borttagen: ${r}`), ...changes.rowsRenamed.map((r) => `  ${r}`)]);
  block('Kolumner', [...changes.columnsAdded.map((c) => `  ny: ${c}`), ...changes.columnsRemoved.map((c) => `  borttagen: ${c}`)]);
  block('Påverkan på summor och resultat', changes.sums.map(cellLine));
  block('Avsnitt', [
    ...changes.sectionsAdded.map((s) => `  nytt: ${s}`),
    ...changes.sectionsRemoved.map((s) => `  borttaget: ${s}`),
    ...changes.sectionsRenamed.map((s) => `  ny rubrik: ${s.before} → ${s.after}`),
    ...changes.sectionsReworded.flatMap((s) => [
      `  omskrivet: ${s.name}`,
      ...(s.formattingOnly ? ['    (samma ord, annan formatering)'] : []),
      ...s.removed.map((w) => `    − ${w}`),
      ...s.added.map((w) => `    + ${w}`),
    ]),
    // Not rewritten: the same words, other figures (a year moved on, an amount a placeholder gives anew).
    ...changes.sectionFigures.flatMap((s) => [
      `  siffror i texten ändrade: ${s.name}`,
      ...s.figures.map((f) => `    ${f.before} → ${f.after}`),
      ...(s.more > 0 ? [`    … och ${s.more} ${s.more === 1 ? 'siffra' : 'siffror'} till`] : []),
    ]),
  ]);
  return `${lines.join('\n')}\n`;
}
