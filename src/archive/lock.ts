// vplan's own temporary entries in the archive, each named after the process that made it: a lock per
// dnr while a version is filed, and the staging folder the version is prepared in. What a killed run
// leaves is recognised by its dead process id and removed by the next run; nothing else is touched.
import { randomBytes } from 'node:crypto';
import { chmod, link, readFile, readdir, rm, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { VplanError } from '../errors.js';
import { archiveFsError, step } from './fsError.js';
import { alive } from '../output.js';

const STAGING = /^\.staging-(\d+)-[0-9a-f]+$/;
const LOCK_TICKET = /^\.lock-(\d+)-[0-9a-f]+$/;
const LOCK = '.lock';
/** Filing a large plan prints it under the lock; another filing of the same dnr waits this long. */
const LOCK_WAIT_MS = 180_000;


export const stagingName = (): string => `.staging-${process.pid}-${randomBytes(6).toString('hex')}`;

/** Removes a folder that may hold read-only files and folders. */
export async function removeTree(dir: string): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  await chmod(dir, 0o755).catch(() => undefined);
  for (const e of entries) if (e.isDirectory()) await removeTree(path.join(dir, e.name));
  await rm(dir, { recursive: true, force: true });
}

/** Removes the staging folders and lock tickets of vplan runs that no longer run. */
export async function cleanAbandoned(dir: string): Promise<void> {
  const entries = await readdir(dir).catch(() => [] as string[]);
  for (const name of entries) {
    const m = STAGING.exec(name) ?? LOCK_TICKET.exec(name);
    if (!m || alive(Number(m[1]))) continue;
    await removeTree(path.join(dir, name)).catch(() => undefined);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `work` holding the lock of a dnr folder: a hard link made atomically from a ticket with this
 * process's id. A lock whose process is gone is removed; a live one is waited for.
 */
export async function withDnrLock<T>(dnrDir: string, dnr: string, work: () => Promise<T>): Promise<T> {
  await cleanAbandoned(dnrDir);
  const lock = path.join(dnrDir, LOCK);
  const ticket = path.join(dnrDir, `.lock-${process.pid}-${randomBytes(6).toString('hex')}`);
  await step(dnrDir, 'skriva i mappen', () => writeFile(ticket, `${process.pid}\n`));
  try {
    const deadline = Date.now() + LOCK_WAIT_MS;
    for (;;) {
      try {
        await link(ticket, lock);
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const owner = Number((await readFile(lock, 'utf8').catch(() => '')).trim());
      if (owner > 0 && !alive(owner)) {
        await unlink(lock).catch(() => undefined);
        continue;
      }
      if (Date.now() > deadline) {
        throw new VplanError(
          `Diarienumret ${dnr} arkiveras redan av en annan körning (process ${owner || 'okänd'}, låset ${lock}).`,
          'Vänta tills den är klar och försök igen.',
        );
      }
      await sleep(15 + Math.random() * 35);
    }
  } catch (error) {
    await unlink(ticket).catch(() => undefined);
    throw archiveFsError(error, lock, 'skapa låset');
  }
  try {
    return await work();
  } finally {
    await unlink(lock).catch(() => undefined);
    await unlink(ticket).catch(() => undefined);
  }
}
