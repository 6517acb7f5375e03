// The notes under the budget table (acknowledged warnings' reasons with note: true) that changed: they
// are printed in the board's document, so a changed reason is a change to the budget section.
import { diffArrays } from 'diff';
import type { NoteChange } from '../model.js';
import { readingLine } from './readingText.js';

/**
 * The notes taken out, put in and reworded, in the table's order: a note taken out where another is put
 * in (the same place in the list) is one note reworded, shown old → new, each without its Markdown.
 */
export function changedNotes(before: readonly string[], after: readonly string[]): NoteChange[] {
  const out: NoteChange[] = [];
  let removed: string[] = [];
  const flush = (added: string[]) => {
    const n = Math.max(removed.length, added.length);
    // Compared as written (bold is a change), shown as printed (without its **).
    const shown = (note: string | undefined) => (note === undefined ? undefined : readingLine(note));
    for (let i = 0; i < n; i++) out.push({ before: shown(removed[i]), after: shown(added[i]) });
    removed = [];
  };
  for (const part of diffArrays([...before], [...after])) {
    if (part.removed) removed.push(...part.value);
    else if (part.added) flush(part.value);
    else flush([]);
  }
  flush([]);
  return out;
}

/** A changed note as the terminal lists it, in a board member's words. */
export function noteLine({ before, after }: NoteChange): string {
  if (before === undefined) return `ny not under budgettabellen: ${after ?? ''}`;
  if (after === undefined) return `noten under budgettabellen borttagen: ${before}`;
  return `noten under budgettabellen ändrad: ${before} → ${after}`;
}
