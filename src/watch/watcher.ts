// Watch mode: build once, then rebuild on every save of the plan, a template, a theme or an asset,
// with one browser kept warm. A broken edit reports its error and the last good PDF stays in place.
import { EventEmitter } from 'node:events';
import { watch, type FSWatcher } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { buildPlan, PrintSession, type BuildResult } from '../build.js';
import { resetTemplateCache } from '../render/html.js';
import { TEMPLATES_DIR } from '../render/assets.js';
import { planBaseDir } from '../load/loadPlan.js';

/** Files a plan may use beside it: images and budget sheets (not an office program's ~$ lock file). */
/** Every folder under `dir` (not output/ nor hidden ones such as .git). */
async function subfolders(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries
    .filter((e) => e.isDirectory())
    .map((e) => path.join(e.parentPath ?? e.path, e.name))
    .filter((d) => !path.relative(dir, d).split(path.sep).some((part) => part.startsWith('.') || part === 'node_modules'));
}

const IMAGE = /^(?!~\$).*\.(png|jpe?g|svg|xlsx|csv)$/i;
const isFolder = (file: string) => stat(file).then((s) => s.isDirectory(), () => false);

export interface WatchOptions {
  out: string;
  theme?: string | undefined;
  browser?: string | undefined;
  /** Quiet period after a change before rebuilding: editors often write a file in several steps. */
  debounceMs?: number;
}

export interface BuiltEvent {
  version: number;
  ms: number;
  reason: string;
  result: BuildResult;
}

export interface FailedEvent {
  ms: number;
  reason: string;
  error: unknown;
}

export class PlanWatcher extends EventEmitter<{ built: [BuiltEvent]; failed: [FailedEvent] }> {
  readonly session: PrintSession;
  /** Counts successful builds; the preview uses it to know when to reload. */
  version = 0;
  lastError: unknown = undefined;
  private watchers: FSWatcher[] = [];
  private timer: NodeJS.Timeout | undefined;
  private pendingReasons = new Set<string>();
  private running: Promise<void> | undefined;
  private templatesChanged = false;

  constructor(
    readonly file: string,
    readonly options: WatchOptions,
  ) {
    super();
    // The watcher closes its browser on Ctrl+C itself, after the build under way.
    this.session = new PrintSession(options.browser, false);
  }

  /** Builds once and starts watching. */
  async start(): Promise<void> {
    const base = planBaseDir(this.file);
    if (await isFolder(this.file)) {
      this.planFolder = base;
      // A plan folder: plan.yaml, every section's Markdown file and every image, in subfolders too. Each
      // folder has a watch of its own: Node 20's recursive watch on Linux loses a file that is saved by
      // replacing it (as sed -i and many editors save), and a folder's own watch never does.
      await this.watchPlanFolders(base);
    } else {
      const planName = path.basename(this.file);
      // The plan's folder, not the file: editors save by replacing the file, which ends a file watch.
      this.watchFolder(base, (changed) => (changed === planName ? 'planen' : IMAGE.test(changed) ? `${/\.(xlsx|csv)$/i.test(changed) ? 'budgetbladet' : 'bilden'} ${changed}` : undefined));
    }
    this.watchers.push(
      watch(TEMPLATES_DIR, { recursive: true }, (_event, name) => {
        if (name === null) return;
        this.templatesChanged = true;
        this.schedule(`mallen ${name.toString()}`);
      }),
    );
    this.pendingReasons.add('start');
    await this.runPending();
  }

  private readonly watched = new Set<string>();
  /** Used files outside the plan's own folder, absolute: what their folders' watches react to. */
  private readonly used = new Set<string>();
  private planFolder: string | undefined;

  private watchFolder(dir: string, reasonFor: (changed: string) => string | undefined): void {
    if (this.watched.has(dir)) return;
    this.watched.add(dir);
    try {
      this.watchers.push(
        watch(dir, (_event, name) => {
          if (name === null) return;
          const reason = reasonFor(name.toString().split(path.sep).join('/'));
          if (reason) this.schedule(reason);
        }),
      );
    } catch {
      // A folder that is gone (a logo's folder renamed): the next build reports the missing file.
      this.watched.delete(dir);
    }
  }

  /** The plan folder and its subfolders, each with a watch of its own; a folder made later gets one too. */
  private async watchPlanFolders(base: string): Promise<void> {
    for (const dir of [base, ...(await subfolders(base))]) {
      const prefix = path.relative(base, dir);
      this.watchFolder(dir, (name) => {
        const changed = prefix ? `${prefix.split(path.sep).join('/')}/${name}` : name;
        if (!path.extname(name)) void this.watchPlanFolders(base); // perhaps a new folder (bilder/)
        return /\.(ya?ml|md)$/i.test(changed) || IMAGE.test(name) ? `filen ${changed}` : undefined;
      });
    }
  }

  /** A used file (a logo) in another folder than the plan, e.g. bilder/logo.png: that folder is watched too. */
  private watchUsedFiles(files: string[]): void {
    for (const file of files) {
      const dir = path.dirname(file);
      // A plan folder is watched with its subfolders already.
      if (this.planFolder && !path.relative(this.planFolder, dir).startsWith('..')) continue;
      this.used.add(path.resolve(file));
      // One watch per folder, for every used file in it (bilder/a.png and bilder/b.png).
      this.watchFolder(dir, (changed) => {
        const full = path.resolve(dir, changed);
        if (!this.used.has(full)) return undefined;
        return `${/\.(xlsx|csv)$/i.test(changed) ? 'budgetbladet' : 'bilden'} ${path.relative(planBaseDir(this.file), full)}`;
      });
    }
  }

  private schedule(reason: string): void {
    this.pendingReasons.add(reason);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.runPending(), this.options.debounceMs ?? 20);
  }

  private async runPending(): Promise<void> {
    if (this.running) {
      await this.running; // the changes that arrived meanwhile are built right after
      if (this.pendingReasons.size === 0) return;
    }
    const reasons = [...this.pendingReasons];
    this.pendingReasons.clear();
    if (reasons.length === 0) return;
    this.running = this.rebuild(reasons.join(', ')).finally(() => {
      this.running = undefined;
    });
    await this.running;
    if (this.pendingReasons.size > 0) await this.runPending();
  }

  private async rebuild(reason: string): Promise<void> {
    if (this.templatesChanged) {
      resetTemplateCache();
      this.templatesChanged = false;
    }
    const started = performance.now();
    try {
      const result = await buildPlan(this.file, this.options.out, this.session, { theme: this.options.theme });
      this.watchUsedFiles(result.usedFiles);
      this.version++;
      this.lastError = undefined;
      this.emit('built', { version: this.version, ms: performance.now() - started, reason, result });
    } catch (error) {
      this.lastError = error;
      this.emit('failed', { ms: performance.now() - started, reason, error });
    }
  }

  /** Waits for a build that is under way, if any. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  async close(): Promise<void> {
    clearTimeout(this.timer);
    for (const w of this.watchers) w.close();
    this.watchers = [];
    await this.idle();
    await this.session.close();
  }
}
