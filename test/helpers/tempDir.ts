// A fresh temporary folder for each test, removed afterwards.
import { afterEach, beforeEach } from 'vitest';
import { chmod, mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** Registers hooks that give each test its own folder; call `dir()` inside a test to get it. */
export function useTempDir(prefix: string): () => string {
  let dir = '';
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), `${prefix}-`));
  });
  afterEach(async () => {
    // Archived versions are read-only folders: make them writable so that any user can remove them.
    await rm(dir, { recursive: true, force: true }).catch(async () => {
      await makeWritable(dir);
      await rm(dir, { recursive: true, force: true });
    });
  });
  return () => dir;
}

async function makeWritable(dir: string): Promise<void> {
  await chmod(dir, 0o755).catch(() => undefined);
  for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    if (entry.isDirectory()) await makeWritable(path.join(dir, entry.name));
  }
}
