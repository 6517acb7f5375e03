// The process started with each browser that removes its profile when the browser has ended
// (src/print/profile.ts, startRemover): it removes what it is told and nothing else, it does not keep
// vplan running, and a vplan that ends without telling it leaves the folders to the next start.
import { execFile } from 'node:child_process';
import { chmod, mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { removeProfileSoon, startRemover } from '../src/print/profile.js';
import { useTempDir } from './helpers/tempDir.js';

const dir = useTempDir('vplan-remover');
const run = promisify(execFile);

async function folders(...names: string[]): Promise<string[]> {
  return Promise.all(
    names.map(async (name) => {
      const folder = path.join(dir(), name);
      await mkdir(path.join(folder, 'Default'), { recursive: true });
      await writeFile(path.join(folder, 'Default', 'Preferences'), '{}');
      return folder;
    }),
  );
}

async function until(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 100 && !(await check()); i++) await new Promise((r) => setTimeout(r, 25));
}

describe.skipIf(process.platform === 'win32')('the profile remover', () => {
  it('removes the folders it is told, names with spaces and line breaks too, once', async () => {
    const [profile, singleton] = await folders('vplan-chrome-profile-1 x', 'org.chromium.Chromium.a\nb');
    await folders('kept');
    const remover = startRemover();
    expect(remover).toBeDefined();
    expect(remover!.remove([profile!, singleton!], 0)).toBe(true);
    expect(remover!.remove([path.join(dir(), 'kept')], 0)).toBe(false);
    await until(async () => (await readdir(dir())).length === 1);
    expect(await readdir(dir())).toEqual(['kept']);
  });

  it('waits the seconds it is told', async () => {
    const [profile] = await folders('vplan-chrome-profile-2');
    startRemover()!.remove([profile!], 1);
    await new Promise((r) => setTimeout(r, 500));
    expect(await readdir(dir())).toEqual(['vplan-chrome-profile-2']);
    await until(async () => (await readdir(dir())).length === 0);
    expect(await readdir(dir())).toEqual([]);
  });

  it('falls back to rm when its shell cannot start, ends at once, or fails after it was told', async () => {
    const [a, b, c] = await folders('vplan-chrome-profile-4', 'vplan-chrome-profile-5', 'vplan-chrome-profile-6');
    // Cannot start: no remover, and no unhandled error from the failed spawn a moment later.
    expect(startRemover(path.join(dir(), 'no-such-shell'))).toBeUndefined();
    await new Promise((r) => setTimeout(r, 100));
    removeProfileSoon(a!, 0, undefined);
    // Ends before it is told (false exits at once with 1): it cannot be told, rm does the work.
    const ended = startRemover('/bin/false');
    await new Promise((r) => setTimeout(r, 300));
    expect(ended?.remove([b!], 0)).toBe(false);
    removeProfileSoon(b!, 0, ended);
    // Fails after being told: reads what it is told, removes nothing and exits with 1.
    const failing = path.join(dir(), 'failing-shell');
    await writeFile(failing, '#!/bin/sh\ncat >/dev/null\nexit 1\n');
    await chmod(failing, 0o755);
    const told = startRemover(failing);
    expect(told?.remove([c!], 0)).toBe(true);
    await until(async () => (await readdir(dir())).filter((n) => n.startsWith('vplan-chrome-profile-')).length === 0);
    expect((await readdir(dir())).filter((n) => n.startsWith('vplan-chrome-profile-'))).toEqual([]);
  });

  it('does not keep vplan running, and removes nothing when vplan ends without telling it', async () => {
    const [profile] = await folders('vplan-chrome-profile-3');
    const script = `import(${JSON.stringify(path.resolve('dist/print/profile.js'))}).then((m) => { if (!m.startRemover()) process.exit(3); })`;
    // Ends (a remover that kept it running would hold it until the test's time is up).
    await run(process.execPath, ['-e', script]);
    await new Promise((r) => setTimeout(r, 300));
    expect(await readdir(dir())).toEqual([path.basename(profile!)]);
  });
});
