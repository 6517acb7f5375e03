// Errors that reach the user: each names the file, where in it, and what is wrong, in Swedish.
import type { PlanForm } from './load/loadPlan.js';

/** A JSON path into the plan, e.g. ["budget", "costs", "rows", 3, "values", "budget2025"]. */
export type JsonPath = (string | number)[];

export interface PlanIssue {
  path: JsonPath;
  message: string;
  /** A warning's stable code, by which the plan can acknowledge it (src/compute/acknowledge.ts): "deficit:budget2025". */
  code?: string;
  /** 1-based line and column in the plan file, when the path could be located. */
  line?: number;
  column?: number;
  /** The file the line is in, when it is not the plan file itself (a section's Markdown file in a plan folder). */
  file?: string;
  /**
   * The part of the text at `path` the issue is about (a figure's {{ … }}, a character, a year): in a
   * section's Markdown file the issue is placed on its line rather than on the text's first.
   */
  snippet?: string;
}

/** "fil:rad:kolumn" for an issue, or the file alone when the issue has no position. */
export function issueLocation(planFile: string, issue: PlanIssue): string {
  const file = issue.file ?? planFile;
  return issue.line !== undefined ? `${file}:${issue.line}:${issue.column ?? 1}` : file;
}

export function formatPath(path: JsonPath): string {
  if (path.length === 0) return '(hela planen)';
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(part)) out += out ? `.${part}` : part;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out;
}

/** More problems than this are counted, not listed: the first fifty show what is wrong. */
const MAX_SHOWN = 50;

/** The plan cannot be built: one or more issues, all reported at once. */
export class PlanError extends Error {
  constructor(
    readonly file: string,
    readonly issues: PlanIssue[],
    readonly stage: 'file' | 'json' | 'schema' | 'budget' | 'render' = 'schema',
    /** The plan's warnings, shown after the errors: one may be their cause (a row left blank, a column without its contributions). */
    readonly warnings: PlanIssue[] = [],
  ) {
    super(`${file}: ${issues.length} fel`);
    this.name = 'PlanError';
  }

  describe(): string {
    if (this.stage === 'file') return this.issues.map((issue) => `${issue.file ?? this.file}: ${issue.message}`).join('\n');
    const heading =
      this.stage === 'json'
        ? `${this.file}: filen är inte giltig ${/\.json$/i.test(this.issues[0]?.file ?? this.file) ? 'JSON' : /\.md$/i.test(this.issues[0]?.file ?? '') ? 'Markdown med YAML-huvud' : 'YAML'}`
        : `${this.file}: ${this.issues.length === 1 ? '1 fel' : `${this.issues.length} fel`}`;
    const shown = this.issues.slice(0, MAX_SHOWN);
    const lines = shown.map((issue) => {
      const where = issueLocation(this.file, issue);
      const path = this.stage === 'json' ? '' : ` ${formatPath(issue.path)}:`;
      return `  ${where}${path} ${issue.message}`;
    });
    const more = this.issues.length - shown.length;
    const warnings = this.warnings.map((w) => `  varning: ${issueLocation(this.file, w)} ${formatPath(w.path)}: ${w.message}`);
    return [heading, ...lines, ...(more > 0 ? [`  … och ${more} fel till; rätta dessa först`] : []), ...warnings].join('\n');
  }
}

/** Something outside the plan went wrong (browser, file system, templates): a message and a hint. */
export class VplanError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'VplanError';
  }

  describe(): string {
    return this.hint ? `${this.message}\n${this.hint}` : this.message;
  }
}

/**
 * A problem of the run, not of one plan: no browser, a browser that crashed twice, missing templates or
 * fonts. Every later plan would fail alike, so a batch stops and watch ends.
 */
export class RunError extends VplanError {
  constructor(message: string, hint?: string) {
    super(message, hint);
    this.name = 'RunError';
  }
}

/** The schema refused the plan; `value` is the plan as read, so the parts it accepted can still be checked. */
export class SchemaError extends PlanError {
  constructor(
    file: string,
    issues: PlanIssue[],
    readonly value: unknown,
    readonly locate: (path: JsonPath) => { file?: string; line: number; column: number } | undefined,
    /** How the plan is written (json, yaml, folder): for the hints of the errors found beyond the schema's. */
    readonly form: PlanForm = 'json',
  ) {
    super(file, issues, 'schema');
  }
}
