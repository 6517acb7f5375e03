// What the commands share: usage errors, and warnings and errors written for the user.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { PlanError, VplanError, formatPath, issueLocation, type PlanIssue } from '../errors.js';

export class UsageError extends Error {}

export function printWarnings(file: string, warnings: PlanIssue[]): void {
  for (const w of warnings) {
    const where = issueLocation(file, w);
    process.stderr.write(sanitizeForTerminal(`  varning: ${where} ${formatPath(w.path)}: ${w.message}`) + '\n');
  }
}

const ERRNO: Record<string, string> = {
  EACCES: 'behörighet saknas',
  EPERM: 'åtgärden är inte tillåten (behörighet eller skrivskydd)',
  ENOSPC: 'disken är full',
  EROFS: 'filsystemet är skrivskyddat',
  ENOENT: 'finns inte',
  EISDIR: 'är en mapp, inte en fil',
  ENOTDIR: 'en del av sökvägen är en fil, inte en mapp',
  EEXIST: 'finns redan',
  EMFILE: 'för många öppna filer',
  EBUSY: 'används av ett annat program',
};

/** Any error as the user should read it: Swedish, naming the path, no stack trace unless VPLAN_DEBUG is set. */
export function describeForUser(error: unknown): string {
  if (error instanceof PlanError || error instanceof VplanError) return error.describe();
  const errno = error as NodeJS.ErrnoException;
  if (errno && typeof errno.code === 'string' && ERRNO[errno.code]) {
    const where = errno.path ?? (errno as { dest?: string }).dest;
    return `${where ? `${where}: ` : ''}${ERRNO[errno.code]}.\nKontrollera mappen och dess behörigheter, eller välj en annan plats.`;
  }
  const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
  const stack = process.env.VPLAN_DEBUG && error instanceof Error ? `\n${error.stack}` : '';
  return `Oväntat fel: ${message}${stack}\nFörsök igen; händer det igen, kör med VPLAN_DEBUG=1 och rapportera utskriften.`;
}

export function report(error: unknown): void {
  process.stderr.write(`${sanitizeForTerminal(describeForUser(error))}\n`);
}

/**
 * Text from a plan on its way to a terminal: control characters (ANSI escapes, bells, carriage returns
 * that overwrite a line) are shown as visible codes, so a plan cannot recolour or rewrite the terminal.
 */
export function sanitizeForTerminal(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) =>
    c === '\u001b' ? '␛' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** The line after a failed build: the earlier file is named only when there is one to keep. */
export function nothingWritten(what: string, target: string): string {
  return existsSync(target) ? `  ${what} skrevs; ${path.normalize(target)} är orörd\n` : `  ${what} skrevs\n`;
}
