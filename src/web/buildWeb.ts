// vplan build --web: the plan as one self-contained HTML page for the förbund's website. The same
// load and compute as the PDF and the same section templates (templates/web/ replaces the print-only
// parts), written without a browser.
import path from 'node:path';
import type { PlanIssue } from '../errors.js';
import { checkPlan, type CheckOptions } from '../build.js';
import { renderHtml } from '../render/html.js';
import { stripSoftHyphens } from '../render/hyphenate.js';
import { checkTarget, filesUsedBy } from '../guard.js';
import { defaultOutputPath, writeFileAtomic } from '../output.js';
import { DEFAULT_ARCHIVE_DIR } from '../archive/archive.js';
import { GENERATOR } from '../version.js';
import { finishWebTables } from './tables.js';

export interface WebResult {
  file: string;
  outFile: string;
  warnings: PlanIssue[];
  bytes: number;
}

/** output/<name>.html beside the PDF output/<name>.pdf. */
export function defaultWebPath(planFile: string, outputDir = 'output'): string {
  return defaultOutputPath(planFile, outputDir).replace(/\.pdf$/, '.html');
}

/** The plan's web page as a string: checked, computed and rendered like the PDF. */
export async function renderWebPage(file: string, options: CheckOptions = {}) {
  const checked = await checkPlan(file, options);
  // The web variant's templates put in no soft hyphens (render/html.ts); those of the plan's own text
  // (pasted from Word) come out too, for the same reasons: a screen reader, a copy and a search see them.
  // No word needs one to fit a screen: web.css lets the browser hyphenate, and breaks a word anywhere else.
  const html = finishWebTables(stripSoftHyphens(await renderHtml(checked.plan, { generator: GENERATOR, variant: 'web' })));
  return { ...checked, html };
}

export async function buildWeb(file: string, outFile: string, options: CheckOptions & { archiveDir?: string | undefined } = {}): Promise<WebResult> {
  const { plan, warnings, loaded, html } = await renderWebPage(file, options);
  const inputs = [file, ...loaded.files.map((f) => f.path), ...filesUsedBy(file, plan)];
  await checkTarget(outFile, 'html', { inputs, archiveDir: options.archiveDir ?? DEFAULT_ARCHIVE_DIR, flag: '--out' });
  await writeFileAtomic(outFile, html);
  return { file, outFile: path.normalize(outFile), warnings, bytes: Buffer.byteLength(html) };
}
