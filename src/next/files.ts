// vplan next, the files a plan uses (its logo, the images in its texts): copied beside the new plan, to
// the same path from it, so that next year's plan finds them. Nothing is written over, nor outside the
// new plan's folder; what could not be copied is said, with what to do.
import { constants } from 'node:fs';
import { copyFile, mkdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { planBaseDir } from '../load/loadPlan.js';
import { inside } from '../guard.js';

export interface CopiedFiles {
  /** Copied, as the plan names them. */
  copied: string[];
  /** Said of each file that was not, as the plan names it: why, and what to do. */
  problems: { file: string; jsonPath: string; message: string }[];
}

const same = async (a: string, b: string) => (await readFile(a)).equals(await readFile(b));

/**
 * Copies each used file from the old plan's folder (`from`, the plan) to the new one's (`out`, the plan
 * just written). `folder`: the new plan is a folder of its own, where every path below it may be made.
 */
export async function copyUsedFiles(from: string, out: string, used: { file: string; jsonPath: string }[], folder: boolean): Promise<CopiedFiles> {
  const oldBase = planBaseDir(from);
  const newBase = folder ? path.resolve(out) : path.dirname(path.resolve(out));
  const result: CopiedFiles = { copied: [], problems: [] };
  const seen = new Set<string>();
  for (const { file, jsonPath } of used) {
    const source = path.resolve(oldBase, file);
    const target = path.resolve(newBase, file);
    if (seen.has(target) || source === target) continue;
    seen.add(target);
    const problem = (message: string) => result.problems.push({ file, jsonPath, message });
    if (!(await stat(source).catch(() => undefined))?.isFile()) continue; // the old plan's own error, said when it was checked
    if (await stat(target).catch(() => undefined)) {
      if (!(await same(source, target).catch(() => false))) {
        problem(`${file} fanns redan bredvid nästa års plan (${target}) med ett annat innehåll än den gamla planens, och skrevs inte över; nästa års plan använder den som fanns. Kopiera den gamla planens ${source} dit om den ska gälla`);
      }
      continue;
    }
    // Only into the new plan's own folder: a file beside the old plan's folder ("../delat/logo.png") is shared, not copied.
    if (!inside(target, newBase)) {
      problem(`${file} ligger utanför planens mapp och kopierades inte; från nästa års plan pekar sökvägen på ${target}, som inte finns. Kopiera ${source} dit, eller skriv sökvägen till bilden som den står från den nya planen`);
      continue;
    }
    await mkdir(path.dirname(target), { recursive: true });
    await copyFile(source, target, constants.COPYFILE_EXCL);
    result.copied.push(file);
  }
  return result;
}
