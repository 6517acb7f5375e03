// The browser's profile folder: vplan's own name (with its process id) in the temporary folder, removed
// when the browser ends, when vplan is stopped by a signal, and, if vplan was killed, at the next start.
import { spawn, type ChildProcess } from 'node:child_process';
import { lstatSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync } from 'node:fs';
import { Socket } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { alive } from '../output.js';

const PREFIX = 'vplan-chrome-profile-';

/** Removes the profiles of vplan runs that no longer exist; a running vplan's, and other programs', are kept. */
export function removeStaleProfiles(dir = os.tmpdir()): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return removed;
  }
  for (const name of names) {
    const match = /^vplan-chrome-profile-(\d+)-/.exec(name);
    if (!match) continue;
    const pid = Number(match[1]);
    if (pid === process.pid || alive(pid)) continue;
    try {
      for (const folder of foldersOf(path.join(dir, name))) rmSync(folder, { recursive: true, force: true });
      removed.push(name);
    } catch {
      // Another user's, or in use: left alone.
    }
  }
  return removed;
}

/** Kills (SIGKILL) the processes started with this profile folder (Linux: read from /proc). */
export function killByProfile(profile: string): void {
  if (process.platform !== 'linux') return;
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return;
  }
  const flag = `--user-data-dir=${profile}`;
  for (const pid of pids) {
    try {
      if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').includes(flag)) process.kill(Number(pid), 'SIGKILL');
    } catch {
      // Gone already, or not ours.
    }
  }
}

export function createProfile(dir = os.tmpdir()): string {
  return mkdtempSync(path.join(dir, `${PREFIX}${process.pid}-`));
}

/**
 * The folder Chromium keeps its singleton socket in (org.chromium.Chromium.XXXXXX in the temporary
 * folder), which the profile's SingletonSocket link points to. Chromium removes it when it shuts down in
 * order; a killed browser leaves it behind, so it goes with the profile.
 */
function singletonFolderOf(profile: string): string | undefined {
  let target: string;
  try {
    target = readlinkSync(path.join(profile, 'SingletonSocket'));
  } catch {
    return undefined;
  }
  const folder = path.dirname(target);
  if (!/^org\.chromium\.Chromium\.[A-Za-z0-9]+$/.test(path.basename(folder))) return undefined;
  // Only a folder of this user's, not a link.
  try {
    const stat = lstatSync(folder);
    if (!stat.isDirectory() || (typeof process.getuid === 'function' && stat.uid !== process.getuid())) return undefined;
  } catch {
    return undefined;
  }
  return folder;
}

/** A profile's folders: the profile and, when the browser left it behind, its singleton folder. */
function foldersOf(profile: string): string[] {
  const singleton = singletonFolderOf(profile);
  return singleton ? [profile, singleton] : [profile];
}

/** A process, started with the browser, that removes its profile when told to (startRemover). */
export interface Remover {
  /** Tells it to remove these folders after a delay; false when it cannot be told (ended, or told once). */
  remove(folders: readonly string[], afterSeconds: number): boolean;
}

/**
 * Starts a process that waits to remove a profile (outside Windows): a line with the delay in seconds,
 * then the folders, each ended by a NUL. Spawning `rm` when a build is done took 25–35 ms at the very
 * end of every build (Node's spawn from a process grown to several hundred MiB, with worker threads);
 * spawned with the browser it takes a few, while vplan waits for the browser anyway. A vplan that is
 * killed tells it nothing: it reads no line and ends, and the next start removes the profile. One that
 * cannot be started, or fails while vplan still runs, leaves the work to a detached `rm` as before.
 */
export function startRemover(shell = '/bin/sh'): Remover | undefined {
  if (process.platform === 'win32') return undefined;
  let child: ChildProcess;
  try {
    const script = 'IFS= read -r seconds || exit 0; sleep "$seconds"; exec xargs -0 rm -rf --';
    child = spawn(shell, ['-c', script], { detached: true, stdio: ['pipe', 'ignore', 'ignore'] });
  } catch {
    return undefined;
  }
  // Before anything else: a shell that cannot be started is reported as an 'error' a moment later.
  let told: { folders: readonly string[]; afterSeconds: number } | undefined;
  let failed = false;
  const fail = () => {
    if (failed) return;
    failed = true;
    if (told) removeFoldersSoon(told.folders, told.afterSeconds);
  };
  child.once('error', fail);
  child.stdin?.on('error', fail);
  child.once('exit', (code, signal) => {
    if (code !== 0 || signal !== null) fail();
  });
  const { stdin } = child;
  if (child.pid === undefined || !stdin) return undefined;
  // Neither it nor its pipe keeps vplan running.
  child.unref();
  if (stdin instanceof Socket) stdin.unref();
  return {
    remove(folders, afterSeconds) {
      if (told || failed || child.exitCode !== null || child.signalCode !== null || !stdin.writable) return false;
      told = { folders, afterSeconds };
      stdin.end(`${Math.max(0, Math.round(afterSeconds))}\n${folders.map((f) => `${f}\0`).join('')}`);
      return true;
    },
  };
}

