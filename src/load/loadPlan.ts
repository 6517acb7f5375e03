// Load stage: a plan (a JSON file, a YAML file, or a plan folder with Markdown sections) becomes a
// validated PlanInput, or a PlanError listing every problem with the file and line it is in.
import { statSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { PlanError, SchemaError, type JsonPath, type PlanIssue } from '../errors.js';
import { parseJson, locate as locateJson, lineColumn, JsonSyntaxError } from './json.js';
import { thousandsInJson } from './thousands.js';
import { parseYamlText } from './yamlText.js';
import type { Misread } from './yamlMisread.js';
import { FOLDER_PLAN, SECTIONS_DIR, readPlanFolder, type LocatedPosition, type SourceFile } from './folder.js';
import { planPartKeys, planSchema, type PlanInput } from './schema.js';
import { toMessages, registerKnownKeys, registerSectionTypeKeys } from './messages.js';
import { sectionSchema } from './schema/sections.js';
import { planJsonSchema, schemaKeys } from './jsonSchema.js';
import { migrate } from './migrate.js';

let keysRegistered = false;

/** A plan of many thousand rows is a few MB; far beyond that, something else was given. */
export const MAX_PLAN_BYTES = 32 * 1024 * 1024;

export type PlanForm = 'json' | 'yaml' | 'folder';

/** The plan's value as read, with the way back from a JSON path to a file and line. */
export interface ParsedPlan {
  value: unknown;
  /** The plan as canonical JSON (sorted keys): the same for every form of the same plan. */
  text: string;
  /** Where a path is; with a snippet of the text there, where that is (a plan folder's Markdown text). */
  locate(path: JsonPath, snippet?: string): LocatedPosition | undefined;
  /** What the text shows was meant otherwise than the value reads: errors with the schema's, at their position. */
  textIssues?: PlanIssue[] | undefined;
  /** In a YAML plan, how the value at a path was written when YAML read it otherwise than meant (`- a: b`, `- -`). */
  misread?: ((path: JsonPath) => Misread | undefined) | undefined;
}

export interface LoadedPlan {
  file: string;
  form: PlanForm;
  plan: PlanInput;
  parsed: ParsedPlan;
  /** Every file the plan was read from, the plan file (or plan.yaml) first, exactly as read. */
  files: SourceFile[];
  /** Notices from loading (an older format version migrated, a section file a plan folder leaves out): warnings. */
  notices: PlanIssue[];
  /** A plan folder's section files by section (their names in `files`; undefined: written in plan.yaml). */
  sectionFiles?: (string | undefined)[] | undefined;
  /** A one-file plan's bytes exactly as read (JSON or YAML); undefined for a plan folder. */
  bytes?: Uint8Array | undefined;
}

/** The folder a plan's relative paths (its logo, images) start from: the plan folder, or the plan file's folder. */
export function planBaseDir(file: string): string {
  return statSync(file, { throwIfNoEntry: false })?.isDirectory() ? path.resolve(file) : path.dirname(path.resolve(file));
}

/** Where the plan's relative paths start from, in words: for "sökvägen räknas från …". */
export function pathsStartFrom(file: string): string {
  return planBaseDir(file) === path.resolve(file) ? 'planmappen (där plan.yaml ligger), inte avsnitt/' : 'planfilens mapp';
}

/** Decodes the bytes of a plan file: UTF-8 only, a byte-order mark is allowed and dropped. */
export function decodePlanText(file: string, bytes: Uint8Array): string {
  const text = decodeText(bytes);
  if (text === undefined) throw new PlanError(file, [{ path: [], message: NOT_UTF8 }], 'file');
  return text;
}

const NOT_UTF8 = 'filen är inte sparad som UTF-8; spara om den med teckenkodningen UTF-8';

function decodeText(bytes: Uint8Array): string | undefined {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    return undefined;
  }
}

/** Each key that only some section types have, with those types: for "skriv type: organisation". */
function sectionTypeKeys(): Map<string, string[]> {
  const shapes = sectionSchema.options.map((option) => ({ type: option.shape.type.value, keys: Object.keys(option.shape) }));
  const everywhere = (key: string) => shapes.every((s) => s.keys.includes(key));
  const map = new Map<string, string[]>();
  for (const { type, keys } of shapes) for (const key of keys) if (!everywhere(key)) map.set(key, [...(map.get(key) ?? []), type]);
  return map;
}

