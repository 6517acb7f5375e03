// Nothing the user wrote is overwritten: before vplan writes a PDF or an HTML file, the target is
// checked against the run's inputs (plan, logo, templates, themes), the archive, and what is there now.
import { open, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { VplanError } from './errors.js';
import { TEMPLATES_DIR } from './render/assets.js';
import { planBaseDir } from './load/loadPlan.js';

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

/** A folder filed by `vplan archive` holds a manifest.json with a dnr and the files' hashes. */
async function isFiledVersion(dir: string): Promise<boolean> {
  try {
    const manifest = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    return typeof manifest.dnr === 'string' && typeof manifest.files === 'object';
  } catch {
    return false;
  }
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
  if (inside(file, await canonical(context.archiveDir))) {
    refuse(`det är i arkivet (${context.archiveDir}), där inget får ändras`, 'Arkivera med vplan archive, och skriv andra PDF:er utanför arkivet.');
  }
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    if (await isFiledVersion(dir)) {
      refuse(`det är i en arkiverad version (${dir}), där inget får ändras`, 'Skriv PDF:en utanför arkivet.');
    }
    if (path.dirname(dir) === dir) break;
  }
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
