// Writes a plan's value in each of its forms: one JSON file, one YAML file (prose as block text), or a
// plan folder (plan.yaml and one Markdown file per section). Each form reads back to the same plan.
import { Document, isScalar, visit, type Node } from 'yaml';
import { mergeIntoYaml, type KeySource } from './keep.js';
import { SECTIONS_DIR, splitFrontMatter } from '../load/folder.js';

export const SCHEMA_FILE = 'plan.schema.json';

type Plan = Record<string, unknown>;

/** Fields that hold Markdown prose. */
const PROSE = new Set(['text', 'textAfter', 'preface', 'intro', 'lead']);

/** The plan as JSON, pointing the editor at the schema beside it. */
export function planToJson(plan: Plan, schemaPath: string | undefined): string {
  const { $schema: _old, ...rest } = plan;
  return `${JSON.stringify(schemaPath ? { $schema: schemaPath, ...rest } : rest, null, 2)}\n`;
}

/** vplan's style of YAML: multi-line texts as literal blocks (text: |), prose fields too. */
function style(node: Node): void {
  // Every text with a line break becomes a literal block, so Markdown stays as written.
  // Prose fields are literal blocks too, so that they read and edit as text.
  visit(node, {
    Pair(_key, pair) {
      const name = isScalar(pair.key) ? String(pair.key.value) : '';
      if (PROSE.has(name) && isScalar(pair.value) && typeof pair.value.value === 'string') pair.value.type = 'BLOCK_LITERAL';
    },
    Scalar(_key, scalar) {
      if (typeof scalar.value === 'string' && scalar.value.includes('\n')) scalar.type = 'BLOCK_LITERAL';
    },
  });
}

/** Nothing folded or wrapped. */
const yamlText = (doc: Document, layout: Layout = { indent: 2, indentSeq: true }) => doc.toString({ lineWidth: 0, minContentWidth: 0, ...layout });

interface Layout {
  indent: number;
  indentSeq: boolean;
}

