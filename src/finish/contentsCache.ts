// The contents page numbers of a plan's last build, kept on disk as the first guess for its next build:
// with a right guess the contents pass prints once instead of twice. Only a guess: the printed PDF is
// always checked, so a missing, stale or damaged cache costs a print, never a wrong page number.
// The cache lives in vplan's own folder, output/.vplan-cache/ in the working folder, and only once that
// output/ exists (vplan build writes its PDFs there): never beside the user's files, and no output/
// made for it alone. Any problem reading or writing it is ignored.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../output.js';
import type { ComputedPlan } from '../model.js';

const OUTPUT_DIR = 'output';

/** VPLAN_CACHE_DIR moves the cache; VPLAN_CACHE_DIR=off turns it off. */
export function cacheDir(): string | undefined {
  const dir = process.env.VPLAN_CACHE_DIR;
  if (dir === 'off') return undefined;
  return path.resolve(dir || path.join(OUTPUT_DIR, '.vplan-cache'));
}

/** Whether the cache may be written: a folder of its own given, or vplan's output/ already there. */
async function mayWrite(): Promise<boolean> {
  if (process.env.VPLAN_CACHE_DIR) return true;
  return (await stat(OUTPUT_DIR).catch(() => undefined))?.isDirectory() ?? false;
}

function cacheFile(planFile: string): string | undefined {
  const dir = cacheDir();
  if (!dir) return undefined;
  const id = createHash('sha256').update(path.resolve(planFile)).digest('hex').slice(0, 20);
  return path.join(dir, `contents-${id}.json`);
}

type Pages = Record<string, string>;

const isPages = (value: unknown): value is Pages =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  Object.values(value).every((v) => typeof v === 'string' && /^\d{1,5}$/.test(v));

/** The page numbers the plan's last build printed, if the cache has them. */
export async function readContentsGuess(planFile: string): Promise<Pages | undefined> {
  const file = cacheFile(planFile);
  if (!file) return undefined;
  try {
    const stored = JSON.parse(await readFile(file, 'utf8')) as { plan?: unknown; pages?: unknown };
    return stored.plan === path.resolve(planFile) && isPages(stored.pages) ? stored.pages : undefined;
  } catch {
    return undefined;
  }
}

/** Keeps the page numbers for the plan's next build; written only when they changed. */
export async function saveContentsGuess(planFile: string, pages: Pages, previous: Pages | undefined): Promise<void> {
  const file = cacheFile(planFile);
  if (!file || (previous && JSON.stringify(previous) === JSON.stringify(pages)) || !(await mayWrite())) return;
  const note = 'vplan: contents page numbers of the last build, a first guess for the next; safe to delete';
  await writeFileAtomic(file, `${JSON.stringify({ note, plan: path.resolve(planFile), pages })}\n`).catch(() => undefined);
}

/** The first guess for a plan's contents page numbers, and where the numbers it printed are kept. */
export interface ContentsGuess {
  /** The numbers to try first: a build in this session with the same headings, else the cache on disk. */
  readonly guess: Pages | undefined;
  /** The numbers that printed: kept in the session now, and on disk by save(). */
  printed(pages: Pages): void;
  /** Keeps the printed numbers on disk for the plan's next build (after the build succeeded). */
  save(): Promise<void>;
}

/**
 * Starts looking for a guess (reading the cache while the HTML is rendered). The session's numbers are
 * keyed by the headings, not the file: a rebuild after an edit, or a plan like one already printed,
 * usually keeps its pages. Undefined for a plan without a contents.
 */
export async function contentsGuess(
  plan: Pick<ComputedPlan, 'file' | 'contents'>,
  session: Map<string, Pages>,
): Promise<ContentsGuess | undefined> {
  if (!plan.contents?.length) return undefined;
  const key = JSON.stringify(plan.contents.map((e) => [e.anchor, e.label, e.title]));
  const fromDisk = await readContentsGuess(plan.file);
  let printed: Pages | undefined;
  return {
    get guess() {
      return session.get(key) ?? fromDisk;
    },
    printed: (pages) => {
      printed = pages;
      session.set(key, pages);
    },
    save: async () => {
      if (printed) await saveContentsGuess(plan.file, printed, fromDisk);
    },
  };
}
