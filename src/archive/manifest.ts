// The archive's records: a manifest per filed version, chained to the one before by its SHA-256, and
// a head record per dnr naming the latest version, so that no version can go missing unnoticed.
import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { number, object, record, string, type infer as infer_ } from 'zod';
import { dnrFolder } from './dnr.js';

export const MANIFEST = 'manifest.json';
export const PLAN_FILE = 'plan.json';
export const HEAD = 'head.json';

// The manifest's shape, checked when it is read: a manifest that is not one (a field missing or of
// another type) is reported as broken, never shown with "undefined" in it. Older manifests may lack
// the link (verify reports that) and the plan's name (plan.json).
const fileEntrySchema = object({ sha256: string().regex(/^[0-9a-f]{64}$/), bytes: number().int().nonnegative() });
const versionRefSchema = object({ version: number().int().positive(), sha256: string().regex(/^[0-9a-f]{64}$/) });
const manifestSchema = object({
  vplan: string(),
  dnr: string().min(1),
  version: number().int().positive(),
  /** The version before this one and its manifest's hash; null for version 1. */
  previous: versionRefSchema.nullable().optional(),
  title: string(),
  association: string(),
  status: string(),
  decisionDate: string().nullable(),
  decisionBody: string().nullable().optional(),
  filedAt: string(),
  pdf: string().min(1),
  pdfa: string(),
  /** The plan as given; the files it uses are beside it at their relative paths. */
  plan: string().optional(),
  /** Every file of the version but the manifest, by relative path ("/" separated). */
  files: record(string(), fileEntrySchema),
});
const headSchema = object({ dnr: string(), version: number().int().positive(), sha256: string() });

export type FileEntry = infer_<typeof fileEntrySchema>;
/** A version and the SHA-256 of its manifest.json as filed. */
export type VersionRef = infer_<typeof versionRefSchema>;
export type Manifest = infer_<typeof manifestSchema>;

/** head.json: the latest filed version of a dnr. Deleting that version is then noticed too. */
export type Head = infer_<typeof headSchema>;

export interface FiledVersion {
  dir: string;
  manifest: Manifest;
  /** SHA-256 of manifest.json: the checksum to note in the diarium. */
  manifestSha256: string;
}

export const sha256 = (data: Uint8Array | string): string => createHash('sha256').update(data).digest('hex');
export const versionFolder = (n: number): string => `v${n}`;

/** The version numbers of a dnr folder's version folders, ascending; staging and lock files are not versions. */
export async function existingVersions(dnrDir: string): Promise<number[]> {
  const entries = await readdir(dnrDir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [] as string[];
    throw error;
  });
  return entries
    .map((e) => /^v([1-9]\d*)$/.exec(e))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => Number(m[1]))
    .sort((a, b) => a - b);
}

/** What is wrong with a record read as `what`, in Swedish: the first field that is missing or not what it should be. */
function shapeProblem(issues: { path: PropertyKey[] }[]): string {
  const field = issues[0]?.path.map(String).join('.') ?? '';
  return field ? `fältet ${field} saknas eller har fel form` : 'inget JSON-objekt';
}

/** A version folder's manifest and its hash; throws (with a Swedish message) when it is missing or not a manifest. */
export async function readManifest(dir: string): Promise<{ manifest: Manifest; sha256: string }> {
  const bytes = await readFile(path.join(dir, MANIFEST));
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new Error('ingen giltig JSON');
  }
  const parsed = manifestSchema.safeParse(value);
  if (!parsed.success) throw new Error(shapeProblem(parsed.error.issues));
  return { manifest: parsed.data, sha256: sha256(bytes) };
}

/** The head record, undefined when there is none; throws when it is there but unreadable. */
export async function readHead(dnrDir: string): Promise<Head | undefined> {
  let text: string;
  try {
    text = await readFile(path.join(dnrDir, HEAD), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error('ingen giltig JSON');
  }
  const parsed = headSchema.safeParse(value);
  if (!parsed.success) throw new Error(shapeProblem(parsed.error.issues));
  return parsed.data;
}

/** The archive's dnr folders: every folder that is not vplan's own (.staging-…), sorted. */
export async function dnrFolders(archiveDir: string): Promise<string[]> {
  const entries = await readdir(archiveDir, { withFileTypes: true });
  return entries
    .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
    .map((e) => e.name)
    .sort();
}

/** Every filed version, or those of one dnr, oldest first. A version without a readable manifest is left out. */
export async function listVersions(archiveDir: string, dnr?: string): Promise<FiledVersion[]> {
  const folders = dnr ? [dnrFolder(dnr)] : await dnrFolders(archiveDir).catch(() => [] as string[]);
  const out: FiledVersion[] = [];
  for (const folder of folders) {
    const dnrDir = path.join(archiveDir, folder);
    for (const version of await existingVersions(dnrDir)) {
      const dir = path.join(dnrDir, versionFolder(version));
      const read = await readManifest(dir).catch(() => undefined);
      if (read) out.push({ dir, manifest: read.manifest, manifestSha256: read.sha256 });
    }
  }
  return out;
}

/** Whether two links of the chain name the same version with the same manifest (or both none). */
export function sameRef(a: VersionRef | null | undefined, b: VersionRef | null | undefined): boolean {
  if (!a || !b) return !a && !b;
  return a.version === b.version && a.sha256 === b.sha256;
}

/** The files of a version other than the PDF and the manifest: the plan and what it uses. */
export function inputFiles(manifest: Manifest): [string, FileEntry][] {
  return Object.entries(manifest.files)
    .filter(([name]) => name !== manifest.pdf)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