/** How a text is indented: the step under its first key with a map under it, and whether lists under a key are indented. */
function layoutOf(text: string): Layout {
  const lines = text.split('\n').filter((line) => line.trim() !== '' && !line.trimStart().startsWith('#'));
  const depth = (line: string) => /^ */.exec(line)![0].length;
  const under = lines.flatMap((line, i) => (/^\s*[^\s#-][^:#]*:$/.test(line) && lines[i + 1] ? [[line, lines[i + 1]!] as const] : []));
  const map = under.find(([key, next]) => !next.trimStart().startsWith('- ') && depth(next) > depth(key));
  const list = under.find(([, next]) => next.trimStart().startsWith('- '));
  const step = map ? depth(map[1]) - depth(map[0]) : 2;
  return { indent: step >= 1 && step <= 8 ? step : 2, indentSeq: list ? depth(list[1]) > depth(list[0]) : true };
}

/**
 * A kept text's line that gives editors the schema, pointed at the schema written beside the new plan:
 * among the comment lines at the top, or added as the first line.
 */
function withSchemaLine(text: string, header: string[]): string {
  const line = header.find((h) => h.startsWith(' yaml-language-server: $schema='));
  if (line === undefined) return text;
  const lines = text.split('\n');
  const top = lines.findIndex((l) => !l.startsWith('#'));
  const at = lines.slice(0, top < 0 ? lines.length : top).findIndex((l) => /^# ?yaml-language-server: \$schema=/.test(l));
  if (at >= 0) lines[at] = `#${line}`;
  else lines.unshift(`#${line}`);
  return lines.join('\n');
}

/** How a previous text is kept (see PreviousForm): renamed keys' sources, and who hears of a text written afresh. */
interface Keeping {
  sourceOf?: KeySource | undefined;
  lost?: (() => void) | undefined;
}

/**
 * YAML text of a value. With `previous` (the YAML text the value was read from, since changed), that
 * text with the new values put in: the user's comments, order and style stay (see keep.ts).
 */
export function toYaml(value: unknown, header: string[] = [], previous?: string, keeping: Keeping = {}): string {
  const kept = previous === undefined ? undefined : mergeIntoYaml(previous, value, style, (doc) => withSchemaLine(yamlText(doc, layoutOf(previous)), header), keeping.sourceOf);
  if (kept !== undefined) return kept;
  if (previous !== undefined) keeping.lost?.();
  const doc = new Document(value, { keepUndefined: false });
  if (doc.contents) style(doc.contents as Node);
  if (header.length > 0) doc.commentBefore = header.join('\n');
  return yamlText(doc);
}

/**
 * What a changed plan was read from (vplan next), for writing it back with what the user wrote around
 * the values: comments, order, style (see keep.ts).
 */
export interface PreviousForm {
  /** The plan's YAML text: the one YAML file, or a plan folder's plan.yaml. */
  yaml: string;
  /** A plan folder's section files, by section: the name in the folder ("avsnitt/01-inledning.md") and the text. */
  sections?: ({ name: string; text: string } | undefined)[];
  /** The name a section file keeps in the new plan (vplan next moves the years in it on). */
  rename?: (name: string) => string;
  /** Where a renamed key's value came from (keep.ts): its comments go with it. */
  sourceOf?: KeySource;
  /** The files whose comments could not be kept (written afresh): filled in while writing. */
  lost?: string[];
}

/** The plan as one YAML file, with the line that gives editors (VS Code's YAML extension) the schema. */
export function planToYaml(plan: Plan, schemaPath: string | undefined, previous?: PreviousForm): string {
  const { $schema: _old, ...rest } = plan;
  const header = schemaPath ? [` yaml-language-server: $schema=${schemaPath}`] : [];
  return toYaml(rest, header, previous?.yaml, keepingOf(previous, 'planen'));
}

/** "Målgrupp och behov" → "malgrupp-och-behov", for a section's file name. */
export function slug(title: string): string {
  const plain = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  // Whole words, at most about 40 characters.
  let name = '';
  for (const word of plain.split('-')) {
    if (name && name.length + 1 + word.length > 40) break;
    name = name ? `${name}-${word}` : word.slice(0, 40);
  }
  return name || 'avsnitt';
}

/**
 * A section as a Markdown file: its fields in the front matter, its text as the body. With `previous`
 * (the file it was read from), that file's front matter keeps its comments and style.
 */
export function sectionToMarkdown(section: Plan, previous?: string, keeping: Keeping = {}): string {
  const { text, ...fields } = section;
  const before = previous === undefined ? undefined : splitFrontMatter(previous).frontMatter;
  // A file without a type is a text section (folder.ts): it stays without one.
  if (before !== undefined && fields.type === 'text' && !/^type\s*:/m.test(before)) delete fields.type;
  const front = toYaml(fields, [], before, keeping).trimEnd();
  const body = typeof text === 'string' ? `\n${text.trimEnd()}\n` : '';
  return `---\n${front}\n---\n${body}`;
}

/**
 * The plan as a folder: plan.yaml with everything but the sections, which go to avsnitt/NN-namn.md (a
 * section read from a file of its own: that file's name, as `previous` renames it).
 */
export function planToFolder(plan: Plan, schemaPath: string | undefined, previous?: PreviousForm): Map<string, string> {
  const { $schema: _old, sections, ...rest } = plan;
  const files = new Map<string, string>();
  const list = Array.isArray(sections) ? sections : [];
  const width = String(list.length).length < 2 ? 2 : String(list.length).length;
  const rename = previous?.rename ?? ((name: string) => name);
  // A file name is kept only inside the new folder: never "../delat/inledning.md", the old plan's own.
  const inside = (name: string | undefined) => (name !== undefined && isInsideFolder(name) ? name : undefined);
  const kept = list.map((_, i) => previous?.sections?.[i]);
  const taken = new Set(kept.map((file) => file && inside(rename(file.name))));
  const entries: unknown[] = [];
  list.forEach((section, i) => {
    const old = kept[i];
    // A section the old plan wrote out in plan.yaml stays there, with its comments.
    if (previous?.sections && !old) {
      entries.push(section);
      return;
    }
    let name = old && inside(rename(old.name));
    if (!name) {
      const title = section && typeof section === 'object' && typeof (section as Plan).title === 'string' ? String((section as Plan).title) : 'avsnitt';
      const stem = `${SECTIONS_DIR}/${String(i + 1).padStart(width, '0')}-${slug(title)}`;
      name = `${stem}.md`;
      for (let n = 2; taken.has(name); n++) name = `${stem}-${n}.md`;
      taken.add(name);
    }
    // plan.yaml names a file in avsnitt/ by its name alone, any other by its path in the folder.
    entries.push(name.startsWith(`${SECTIONS_DIR}/`) && !name.slice(SECTIONS_DIR.length + 1).includes('/') ? name.slice(SECTIONS_DIR.length + 1) : name);
    files.set(name, sectionToMarkdown(section as Plan, old?.text, keepingOf(previous, name)));
  });
  const header = schemaPath ? [` yaml-language-server: $schema=${schemaPath}`] : [];
  header.push(' Planens avsnitt står i avsnitt/, ett per Markdown-fil, i den ordning som listan nedan anger.');
  files.set('plan.yaml', toYaml({ ...rest, sections: entries }, header, previous?.yaml, keepingOf(previous, 'plan.yaml')));
  return files;
}

/** A relative path that stays in its folder: no "..", not absolute, "/" separated. */
function isInsideFolder(name: string): boolean {
  return !name.startsWith('/') && !/^[a-zA-Z]:/.test(name) && !name.includes('\\') && name.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
}

/** The keeping of one file of `previous`: its key sources, and its name among the files written afresh. */
function keepingOf(previous: PreviousForm | undefined, file: string): Keeping {
  return { sourceOf: previous?.sourceOf, lost: previous?.lost && (() => previous.lost!.push(file)) };
}
