// The files a plan uses, compared by their bytes: a logo or an image replaced under the same name
// changes the PDF though no word or figure of the plan does, so vplan diff says so rather than "inga".
// (The budget sheet's amounts are compared as the budget's.)
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ComputedPlan } from '../model.js';
import { planBaseDir } from '../load/loadPlan.js';

const LOGO = 'document.logo.file';

/** A used file's name as the plan gives it relative to itself ("/" separated), and its bytes' hash (undefined when unreadable). */
function usedFiles(plan: ComputedPlan): Map<string, { name: string; sha: string | undefined }> {
  const out = new Map<string, { name: string; sha: string | undefined }>();
  const used = plan.usedFiles ?? (plan.document.logo ? [{ file: plan.document.logo.file, jsonPath: LOGO }] : []);
  const dir = planBaseDir(plan.file);
  for (const { file, jsonPath } of used) {
    if (jsonPath === 'budget.from') continue;
    const full = path.resolve(dir, file);
    const name = path.relative(dir, full).split(path.sep).join('/');
    let sha: string | undefined;
    try {
      sha = createHash('sha256').update(readFileSync(full)).digest('hex');
    } catch {
      sha = undefined;
    }
    // The logo by its field (its file may be renamed), images by their name (their place in the text may move).
    out.set(jsonPath === LOGO ? LOGO : name, { name, sha });
  }
  return out;
}

/** "logotypen ändrad (logo.png)", "bilden bilder/karta.png ändrad": what changed in the files' bytes, in Swedish. */
export function changedFiles(before: ComputedPlan, after: ComputedPlan): string[] {
  const old = usedFiles(before);
  const now = usedFiles(after);
  const out: string[] = [];
  const oldLogo = old.get(LOGO);
  const newLogo = now.get(LOGO);
  if (oldLogo && newLogo && oldLogo.sha !== newLogo.sha) {
    out.push(`logotypen ändrad (${oldLogo.name === newLogo.name ? newLogo.name : `${oldLogo.name} → ${newLogo.name}`})`);
  } else if (!oldLogo && newLogo) out.push(`logotyp tillagd (${newLogo.name})`);
  else if (oldLogo && !newLogo) out.push(`logotypen borttagen (${oldLogo.name})`);
  for (const [key, file] of now) {
    const was = old.get(key);
    if (key !== LOGO && was && was.sha !== file.sha) out.push(`bilden ${file.name} ändrad`);
  }
  return out;
}
