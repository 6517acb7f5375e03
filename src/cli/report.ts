// What the commands share: usage errors, and warnings and errors written for the user.
import { PlanError, VplanError, formatPath, type PlanIssue } from '../errors.js';

export class UsageError extends Error {}

export function printWarnings(file: string, warnings: PlanIssue[]): void {
  for (const w of warnings) {
    const where = w.line !== undefined ? `${file}:${w.line}:${w.column ?? 1}` : file;
    process.stderr.write(`  varning: ${where} ${formatPath(w.path)}: ${w.message}\n`);
  }
}

export function report(error: unknown): void {
  if (error instanceof PlanError || error instanceof VplanError) process.stderr.write(`${error.describe()}\n`);
  else process.stderr.write(`Oväntat fel: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
}

