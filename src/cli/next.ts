// vplan next <plan> --out <sökväg>: next year's plan in the same form; the old plan is never touched.
import path from 'node:path';
import { refuseInArchive } from '../guard.js';
import { checkPlan } from '../build.js';
import { loadPlan, withPosition } from '../load/loadPlan.js';
import { nextYear, shiftYears } from '../next/nextYear.js';
import { copyUsedFiles } from '../next/files.js';
import { dropBudgetSheet } from '../sheet/merge.js';
import { keptNothing, previousForm, refuseExisting, savePlan } from './convert.js';
import { UsageError, printWarnings, report } from './report.js';
import { VplanError, type PlanIssue } from '../errors.js';
import { changedRows } from '../next/compare.js';

export async function commandNext(args: string[], options: { out: string | undefined }): Promise<number> {
  const [file, ...extra] = args;
  if (file === undefined || extra.length > 0) throw new UsageError('ange en plan: vplan next plan.yaml --out plan-2027.yaml');
  if (!options.out) throw new UsageError('ange var nästa års plan skrivs: --out plan-2027.yaml (eller en ny mapp för en planmapp)');
  const { loaded, plan } = await checkPlan(file);
  const out = options.out;
  if (path.resolve(out) === path.resolve(file)) throw new UsageError('--out är den gamla planen; nästa års plan skrivs till en ny fil eller mapp');
  await refuseInArchive(out, '--out', undefined, 'nästa års plan');
  await refuseExisting(out, loaded.form);
  const next = nextYear(loaded.parsed.value as Record<string, unknown>, plan.budget);
  const sheet = dropBudgetSheet(next.value);
  // Written into the old plan's texts: comments, order and style stay; section files keep their names,
  // with the years in them moved on.
  const previous = previousForm(loaded, shiftYears, (key) => next.keySources.get(key));
  await savePlan(next.value, loaded.form, out, previous);
  // The logo and images, to the same path from the new plan (the budget sheet is not read by it).
  const used = (plan.usedFiles ?? []).filter((f) => f.jsonPath !== 'budget.from');
  const files = await copyUsedFiles(file, out, used, loaded.form === 'folder');
  const notCopied: PlanIssue[] = files.problems.map((p) => ({ path: p.jsonPath.split(/\.|\[|\]/).filter(Boolean).map((part) => (/^\d+$/.test(part) ? Number(part) : part)), message: p.message, ...(p.jsonPath.startsWith("document.") ? {} : { snippet: p.file }) }));
  // next's own warnings point into the new files where they can be found there.
  const located = await loadPlan(out).then((l) => l.parsed).catch(() => undefined);
  const own = [...notCopied, ...next.warnings].map((w) => (located ? withPosition(located, w) : w));
  // The new plan must be one vplan builds; its warnings point into the new files.
  const written = await checkPlan(out).catch((error: unknown) => {
    report(error);
    // What next did explains most errors: a column started from another year's amounts, an outcome left empty.
    printWarnings(out, own);
    throw new VplanError(
      `Nästa års plan skrevs till ${out}, men den har fel (ovan) att rätta innan den kan byggas.`,
      'Varningarna efter felen säger vad vplan next flyttade, lämnade tomt eller tog bort; de förklarar oftast felen.',
    );
  });
  const year = written.plan.document.budgetYear;
  process.stdout.write(`${file} → ${out}: plan för ${year} (${written.plan.document.status.state}, utan dnr och beslutsdatum)\n`);
  if (files.copied.length > 0) process.stdout.write(`  Kopierade ${files.copied.join(', ')} till den nya planen.\n`);
  if (sheet) process.stdout.write(`  Budgeten lästes ur ${sheet}; den nya planen har beloppen i sig. Skriv ett nytt blad med vplan export-budget ${out} budget-${year}.xlsx och läs det med "from".\n`);
  // A new column next has just called empty is not said empty twice.
  const said = new Set(next.warnings.map((w) => JSON.stringify(w.path)));
  const built = written.warnings.filter((w) => !(w.code?.startsWith('emptyColumn:') && said.has(JSON.stringify(w.path))));
  const sums = changedRows(next.moves, plan.budget, written.plan.budget).map((w) => (located ? withPosition(located, w) : w));
  printWarnings(out, [...built, ...own, ...sums]);
  if (previous?.lost?.length) process.stderr.write(keptNothing(previous.lost));
  return 0;
}
