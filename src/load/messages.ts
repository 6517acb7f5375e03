// Turns zod's issues into Swedish messages a förbundschef can act on, one per problem.
import type { z } from 'zod';
import type { JsonPath } from '../errors.js';
import { at } from '../jsonPath.js';
import { dashAdvice, quoteAdvice, type Misread } from './yamlMisread.js';

type Issue = z.core.$ZodIssue;

export interface Message {
  path: JsonPath;
  message: string;
}


function describeValue(value: unknown): string {
  if (value === undefined) return 'inget värde';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'en lista';
  if (typeof value === 'string') return `texten ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === 'number') return `talet ${value}`;
  if (typeof value === 'boolean') return String(value);
  return 'ett objekt';
}

const typeNames: Record<string, string> = {
  string: 'en text',
  number: 'ett tal',
  int: 'ett heltal',
  boolean: 'true eller false',
  object: 'ett objekt { … }',
  array: 'en lista [ … ]',
  record: 'ett objekt { … }',
  map: 'ett objekt { … }',
  bigint: 'ett heltal',
  date: 'ett datum som ÅÅÅÅ-MM-DD',
  null: 'null',
};

function levenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}

/** The closest known name, if it is close enough to be a typo. */
export function suggest(name: string, known: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  // Of two as near, the one whose number is nearer: "budget2099" is budget2025 before budget2024.
  const number = (s: string) => Number(/(\d+)$/.exec(s)?.[1] ?? NaN);
  const nearer = (a: string, b: string) => Math.abs(number(a) - number(name)) < Math.abs(number(b) - number(name));
  for (const candidate of known) {
    const d = levenshtein(name.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance || (d === bestDistance && best !== undefined && nearer(candidate, best))) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}

/** A year field: budgetYear, planYears[1], year. */
const isYearPath = (path: JsonPath) => path.some((part) => typeof part === 'string' && /^(budgetYear|planYears|year)$/.test(part));

/** The whole number a text plainly means ("1 234", "−750" → 1234, -750), if it means one. */
export function meantInteger(input: string): number | undefined {
  const cleaned = input.replace(/[\s\u00a0\u202f"]/g, '').replace(/^[\u2212\u2013]/, '-');
  return /^-?\d+$/.test(cleaned) ? Number(cleaned) : undefined;
}

/** An amount written with thousands separators ("1,150,000", "60.000"), as the whole number meant. */
export function groupedInteger(input: string): number | undefined {
  const cleaned = input.trim().replace(/^[\u2212\u2013]/, '-');
  return /^-?\d{1,3}(?:([.,])\d{3})(?:\1\d{3})*$/.test(cleaned) ? Number(cleaned.replace(/[.,]/g, '')) : undefined;
}

/** The number the author probably meant ("1 234" → 1234; an amount's "1,234" too), or a plain example when there is none. */
function numberExample(input: string, path: JsonPath): string {
  const amount = path.includes('values') ? groupedInteger(input) : undefined;
  return String(meantInteger(input) ?? amount ?? (isYearPath(path) ? '2025' : '1234'));
}

/** A contribution party's share: a percentage of the whole contributions, with a point. */
const isSharePath = (path: JsonPath) => path[0] === 'contributions' && path.at(-1) === 'share';

/** The share a text plainly means, as a plan writes it ("5,25 %" → 5.25), if it means one. */
function meantShare(input: unknown): string | undefined {
  const cleaned = typeof input === 'string' ? input.replace(/[\s\u00a0\u202f"%]/g, '').replace(',', '.') : '';
  return /^\d+(\.\d+)?$/.test(cleaned) ? cleaned : undefined;
}

function invalidType(issue: Extract<Issue, { code: 'invalid_type' }>, input: unknown, path: JsonPath, misread?: MisreadLookup): string {
  const expected = typeNames[issue.expected] ?? 'ett annat värde';
  if (input === undefined) return `saknas (${expected} krävs)`;
  const written = input !== null && typeof input === 'object' ? misread?.(path) : undefined;
  if (issue.expected === 'string' && written?.kind === 'colon') return `ska vara en text: ${quoteAdvice(written)}`;
  // An empty cell written as a dash: in YAML `- -` (a list in the list), or a dash as a text.
  if (issue.expected === 'number' && path.at(-2) === 'values') {
    if (written?.kind === 'dash') return dashAdvice('- null');
    if (typeof input === 'string' && /^\s*[-\u2013\u2014]\s*$/.test(input)) return `ett streck är ingen tom cell; skriv null för en tom cell – fick ${describeValue(input)}`;
  }
  // An amount with a decimal comma ("65,5"): YAML reads it as a text; an amount is a whole number.
  const decimal = issue.expected === 'number' && typeof input === 'string' && path.includes('values') ? /^\s*(-?\d+),(\d+)\s*$/.exec(input) : null;
  if (decimal && groupedInteger(input as string) === undefined) {
    return `ett belopp skrivs som ett heltal, utan decimaler och citattecken: t.ex. ${Math.round(Number(`${decimal[1]}.${decimal[2]}`))} – fick ${describeValue(input)}`;
  }
  if (issue.expected === 'number' && isSharePath(path)) {
    const meant = meantShare(input);
    return `andelen är procent av hela medlemsbidraget, skriven som ett tal med punkt före decimalerna, utan % och citattecken: ${meant ? `skriv ${meant}` : 't.ex. 5.25'} – fick ${describeValue(input)}`;
  }
  if (issue.expected === 'number' && isYearPath(path)) {
    return `ska vara ett årtal utan citattecken, t.ex. ${typeof input === 'string' ? numberExample(input, path) : '2025'} – fick ${describeValue(input)}`;
  }
  if (issue.expected === 'number' && typeof input === 'string') {
    return `ska vara ett tal utan citattecken och mellanslag, t.ex. ${numberExample(input, path)} – fick ${describeValue(input)}`;
  }
  if (issue.expected === 'number' && typeof input === 'number') return `ska vara ett ändligt tal, fick ${describeValue(input)}`;
  return `ska vara ${expected}, fick ${describeValue(input)}`;
}

function sizeMessage(issue: Extract<Issue, { code: 'too_small' | 'too_big' }>, input: unknown, path: JsonPath): string {
  const small = issue.code === 'too_small';
  const limit = Number(small ? issue.minimum : issue.maximum);
  switch (issue.origin) {
    case 'array':
      return small ? (limit === 1 ? 'listan får inte vara tom' : `listan ska ha minst ${limit} element`) : `listan får ha högst ${limit} element`;
    case 'string':
      return small ? 'texten får inte vara tom' : `texten får vara högst ${limit} tecken`;
    default:
      if (isYearPath(path)) return `${describeValue(input)} är inget rimligt årtal: skriv ett årtal mellan 1990 och 2100, t.ex. 2025`;
      return `${describeValue(input)} är ${small ? 'för litet' : 'för stort'}: ${small ? 'minst' : 'högst'} ${limit.toLocaleString('sv-SE')}`;
  }
}

/** Picks the branch of a union the author most likely meant: the one with the fewest serious complaints. */
function bestBranch(branches: Issue[][]): Issue[] {
  const weight = (issues: Issue[]) =>
    issues.reduce((sum, i) => {
      if (i.code === 'unrecognized_keys') return sum + 10 * i.keys.length;
      if (i.code === 'invalid_type' && i.path.length === 0) return sum + 100;
      if (i.code === 'invalid_value' && i.path.length === 0) return sum + 100;
      return sum + 1;
    }, 0);
  return [...branches].sort((a, b) => weight(a) - weight(b))[0] ?? [];
}

/** What a whole number counts where it stands: an amount in the budget's or the contributions' unit. */
function wholeUnits(root: unknown, path: JsonPath): string {
  const part = path[0];
  if (part !== 'budget' && part !== 'contributions') return '';
  const unit = at(root, [part, 'unit']);
  return unit === 'tkr' ? ' (hela tkr)' : ' (hela kronor)';
}

/** In a YAML plan: how the value at a path was written, when YAML read it otherwise than meant (`- a: b`, `- -`). */
type MisreadLookup = (path: JsonPath) => Misread | undefined;

export function toMessages(issues: readonly Issue[], root: unknown, base: JsonPath = [], misread?: MisreadLookup): Message[] {
  const out: Message[] = [];
  for (const issue of issues) {
    const path = [...base, ...(issue.path as JsonPath)];
    const input = at(root, path);
    switch (issue.code) {
      case 'invalid_type':
        if (issue.expected === 'int' || (issue.expected === 'number' && typeof input === 'number' && !Number.isInteger(input)))
          out.push({ path, message: `ska vara ett heltal${wholeUnits(root, path)}, fick ${describeValue(input)}` });
        else out.push({ path, message: invalidType(issue, input, path, misread) });
        break;
      case 'too_small':
      case 'too_big':
        out.push({ path, message: sizeMessage(issue, input, path) });
        break;
      case 'invalid_format':
        out.push({
          path,
          message:
            issue.format === 'regex' && path.length > 0 && /id|Id$/.test(String(path[path.length - 1]))
              ? `${describeValue(input)} är inget giltigt id: använd bokstäver, siffror, - och _, och börja med en bokstav`
              : `${describeValue(input)} har fel form; se planformatets beskrivning (vplan schema) för vad som ska stå här`,
        });
        break;
      case 'invalid_value': {
        const allowed = issue.values.map((v) => JSON.stringify(v)).join(', ');
        out.push({ path, message: `${describeValue(input)} är inget av de tillåtna värdena; välj ett av ${allowed}` });
        break;
      }
      case 'unrecognized_keys': {
        for (const key of issue.keys) {
          const hint = suggest(key, knownKeys) ?? swedishKey(key, knownKeys);
          const types = isSectionPath(path) ? sectionTypesOf.get(key) : undefined;
          out.push({
            path: [...path, key],
            message:
              types
                ? `nyckeln "${key}" hör till avsnitt av typen ${types.join(' eller ')}; skriv type: ${types[0]} i avsnittet (eller ta bort nyckeln)`
                : hint === key
                ? `nyckeln "${key}" hör inte hemma här; flytta den dit den hör (se vplan schema)`
                : hint
                  ? `okänd nyckel "${key}" – menade du "${hint}"?`
                  : `okänd nyckel "${key}"; ta bort den eller se vplan schema för de nycklar som finns`,
          });
        }
        break;
      }
      case 'invalid_union': {
        const discriminated = issue as { discriminator?: string; options?: unknown[] };
        if (discriminated.discriminator !== undefined) {
          out.push({ path, message: discriminatorMessage(discriminated.discriminator, input, discriminated.options ?? []) });
        } else if (path.at(-1) === 'values' && (input === null || typeof input !== 'object')) {
          // A row's values: the list form is what most plans use, and what a forgotten value looks like in.
          out.push({ path, message: `ska vara beloppen, ett per kolumn: en lista som [550000, 560000] (null för en tom cell) eller { budget2025: 550000 }; fick ${describeValue(input)}` });
        } else if (issue.errors.length === 0) {
          out.push({ path, message: `${describeValue(input)} passar inte här` });
        } else {
          out.push(...toMessages(bestBranch(issue.errors), root, path, misread));
        }
        break;
      }
      case 'not_multiple_of':
        out.push({ path, message: `ska vara en multipel av ${String(issue.divisor)}` });
        break;
      case 'invalid_key':
      case 'invalid_element':
        out.push(...toMessages(issue.issues, root, path, misread));
        break;
      case 'custom': {
        const showValue = (issue.params as { showValue?: boolean } | undefined)?.showValue === true;
        out.push({ path, message: showValue ? `${issue.message} – fick ${describeValue(input)}` : issue.message });
        break;
      }
      default:
        out.push({ path, message: (issue as { message: string }).message });
    }
  }
  return out;
}

function discriminatorMessage(key: string, value: unknown, options: unknown[]): string {
  const names = options.map(String);
  const what = key === 'type' ? 'avsnittstyp' : key === 'state' ? 'status' : `värde för "${key}"`;
  if (value === undefined) return `saknas; välj ett av ${names.join(', ')}`;
  const hint = typeof value === 'string' ? suggest(value, names) : undefined;
  return `${key === 'type' || key === 'state' ? 'okänd' : 'okänt'} ${what} ${JSON.stringify(value)}${hint ? ` – menade du "${hint}"?` : ''}; välj ett av ${names.join(', ')}`;
}

/** sections[2], sections[2].sections[0] …: where a section stands in a plan. */
const isSectionPath = (path: JsonPath) =>
  path.length >= 2 && path.length % 2 === 0 && path.every((part, i) => (i % 2 === 0 ? part === 'sections' : typeof part === 'number'));

/** The section types a key belongs to, for one that is not the key of every section ("bodies" → organisation). */
const sectionTypesOf = new Map<string, string[]>();
export function registerSectionTypeKeys(keys: Map<string, string[]>): void {
  for (const [key, types] of keys) sectionTypesOf.set(key, types);
}

/** Every key the plan format knows, for "did you mean" hints; filled from the JSON Schema. */
const knownKeys = new Set<string>();
export function registerKnownKeys(keys: Iterable<string>): void {
  for (const k of keys) knownKeys.add(k);
}

/** Keys a Swedish writer may write in Swedish ("kostnader"), by the key they mean. */
const SWEDISH_KEYS: Record<string, string> = {
  kostnader: 'costs',
  intakter: 'income',
  kolumner: 'columns',
  rader: 'rows',
  varden: 'values',
  belopp: 'values',
  enhet: 'unit',
  rubrik: 'title',
  titel: 'title',
  underrubrik: 'subtitle',
  avsnitt: 'sections',
  budgetar: 'budgetYear',
  planar: 'planYears',
  kapital: 'capital',
  medlemsbidrag: 'contributions',
  diagram: 'charts',
  dokument: 'document',
};

/** The key a Swedish word (misspelt, too: "kostnder") stands for, if it is one of the keys here. */
function swedishKey(key: string, knownKeys: Iterable<string>): string | undefined {
  const plain = key.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
  const word = suggest(plain, Object.keys(SWEDISH_KEYS)) ?? (plain in SWEDISH_KEYS ? plain : undefined);
  const meant = word === undefined ? undefined : SWEDISH_KEYS[word];
  return meant !== undefined && [...knownKeys].includes(meant) ? meant : undefined;
}