/** Validates a plan's value against the schema (after migrating an older format version). */
export function validatePlan(file: string, form: PlanForm, parsed: ParsedPlan, files: SourceFile[] = []): LoadedPlan {
  const migrated = migrate(parsed.value);
  if ('issues' in migrated) throw new PlanError(file, migrated.issues.map((m) => withPosition(parsed, m)), 'schema');
  // Without zod's generated fast paths: compiling them costs a cold build more than one parse gains.
  const result = planSchema.safeParse(migrated.value, { jitless: true });
  const textIssues = parsed.textIssues ?? [];
  // Only the text's issues: the plan is checked on (checkPlan computes what they leave standing), as for the schema's.
  if (result.success && textIssues.length > 0) throw new SchemaError(file, sortIssues(textIssues), migrated.value, parsed.locate, form);
  if (!result.success) {
    // The schema's keys, for "menade du …?": built (30–40 ms) only when a plan has errors.
    if (!keysRegistered) {
      registerKnownKeys(schemaKeys(planJsonSchema()));
      registerSectionTypeKeys(sectionTypeKeys());
      keysRegistered = true;
    }
    const issues = toMessages(result.error.issues, migrated.value, [], parsed.misread)
      // Where the text's own issue stands at the same place, it says better what is wrong.
      .filter((issue) => !strayDigitKey(issue.path, textIssues) && !textIssues.some((t) => JSON.stringify(t.path) === JSON.stringify(issue.path)))
      .map((m) => withPosition(parsed, m));
    throw new SchemaError(file, sortIssues(dedupe([...textIssues, ...issues])), migrated.value, parsed.locate, form);
  }
  return { file, form, plan: result.data, parsed, files, notices: migrated.notices.map((m) => withPosition(parsed, m)) };
}

/**
 * A key of digits beside a number the text's issues name ({ share: 9,5 } reads as share: 9 and a key 5):
 * the schema's "okänd nyckel" for it follows from that issue.
 */
function strayDigitKey(path: JsonPath, textIssues: readonly PlanIssue[]): boolean {
  const key = path.at(-1);
  if (typeof key !== 'string' || !/^\d+$/.test(key)) return false;
  const parent = JSON.stringify(path.slice(0, -1));
  return textIssues.some((t) => JSON.stringify(t.path.slice(0, -1)) === parent);
}

/** A plan given as JSON text (the README's example, tests). */
export function parsePlanText(file: string, text: string): LoadedPlan {
  let json;
  try {
    json = parseJson(text);
  } catch (error) {
    if (error instanceof JsonSyntaxError) throw new PlanError(file, error.issues, 'json');
    throw error;
  }
  const textIssues = thousandsInJson(json.tree, text, (offset) => lineColumn(text, offset));
  return validatePlan(file, 'json', { value: json.value, text: canonicalJson(json.value), locate: (p, snippet) => locateJson(json, p, snippet), textIssues });
}

/** A plan given as YAML text. */
export function parsePlanYaml(file: string, text: string): LoadedPlan {
  const yaml = parseYamlText(text, { parts: planPartKeys() });
  if ('issues' in yaml) throw new PlanError(file, yaml.issues, 'json');
  return validatePlan(file, 'yaml', { value: yaml.value, text: canonicalJson(yaml.value), locate: yaml.locate, textIssues: yaml.textIssues, misread: yaml.misread });
}

/** JSON, YAML or a plan folder, by what `file` is: a folder, a .yaml/.yml file, or anything else as JSON. */
export async function planForm(file: string): Promise<PlanForm> {
  const info = await stat(file).catch(() => undefined);
  if (info?.isDirectory()) return 'folder';
  return /\.ya?ml$/i.test(file) ? 'yaml' : 'json';
}

async function readSource(file: string): Promise<{ text: string; bytes: Uint8Array } | PlanIssue[]> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    return [{ path: [], file, message: unreadable((error as NodeJS.ErrnoException).code) }];
  }
  if (bytes.byteLength > MAX_PLAN_BYTES) {
    return [{ path: [], file, message: `filen är ${Math.round(bytes.byteLength / 1024 / 1024)} MB; en plan får vara högst ${MAX_PLAN_BYTES / 1024 / 1024} MB` }];
  }
  const text = decodeText(bytes);
  return text === undefined ? [{ path: [], file, message: NOT_UTF8 }] : { text, bytes };
}

/** Files a plan uses or that vplan reads otherwise, which are never a plan themselves (`vplan build data/*`). */
const NOT_A_PLAN: [RegExp, string][] = [
  [/\.(png|jpe?g|gif|svg|webp)$/i, 'en bild; en plan visar bilder som den nämner (t.ex. document.logo)'],
  [/\.(xlsx|xls|ods|csv)$/i, 'ett kalkylblad; en plan läser sin budget ur ett blad som den nämner, och vplan import-budget läser beloppen tillbaka'],
  [/\.(docx?|odt)$/i, 'ett Word-dokument; vplan import gör en plan av det'],
  [/\.pdf$/i, 'en PDF'],
  [/\.(md|markdown)$/i, 'ett avsnitt (Markdown) ur en planmapp, den mapp där plan.yaml ligger'],
];

