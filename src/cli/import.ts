// vplan import <plan.docx> --out <mapp>: last year's Word plan as a new plan folder, with a list of what to check.
import { checkPlan } from '../build.js';
import { planToFolder } from '../convert/write.js';
import { VplanError } from '../errors.js';
import { importDocx } from '../import/importDocx.js';
import type { SectionNote } from '../import/sections.js';
import { compareSums } from '../import/sums.js';
import { refuseExisting, savePlan } from './convert.js';
import { refuseInArchive } from '../guard.js';
import { UsageError, printWarnings, report, sanitizeForTerminal } from './report.js';

/** "avsnitt/03-budget.md (Budget › Drift): …", or "plan.yaml: …" for the document. */
export function describeNote(note: SectionNote, plan: Record<string, unknown>): string {
  const files = [...planToFolder(plan, undefined).keys()].filter((k) => k.startsWith('avsnitt/'));
  const sections = (plan.sections as { title: string }[]) ?? [];
  const index = note.trail.length > 0 ? sections.findIndex((s) => s.title === note.trail[0]) : -1;
  const where = index >= 0 ? `${files[index]}${note.trail.length > 1 ? ` (${note.trail.slice(1).join(' › ')})` : ''}` : 'plan.yaml';
  return `${where}: ${note.message}`;
}

export async function commandImport(args: string[], options: { out: string | undefined }): Promise<number> {
  const [file, ...extra] = args;
  if (file === undefined || extra.length > 0) throw new UsageError('ange en Word-fil: vplan import plan-2025.docx --out plan-2025');
  if (!/\.docx$/i.test(file)) throw new UsageError(`${file}: vplan import läser Word-filer (.docx); spara dokumentet som .docx i Word`);
  if (!options.out) throw new UsageError('ange en ny mapp för planen: vplan import plan.docx --out plan-2025');
  const out = options.out;
  await refuseInArchive(out, '--out', undefined, 'planen', 'plan-2025');
  await refuseExisting(out, 'folder');
  const { plan, notes, sums } = await importDocx(file);
  await savePlan(plan, 'folder', out);
  const checked = await checkPlan(out).catch((error: unknown) => {
    report(error);
    throw new VplanError(`Planen skrevs till ${out}, men den har fel (ovan) att rätta innan den kan byggas.`);
  });
  const count = (plan.sections as unknown[]).length;
  const rows = checked.plan.budget ? ' och en budget' : '';
  process.stdout.write(`${file} → ${out}: planmapp med ${count} avsnitt${rows}.\n`);
  // The Word table's sums, left out, against vplan's: the note says which and how many agree, each
  // figure that differs is a warning.
  const compared = sums && checked.plan.budget ? compareSums(sums, checked.plan.budget) : undefined;
  if (sums && compared) {
    // With the budget section's other notes, where it has any.
    const after = notes.findLastIndex((n) => n.trail[0] === sums.trail[0]);
    notes.splice(after < 0 ? notes.length : after + 1, 0, { trail: sums.trail, message: compared.note });
  }
  if (notes.length > 0) {
    process.stderr.write(`Kontrollera (${notes.length}):\n`);
    for (const note of notes) process.stderr.write(sanitizeForTerminal(`  kontrollera: ${describeNote(note, plan)}`) + '\n');
  }
  for (const message of compared?.warnings ?? []) {
    process.stderr.write(sanitizeForTerminal(`  varning: ${describeNote({ trail: sums!.trail, message }, plan)}`) + '\n');
  }
  printWarnings(out, checked.warnings);
  return 0;
}
