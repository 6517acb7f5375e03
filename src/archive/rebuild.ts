// vplan archive verify --rebuild: each version built again from the plan and files it holds, and the
// bytes compared with the filed PDF. vplan's builds are reproducible, so the same vplan version gives
// the same bytes; the filed PDF is built the same way, from the copies in the version.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { checkPlan, printPlan, type PrintSession } from '../build.js';
import { PlanError, VplanError, type PlanIssue } from '../errors.js';
import { PLAN_FILE, type FiledVersion } from './manifest.js';
import type { VerifyProblem } from './verify.js';

/**
 * The archival PDF of a plan as version `version`: PDF/A, the version on the title page and in the
 * metadata. What the print found (a table wider than the page) goes to `warn` by JSON path: the plan
 * built here is the copy being filed, and its lines are to be named in the user's own files.
 */
export async function buildFiledPdf(planFile: string, version: number, session: PrintSession, warn?: (warnings: PlanIssue[]) => void): Promise<Uint8Array> {
  const { plan } = await checkPlan(planFile);
  const printed = await printPlan(plan, session, { pdfa: true, archiveVersion: version });
  warn?.(printed.warnings);
  return printed.pdf;
}

const oneLine = (error: unknown): string =>
  error instanceof PlanError || error instanceof VplanError
    ? error.describe().split('\n').map((l) => l.trim()).join(' ')
    : error instanceof Error
      ? error.message.split('\n')[0]!
      : String(error);

/** Rebuilds each version and compares its PDF byte for byte with the filed one. */
export async function rebuildVersions(
  versions: FiledVersion[],
  session: PrintSession,
  vplanVersion: string,
): Promise<{ rebuilt: number; problems: VerifyProblem[] }> {
  const problems: VerifyProblem[] = [];
  let rebuilt = 0;
  for (const { dir, manifest } of versions) {
    const planName = manifest.plan ?? PLAN_FILE;
    let pdf: Uint8Array;
    try {
      pdf = await buildFiledPdf(path.join(dir, planName), manifest.version, session);
    } catch (error) {
      problems.push({ dir, file: planName, problem: 'kan inte byggas om', detail: oneLine(error) });
      continue;
    }
    rebuilt++;
    const filed = await readFile(path.join(dir, manifest.pdf)).catch(() => undefined);
    if (!filed) continue; // verify reports it missing
    if (!filed.equals(pdf)) {
      const other = manifest.vplan !== vplanVersion ? `arkiverad med vplan ${manifest.vplan}, ombyggd med ${vplanVersion}` : undefined;
      problems.push({ dir, file: manifest.pdf, problem: 'ombyggd PDF skiljer sig', ...(other ? { detail: other } : {}) });
    }
  }
  return { rebuilt, problems };
}
