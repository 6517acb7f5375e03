// vplan diff: what changed between two plans (or a filed version and a plan), optionally as an appendix page.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { checkPlan, printPlan, PrintSession } from '../build.js';
import { inPlanForm } from '../compute/hintForm.js';
import { readFiledPlan } from '../archive/archive.js';
import { diffPlans } from '../diff/diff.js';
import { formatChanges } from '../diff/format.js';
import { defaultOutputPath, writeFileAtomic } from '../output.js';
import { UsageError, printWarnings, sanitizeForTerminal } from './report.js';
import { withPosition } from '../load/loadPlan.js';
import { checkTarget, filesUsedBy } from '../guard.js';

export async function commandDiff(
  args: string[],
  options: { appendix: boolean; out: string | undefined; archiveDir: string; browser: string | undefined; theme: string | undefined },
): Promise<number> {
  const [oldRef, newRef, ...extra] = args;
  if (oldRef === undefined || newRef === undefined || extra.length > 0) {
    throw new UsageError('ange två versioner: vplan diff gammal.json ny.json (eller dnr@version, t.ex. "2024:11 / 2@1", på någon av sidorna)');
  }
  // Either side may be a filed version, "dnr@version"; a file of that name wins.
  const resolve = async (ref: string): Promise<{ file: string; name: string; filed: boolean }> => {
    const archived = /^(.+)@(\d+)$/.exec(ref);
    if (existsSync(ref) || !archived) return { file: ref, name: path.basename(ref), filed: false };
    const filed = await readFiledPlan(options.archiveDir, archived[1]!, Number(archived[2]));
    return { file: filed.file, name: `version ${filed.manifest.version} (${filed.manifest.dnr})`, filed: true };
  };
  const { file: oldFile, name: since, filed: oldFiled } = await resolve(oldRef);
  const newSide = await resolve(newRef);
  const newFile = newSide.file;
  if (newSide.filed && options.appendix && options.out === undefined) {
    throw new UsageError('--appendix med en arkiverad version som ny sida behöver --out fil.pdf');
  }
  const before = await checkPlan(oldFile);
  const after = await checkPlan(newFile, { theme: options.theme });
  // A file is named by its plan's title too: a board knows "Verksamhetsplan 2025", not "plan2025".
  const oldSide = oldFiled ? since : `${before.plan.document.title} (${since})`;
  const changes = diffPlans(before.plan, after.plan, oldSide);
  process.stdout.write(sanitizeForTerminal(formatChanges(changes)));
  if (!options.appendix) return 0;

  const plan = after.plan;
  plan.changes = changes;
  plan.contents = plan.contents && [...plan.contents, { anchor: 'andringar', label: '', title: `Ändringar sedan ${changes.since}`, level: 1 }];
  // Its own name: the appendix build must not replace the plan's normal PDF.
  const target = options.out ?? defaultOutputPath(newFile).replace(/\.pdf$/, '-andringar.pdf');
  await checkTarget(target, 'pdf', {
    inputs: [oldFile, newFile, ...filesUsedBy(oldFile, before.plan), ...filesUsedBy(newFile, plan)],
    archiveDir: options.archiveDir,
    flag: '--out',
  });
  const session = new PrintSession(options.browser);
  try {
    const { pdf, pages, warnings } = await printPlan(plan, session);
    await writeFileAtomic(target, pdf);
    process.stdout.write(`\n${newFile} → ${target} (${pages} sidor, ändringarna på sista sidan)\n`);
    printWarnings(newFile, inPlanForm(warnings.map((w) => withPosition(after.loaded.parsed, w)), after.loaded.form));
  } finally {
    await session.close();
  }
  return 0;
}

