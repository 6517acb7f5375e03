// Nothing the user wrote is overwritten: before vplan writes a PDF or an HTML file, the target is
// checked against the run's inputs (plan, logo, templates, themes), the archive, and what is there now.
import { open, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { VplanError } from './errors.js';
import { TEMPLATES_DIR } from './render/assets.js';
import { planBaseDir } from './load/loadPlan.js';
import { archivePlace } from './archive/place.js';
import { DEFAULT_ARCHIVE_DIR } from './archive/dir.js';

export type TargetKind = 'pdf' | 'html';

export interface TargetContext {
  /** Files the run reads: the plan and every file it uses. */
  inputs: string[];
  /** The archive's root folder (--archive, or output/archive). */
  archiveDir: string;
  /** The flag that named the target, for the message: --out, --html. */
  flag: string;
}

/** The path with its existing part resolved through symbolic links, so two spellings of one file compare equal. */
async function canonical(file: string): Promise<string> {
  const absolute = path.resolve(file);
  const real = await realpath(absolute).catch(() => undefined);
  if (real) return real;
  const parent = await realpath(path.dirname(absolute)).catch(() => path.dirname(absolute));
  return path.join(parent, path.basename(absolute));
}

/** Whether `file` is `dir` or lies inside it (as spelled: resolve links first where they matter). */
export const inside = (file: string, dir: string) => {
  const relative = path.relative(dir, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
};

/**
 * Throws a Swedish VplanError when `target` (a file or folder some command writes) lies in the archive
 * folder, or in a filed version or dnr folder of any archive: only `vplan archive` writes there, and
 * never into a filed version. Every command that writes a file asks this.
 */
export async function refuseInArchive(target: string, flag: string, archiveDir: string = DEFAULT_ARCHIVE_DIR, what = 'filen', example?: string): Promise<void> {
  const place = await archivePlace(target, archiveDir);
  if (!place) return;
  const where = {
    archive: `det är i arkivet (${archiveDir}), där bara vplan archive skriver`,
    version: `det är i en arkiverad version (${place.dir}), som aldrig ändras`,
    dnr: `det är i arkivets mapp för ett diarienummer (${place.dir}), där bara vplan archive skriver`,
  }[place.kind];
  const instead = example ? `, t.ex. ${flag ? `${flag} ` : ''}${example}` : '';
  throw new VplanError(`${flag ? `${flag} ` : ''}${target}: ${where}; inget skrevs.`, `Skriv ${what} utanför arkivet${instead}. En ny version arkiveras med vplan archive.`);
}

async function startsLike(file: string, kind: TargetKind): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(512);
    const { bytesRead } = await handle.read(buffer, 0, 512, 0);
    const head = buffer.subarray(0, bytesRead).toString('latin1');
    if (kind === 'pdf') return head.startsWith('%PDF-');
    return /^(\uFEFF|\xEF\xBB\xBF)?\s*(<!doctype html|<html)/i.test(head);
  } finally {
    await handle.close();
  }
}

/**
 * Throws a Swedish VplanError when `target` must not be written: it is one of the run's inputs, lies in
 * vplan's templates or in the archive, or is an existing file that is not a PDF (or HTML) by its bytes.
 */
export async function checkTarget(target: string, kind: TargetKind, context: TargetContext): Promise<void> {
  const file = await canonical(target);
  const refuse = (why: string, hint: string) => {
    throw new VplanError(`${context.flag} ${target}: ${why}; inget skrevs.`, hint);
  };
  const otherName = kind === 'pdf' ? 'output/plan.pdf' : 'output/plan.html';
  for (const input of context.inputs) {
    if (file === (await canonical(input))) {
      refuse(`det är en av filerna som planen byggs av (${input}) och skulle skrivas över`, `Välj en annan fil, t.ex. ${context.flag} ${otherName}.`);
    }
  }
  if (inside(file, await canonical(TEMPLATES_DIR))) {
    refuse('det är i vplans mallmapp templates/', `Välj en fil utanför templates/, t.ex. ${context.flag} ${otherName}.`);
  }
  await refuseInArchive(target, context.flag, context.archiveDir, kind === 'pdf' ? 'PDF:en' : 'HTML-filen', otherName);
  const existing = await stat(file).catch(() => undefined);
  if (!existing) return;
  if (existing.isDirectory()) refuse('det är en mapp', `Ange en fil, t.ex. ${context.flag} ${path.join(target, path.basename(otherName))}.`);
  if (!(await startsLike(file, kind).catch(() => false))) {
    refuse(
      `filen finns redan och är ingen ${kind === 'pdf' ? 'PDF' : 'HTML-fil'}, så vplan skriver inte över den`,
      `Välj ett annat filnamn, eller ta bort filen själv om den ska ersättas.`,
    );
  }
}

/** The files a plan reads besides itself (logo, images, budget sheet), as absolute paths. */
export function filesUsedBy(
  planFile: string,
  plan: { document: { logo?: { file: string } | undefined }; usedFiles?: { file: string }[] | undefined },
): string[] {
  const files = plan.usedFiles?.map((f) => f.file) ?? (plan.document.logo ? [plan.document.logo.file] : []);
  return [...new Set(files.map((file) => path.resolve(planBaseDir(planFile), file)))];
}
