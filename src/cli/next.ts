// vplan next <plan> --out <sökväg>: next year's plan in the same form; the old plan is never touched.
import path from 'node:path';
import { refuseInArchive } from '../guard.js';
import { checkPlan } from '../build.js';
import { loadPlan, withPosition } from '../load/loadPlan.js';
import { nextYear, shiftYears } from '../next/nextYear.js';
import { dropBudgetSheet } from '../sheet/merge.js';
import { keptNothing, previousForm, refuseExisting, savePlan } from './convert.js';
import { UsageError, printWarnings, report } from './report.js';
import { VplanError } from '../errors.js';

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
  // The new plan must be one vplan builds; its warnings point into the new files.
  const written = await checkPlan(out).catch((error: unknown) => {
    report(error);
    throw new VplanError(`Nästa års plan skrevs till ${out}, men den har fel (ovan) att rätta innan den kan byggas.`);
  });
  const located = (await loadPlan(out)).parsed;
  const year = written.plan.document.budgetYear;
  process.stdout.write(`${file} → ${out}: plan för ${year} (${written.plan.document.status.state}, utan dnr och beslutsdatum)\n`);
  if (sheet) process.stdout.write(`  Budgeten lästes ur ${sheet}; den nya planen har beloppen i sig. Skriv ett nytt blad med vplan export-budget ${out} budget-${year}.xlsx och läs det med "from".\n`);
  // A new column next has just called empty is not said empty twice.
  const said = new Set(next.warnings.map((w) => JSON.stringify(w.path)));
  const built = written.warnings.filter((w) => !(w.code?.startsWith('emptyColumn:') && said.has(JSON.stringify(w.path))));
  printWarnings(out, [...built, ...next.warnings.map((w) => withPosition(located, w))]);
  if (previous?.lost?.length) process.stderr.write(keptNothing(previous.lost));
  return 0;
}
