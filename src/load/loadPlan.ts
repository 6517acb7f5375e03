// Load stage: a plan file becomes a validated PlanInput, or a PlanError listing every problem.
import { readFile } from 'node:fs/promises';
import { PlanError, type PlanIssue } from '../errors.js';
import { parseJson, locate, JsonSyntaxError, type ParsedJson } from './json.js';
import { planSchema, type PlanInput } from './schema.js';
import { toMessages, registerKnownKeys } from './messages.js';
import { planJsonSchema, schemaKeys } from './jsonSchema.js';

let keysRegistered = false;

/** A plan of many thousand rows is a few MB; far beyond that, something else was given. */
export const MAX_PLAN_BYTES = 32 * 1024 * 1024;

export interface LoadedPlan {
  file: string;
  plan: PlanInput;
  parsed: ParsedJson;
  /** The file's bytes exactly as read (for the archive). */
  bytes?: Uint8Array;
}

/** Decodes the bytes of a plan file: UTF-8 only, a byte-order mark is allowed and dropped. */
export function decodePlanText(file: string, bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new PlanError(file, [{ path: [], message: 'filen är inte sparad som UTF-8; spara om den med teckenkodningen UTF-8' }], 'file');
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export function parsePlanText(file: string, text: string): LoadedPlan {
  let parsed: ParsedJson;
  try {
    parsed = parseJson(text);
  } catch (error) {
    if (error instanceof JsonSyntaxError) throw new PlanError(file, error.issues, 'json');
    throw error;
  }
  if (!keysRegistered) {
    registerKnownKeys(schemaKeys(planJsonSchema()));
    keysRegistered = true;
  }
  const result = planSchema.safeParse(parsed.value);
  if (!result.success) {
    const issues = toMessages(result.error.issues, parsed.value).map((m) => withPosition(parsed, m));
    throw new PlanError(file, dedupe(issues), 'schema');
  }
  return { file, plan: result.data, parsed };
}

export async function loadPlan(file: string): Promise<LoadedPlan> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new PlanError(file, [{ path: [], message: unreadable(code) }], 'file');
  }
  if (bytes.byteLength > MAX_PLAN_BYTES) {
    throw new PlanError(file, [{ path: [], message: `filen är ${Math.round(bytes.byteLength / 1024 / 1024)} MB; en plan får vara högst ${MAX_PLAN_BYTES / 1024 / 1024} MB` }], 'file');
  }
  return { ...parsePlanText(file, decodePlanText(file, bytes)), bytes };
}

/** Why a plan file could not be read, and what to do, in the user's words. */
function unreadable(code: string | undefined): string {
  switch (code) {
    case 'ENOENT':
      return 'filen finns inte; kontrollera namnet och mappen, eller ange hela sökvägen till planens .json-fil';
    case 'EISDIR':
      return 'är en mapp, inte en planfil; ange planens .json-fil, t.ex. data/plan.json';
    case 'EACCES':
    case 'EPERM':
      return 'filen får inte läsas (behörighet saknas); ändra filens behörighet eller kopiera den';
    case 'ENOTDIR':
      return 'en del av sökvägen är en fil, inte en mapp; kontrollera sökvägen';
    default:
      return `filen kan inte läsas (${code ?? 'okänt fel'}); kontrollera att den finns och går att öppna`;
  }
}

export function withPosition(parsed: ParsedJson, issue: { path: PlanIssue['path']; message: string }): PlanIssue {
  const position = locate(parsed, issue.path);
  return position ? { ...issue, ...position } : { ...issue };
}

function dedupe(issues: PlanIssue[]): PlanIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${JSON.stringify(i.path)}|${i.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