export async function loadPlan(file: string): Promise<LoadedPlan> {
  const form = await planForm(file);
  const other = form === 'json' ? NOT_A_PLAN.find(([pattern]) => pattern.test(file)) : undefined;
  if (other) {
    const message = `är ingen plan utan ${other[1]}; ange planens .json- eller .yaml-fil eller planmappen`;
    throw new PlanError(file, [{ path: [], message }], 'file');
  }
  // A plan folder's plan.yaml given instead of the folder: its sections are file names, which only the
  // folder makes sections of.
  if (form === 'yaml' && path.basename(file) === FOLDER_PLAN && (await stat(path.join(path.dirname(file), SECTIONS_DIR)).catch(() => undefined))?.isDirectory()) {
    const folder = path.dirname(file) === '.' ? 'mappen' : path.dirname(file);
    const message = `är plan.yaml i en planmapp (bredvid ${SECTIONS_DIR}/); ange planmappen i stället för filen: ${folder}`;
    throw new PlanError(file, [{ path: [], message }], 'file');
  }
  if (form === 'folder') {
    const folder = await readPlanFolder(file, readSource);
    if ('issues' in folder) {
      const unreadableOnly = folder.issues.every((i) => i.line === undefined);
      const syntax = folder.issues.some((i) => i.line !== undefined && i.path.length === 0);
      throw new PlanError(file, sortIssues(folder.issues), unreadableOnly ? 'file' : syntax ? 'json' : 'schema');
    }
    const loaded = validatePlan(file, form, { value: folder.value, text: canonicalJson(folder.value), locate: folder.locate, textIssues: folder.textIssues, misread: folder.misread }, folder.files);
    return { ...loaded, sectionFiles: folder.sectionFiles, notices: [...loaded.notices, ...folder.warnings] };
  }
  const source = await readSource(file);
  if (Array.isArray(source)) throw new PlanError(file, source.map(({ file: _f, ...issue }) => issue), 'file');
  const loaded = form === 'yaml' ? parsePlanYaml(file, source.text) : parsePlanText(file, source.text);
  return { ...loaded, files: [{ path: file, name: path.basename(file), bytes: source.bytes }], bytes: source.bytes };
}

/** Why a plan file could not be read, and what to do, in the user's words. */
function unreadable(code: string | undefined): string {
  switch (code) {
    case 'ENOENT':
      return 'filen finns inte; kontrollera namnet och mappen, eller ange hela sökvägen till planen (en .json- eller .yaml-fil, eller en planmapp)';
    case 'EISDIR':
      return 'är en mapp, inte en fil; ange planens fil, t.ex. plan.yaml';
    case 'EACCES':
    case 'EPERM':
      return 'filen får inte läsas (behörighet saknas); ändra filens behörighet eller kopiera den';
    case 'ENOTDIR':
      return 'en del av sökvägen är en fil, inte en mapp; kontrollera sökvägen';
    default:
      return `filen kan inte läsas (${code ?? 'okänt fel'}); kontrollera att den finns och går att öppna`;
  }
}

export function withPosition(parsed: Pick<ParsedPlan, 'locate'>, issue: PlanIssue): PlanIssue {
  if (issue.line !== undefined) return issue;
  const position = parsed.locate(issue.path, issue.snippet);
  return position ? { ...issue, ...position } : { ...issue };
}

/**
 * JSON with sorted keys, without the editor's $schema and the format version, and texts without
 * trailing spaces and line breaks (which print the same): one text for one plan, whatever its form.
 */
export function canonicalJson(value: unknown): string {
  const sort = (v: unknown, top: boolean): unknown => {
    if (typeof v === 'string') return v.trimEnd();
    if (Array.isArray(v)) return v.map((x) => sort(x, false));
    if (v !== null && typeof v === 'object') {
      return Object.fromEntries(
        Object.keys(v)
          .filter((k) => !(top && (k === '$schema' || k === 'version')))
          .sort()
          .map((k) => [k, sort((v as Record<string, unknown>)[k], false)]),
      );
    }
    return v;
  };
  return JSON.stringify(sort(value, true));
}

/** By file, then line: the order a reader goes through them. */
export function sortIssues(issues: PlanIssue[]): PlanIssue[] {
  return issues
    .map((issue, i) => ({ issue, i }))
    .sort((a, b) => (a.issue.file ?? '').localeCompare(b.issue.file ?? '') || (a.issue.line ?? 0) - (b.issue.line ?? 0) || a.i - b.i)
    .map(({ issue }) => issue);
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
