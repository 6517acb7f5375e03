// Archive stage: files each version sent to the board under its dnr, numbered 1, 2, 3 …, as the PDF/A
// (the version number on its title page and in its metadata), the exact plan as given, every file it
// uses, and a manifest with every file's SHA-256 chained to the version before. A filed version is
// read-only and never changed. The parts: dnr.ts (the dnr and its folder), manifest.ts (the records),
// file.ts (filing), verify.ts and rebuild.ts (proving nothing changed).
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { VplanError } from '../errors.js';
import { dnrFolder, dnrKey, sameDnr } from './dnr.js';
import { PLAN_FILE, listVersions, readManifest, versionFolder, type Manifest } from './manifest.js';
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

/** What the archive holds instead of a missing dnr@version: the dnr's versions, a dnr spelled alike, or the dnr filed. */
async function whatIsFiled(archiveDir: string, dnr: string): Promise<string> {
  const filed = await listVersions(archiveDir).catch(() => []);
  const mine = filed.filter((v) => sameDnr(v.manifest.dnr, dnr)).map((v) => v.manifest.version);
  if (mine.length > 0) return `${dnr} har ${mine.length === 1 ? 'version' : 'versionerna'} ${mine.join(', ')}; se vplan archive list.`;
  const dnrs = [...new Set(filed.map((v) => v.manifest.dnr))];
  // The same letters and digits, spaced or cased otherwise: "BHS2017/45" for "BHS 2017/45".
  const compact = (d: string) => dnrKey(d).replace(/-/g, '').toLowerCase();
  const alike = dnrs.filter((d) => compact(d) === compact(dnr));
  if (alike.length > 0) return `Menar du ${alike.map((d) => `"${d}@N"`).join(' eller ')}? Skriv diarienumret som i arkivet; se vplan archive list.`;
  if (dnrs.length === 0) return `${archiveDir} har inga arkiverade versioner; ange arkivets mapp med --archive.`;
  const shown = dnrs.slice(0, 5).map((d) => `"${d}"`).join(', ');
  return `Arkivet har ${dnrs.length === 1 ? 'diarienumret' : 'diarienumren'} ${shown}${dnrs.length > 5 ? ' m.fl.' : ''}; se vplan archive list.`;
}

/** The plan as it was filed, for `vplan diff dnr@version`: refused when the dnr's archive has changed. */
export async function readFiledPlan(archiveDir: string, dnr: string, version: number): Promise<{ file: string; manifest: Manifest }> {
  const dir = path.join(archiveDir, dnrFolder(dnr), versionFolder(version));
  const { manifest } = await readManifest(dir).catch(async () => {
    throw new VplanError(`Version ${version} av ${dnr} finns inte i ${archiveDir}.`, await whatIsFiled(archiveDir, dnr));
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
