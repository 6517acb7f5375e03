// Writing results: to a temporary file beside the target, then renamed into place, so the target is
// always either the old file or the complete new one.
import { mkdir, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

export async function writeFileAtomic(target: string, data: Uint8Array | string): Promise<void> {
  const dir = path.dirname(path.resolve(target));
  await mkdir(dir, { recursive: true });
  const temporary = path.join(dir, `.vplan-tmp-${path.basename(target)}-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    await writeFile(temporary, data);
    await rename(temporary, target);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}

/** output/<name>.pdf for data/<name>.json. */
export function defaultOutputPath(planFile: string, outputDir = 'output'): string {
  return path.join(outputDir, `${path.basename(planFile).replace(/\.json$/i, '')}.pdf`);
}
