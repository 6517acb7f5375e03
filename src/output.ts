// Writing results: to a temporary file beside the target, then renamed into place, so the target is
// always either the old file or the complete new one.
import { mkdir, readdir, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { VplanError } from './errors.js';

const TEMP_PREFIX = '.vplan-tmp-';

/** Whether a process with this id runs (one of another user's counts too). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes temporary files that a killed vplan left beside `target`; a running vplan's are kept. */
export async function removeStaleTemporaries(target: string): Promise<void> {
  const dir = path.dirname(path.resolve(target));
  const prefix = `${TEMP_PREFIX}${path.basename(target)}-`;
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length).split('-')[0]);
    if (Number.isInteger(pid) && pid !== process.pid && !alive(pid)) await unlink(path.join(dir, name)).catch(() => undefined);
  }
}

export async function writeFileAtomic(target: string, data: Uint8Array | string): Promise<void> {
  try {
    await writeAtomically(target, data);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'EACCES' || code === 'EPERM'
        ? 'behörighet saknas'
        : code === 'ENOSPC'
          ? 'disken är full'
          : code === 'EISDIR'
            ? 'det är en mapp'
            : code === 'ENOTDIR' || code === 'EEXIST'
              ? 'en del av sökvägen är en fil, inte en mapp'
              : code === 'ENOENT' || code === 'EROFS'
                ? 'mappen går inte att skriva i'
                : (error as Error).message;
    throw new VplanError(`Kan inte skriva ${target}: ${why}.`, 'Välj en annan plats med --out, eller kontrollera mappen.');
  }
}

async function writeAtomically(target: string, data: Uint8Array | string): Promise<void> {
  const dir = path.dirname(path.resolve(target));
  await mkdir(dir, { recursive: true });
  await removeStaleTemporaries(target);
  const temporary = path.join(dir, `${TEMP_PREFIX}${path.basename(target)}-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    await writeFile(temporary, data);
    await rename(temporary, target);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}

/** output/<name>.pdf for data/<name>.json, data/<name>.yaml and the plan folder data/<name>/. */
export function defaultOutputPath(planFile: string, outputDir = 'output'): string {
  return path.join(outputDir, `${path.basename(path.resolve(planFile)).replace(/\.(json|ya?ml)$/i, '')}.pdf`);
}
