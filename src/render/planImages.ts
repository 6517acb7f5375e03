// The images a plan's texts show, read from the plan's folder and inlined as data: URLs before the
// templates run (the printed page loads nothing). The check before printing (load/planFiles.ts) has
// already refused a missing, broken or unsafe file; here it is only read.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { VplanError } from '../errors.js';
import { inspectImage } from '../load/images.js';
import { planBaseDir } from '../load/loadPlan.js';
import type { ComputedPlan } from '../model.js';
import { markdownImages, type FigureImage } from './figures.js';
import { markdownParser } from './markdown.js';

const MIME = { png: 'image/png', jpeg: 'image/jpeg', svg: 'image/svg+xml' } as const;

/** Every string in a value, however deep (sections, their content, sub-parts). */
function* strings(value: unknown): Generator<string> {
  if (typeof value === 'string') yield value;
  else if (Array.isArray(value)) for (const v of value) yield* strings(v);
  else if (value !== null && typeof value === 'object') for (const v of Object.values(value)) yield* strings(v);
}

export async function figureImages(plan: Pick<ComputedPlan, 'file' | 'sections' | 'document'>): Promise<Map<string, FigureImage>> {
  const md = markdownParser();
  const files = new Set<string>();
  for (const text of strings([plan.document.preface, plan.sections])) {
    for (const image of markdownImages(md, text)) if (image.alone) files.add(image.file);
  }
  const images = new Map<string, FigureImage>();
  const base = planBaseDir(plan.file);
  for (const file of files) {
    const full = path.resolve(base, file);
    const bytes = await readFile(full).catch(() => {
      throw new VplanError(`Bilden ${full} kan inte läsas.`, 'Kontrollera bildens sökväg i planen (den är relativ till planfilen).');
    });
    const info = inspectImage(bytes);
    if (typeof info === 'string') throw new VplanError(`Bilden ${full} går inte att använda: ${info}.`);
    images.set(file, { src: `data:${MIME[info.type]};base64,${bytes.toString('base64')}`, width: info.width, height: info.height });
  }
  return images;
}
