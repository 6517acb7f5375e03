// Archive stage: files each version sent to the board under its dnr, numbered 1, 2, 3 …, as the PDF/A
// (the version number on its title page and in its metadata), the exact plan as given, every file it
// uses, and a manifest with every file's SHA-256 chained to the version before. A filed version is
// read-only and never changed. The parts: dnr.ts (the dnr and its folder), manifest.ts (the records),
// file.ts (filing), verify.ts and rebuild.ts (proving nothing changed).
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { VplanError } from '../errors.js';
import { dnrFolder } from './dnr.js';
import { PLAN_FILE, readManifest, versionFolder, type Manifest } from './manifest.js';
import { integrityProblems } from './verify.js';

export { dnrFolder, dnrKey, dnrProblem, sameDnr, MAX_DNR_LENGTH } from './dnr.js';
export { listVersions, type FileEntry, type FiledVersion, type Head, type Manifest, type VersionRef } from './manifest.js';
export { fileVersion, sourcesOf, usedFiles, type PlanSources, type FileOptions, type FileOutcome, type UsedFile } from './file.js';
export { verifyArchive, type DnrHead, type Problem, type VerifyProblem, type VerifyResult } from './verify.js';
export { buildFiledPdf, rebuildVersions } from './rebuild.js';
export { archiveFsError } from './fsError.js';

import { DEFAULT_ARCHIVE_DIR } from './dir.js';
export { DEFAULT_ARCHIVE_DIR };

/** The path with every existing part resolved through symbolic links; the rest as written. */
function realPath(file: string): string {
  const absolute = path.resolve(file);
  const rest: string[] = [];
  let current = absolute;
  for (;;) {
    try {
      return path.join(realpathSync(current), ...rest);
    } catch {
      const parent = path.dirname(current);
      if (parent === current) return absolute;
      rest.unshift(path.basename(current));
      current = parent;
    }
  }
}

/** Whether a path is the archive folder or lies inside it (through symbolic links too): vplan writes nothing there but filings. */
export function isInsideArchive(file: string, archiveDir: string = DEFAULT_ARCHIVE_DIR): boolean {
  const relative = path.relative(realPath(archiveDir), realPath(file));
  return relative === '' || (!(relative === '..' || relative.startsWith(`..${path.sep}`)) && !path.isAbsolute(relative));
}

/** The plan as it was filed, for `vplan diff dnr@version`: refused when the dnr's archive has changed. */
export async function readFiledPlan(archiveDir: string, dnr: string, version: number): Promise<{ file: string; manifest: Manifest }> {
  const dir = path.join(archiveDir, dnrFolder(dnr), versionFolder(version));
  const { manifest } = await readManifest(dir).catch(() => {
    throw new VplanError(`Version ${version} av ${dnr} finns inte i ${archiveDir}.`, 'Se vplan archive list.');
  });
  const broken = await integrityProblems(archiveDir, dnr);
  if (broken) {
    throw new VplanError(
      `Arkivet för ${dnr} (${path.dirname(dir)}) är inte intakt: ${broken}. Version ${version} visas inte som arkiverad.`,
      'Kör vplan archive verify, återställ arkivet från en säkerhetskopia och jämför med kontrollsumman i diariet.',
    );
  }
  const file = path.join(dir, manifest.plan ?? PLAN_FILE);
  return { file, manifest };
}