/**
 * Removes a profile without waiting for it (outside Windows): the browser's remover, or a detached
 * `rm -rf`, does the work after vplan has gone on or ended, since deleting a profile's hundred-odd files
 * takes a tenth of a second or more on a busy disk. What it leaves behind, the next start removes
 * (removeStaleProfiles).
 */
export function removeProfileSoon(profile: string, afterSeconds = 0, remover?: Remover): void {
  if (process.platform === 'win32') return removeProfile(profile);
  const folders = foldersOf(profile);
  if (!remover?.remove(folders, afterSeconds)) removeFoldersSoon(folders, afterSeconds);
}

/** Folders removed by a detached `rm -rf` (after a delay in seconds), or here and now if it cannot start. */
function removeFoldersSoon(folders: readonly string[], afterSeconds: number): void {
  try {
    // With a delay (a browser killed a moment ago, whose processes the kernel is still ending), sh waits.
    const rm =
      afterSeconds > 0
        ? spawn('sh', ['-c', `sleep ${afterSeconds}; exec rm -rf -- "$@"`, 'sh', ...folders], { detached: true, stdio: 'ignore' })
        : spawn('rm', ['-rf', '--', ...folders], { detached: true, stdio: 'ignore' });
    rm.once('error', () => removeFolders(folders));
    rm.unref();
  } catch {
    removeFolders(folders);
  }
}

export function removeProfile(profile: string): void {
  removeFolders(foldersOf(profile));
}

function removeFolders(folders: readonly string[]): void {
  for (const folder of folders) {
    try {
      // A helper process of the browser may still be ending: retried briefly (10, 20, 30 … ms).
      rmSync(folder, { recursive: true, force: true, maxRetries: 8, retryDelay: 10 });
    } catch {
      // Removed at the next start.
    }
  }
}

interface Running {
  profile: string;
  /** Settles when the browser has started (or failed to); until then it cannot be killed by handle. */
  started: Promise<unknown>;
  kill?: () => void;
}

const running = new Set<Running>();
let installed = false;
const SIGNALS = { SIGINT: 2, SIGTERM: 15, SIGHUP: 1 } as const;

/**
 * Ends every browser this process started and removes its profile on SIGINT, SIGTERM and SIGHUP, then
 * exits with 128 + the signal's number: a stopped build ends within a second or two and leaves nothing
 * behind. A browser still starting is waited for (briefly) so that it can be ended too.
 */
export function installSignalHandlers(): void {
  if (installed) return;
  installed = true;
  for (const [signal, number] of Object.entries(SIGNALS)) {
    process.once(signal, () => {
      // A browser still starting has no handle yet; on Linux it is found by its profile folder.
      for (const browser of running) if (!browser.kill) killByProfile(browser.profile);
      const starting = [...running].filter((b) => !b.kill).map((b) => b.started.catch(() => undefined));
      const patience = new Promise((resolve) => setTimeout(resolve, process.platform === 'linux' ? 300 : 1200).unref());
      void Promise.race([Promise.all(starting), patience]).then(() => {
        for (const browser of running) {
          browser.kill?.();
          killByProfile(browser.profile);
          removeProfile(browser.profile);
        }
        running.clear();
        process.stderr.write(`\nAvbruten (${signal}); ingen PDF skrevs.\n`);
        process.exit(128 + number);
      });
    });
  }
}

/**
 * Tracks a browser from before its start until it ends; with exitOnSignal, a signal ends it and vplan
 * (build, archive, diff). Returns the call that ends the tracking and removes the profile (once).
 */
export function track(
  profile: string,
  started: Promise<{ kill(): void }>,
  exitOnSignal: boolean,
  remover?: Remover,
): (afterSeconds?: number) => void {
  if (exitOnSignal) installSignalHandlers();
  const entry: Running = { profile, started };
  started.then(
    (browser) => (entry.kill = () => browser.kill()),
    () => undefined,
  );
  running.add(entry);
  let done = false;
  return (afterSeconds = 0) => {
    if (done) return;
    done = true;
    running.delete(entry);
    removeProfileSoon(profile, afterSeconds, remover);
  };
}
