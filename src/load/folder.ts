// A plan folder: plan.yaml (document, budget, the order of the sections) and one Markdown file per
// section under avsnitt/, each with a YAML front matter (title, type, id, numbered …) and the section's
// text as its body. Assembled into the same value as a JSON plan; every position points into the file
// it came from.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { JsonPath, PlanIssue } from '../errors.js';
import { parseYamlText, type ParsedYaml, type Position } from './yamlText.js';
import type { Misread } from './yamlMisread.js';
import { planPartKeys } from './schema.js';
import { suggest } from './messages.js';

export const FOLDER_PLAN = 'plan.yaml';
export const SECTIONS_DIR = 'avsnitt';

export interface SourceFile {
  /** The file's path as the user would write it (the plan folder joined with its name). */
  path: string;
  /** Relative to the plan's folder, "/" separated: the name it has in the archive. */
  name: string;
  bytes: Uint8Array;
}

export interface LocatedPosition extends Position {
  file?: string;
}

export interface FolderPlan {
  value: unknown;
  locate(path: JsonPath, snippet?: string): LocatedPosition | undefined;
  /** How the value at `path` was written in its file, when YAML read it otherwise than meant (`- a: b` for a text). */
  misread(path: JsonPath): Misread | undefined;
  files: SourceFile[];
  /** Each section's file (its name, as in `files`), or undefined for one written in plan.yaml. */
  sectionFiles: (string | undefined)[];
  /** What the plan will print differently than the folder suggests: a section file plan.yaml does not list. */
  warnings: PlanIssue[];
  /** plan.yaml's text issues (see ParsedYaml.textIssues). */
  textIssues: PlanIssue[];
}

interface MarkdownSection {
  file: string;
  bytes: Uint8Array;
  value: Record<string, unknown>;
  frontMatter: ParsedYaml | undefined;
  /** Lines before the front matter's first key (1: the opening ---) and before the body. */
  frontMatterLine: number;
  bodyLine: number;
}

type Read = (file: string) => Promise<{ text: string; bytes: Uint8Array } | PlanIssue[]>;

/** Splits "---\nfront matter\n---\nbody" (the front matter is optional). */
export function splitFrontMatter(text: string): { frontMatter: string | undefined; body: string; bodyLine: number } {
  const match = /^---[ \t]*\r?\n([\s\S]*?)\r?\n?---[ \t]*(?:\r?\n|$)/.exec(text);
  if (!match) return { frontMatter: undefined, body: text, bodyLine: 1 };
  const bodyLine = match[0].split('\n').length - (match[0].endsWith('\n') ? 0 : 1);
  return { frontMatter: match[1] ?? '', body: text.slice(match[0].length), bodyLine };
}

async function readSection(file: string, read: Read, issues: PlanIssue[]): Promise<MarkdownSection | undefined> {
  const content = await read(file);
  if (Array.isArray(content)) {
    issues.push(...content);
    return undefined;
  }
  const { frontMatter, body, bodyLine } = splitFrontMatter(content.text);
  // "title: Vision" on the first line and a "---" below it: the first "---" was lost.
  const lines = content.text.split(/\r?\n/);
  if (frontMatter === undefined && /^[A-Za-z]+:( |$)/.test(lines[0] ?? '') && lines.slice(1, 30).some((line) => /^---[ \t]*$/.test(line))) {
    issues.push({ path: [], file, line: 1, column: 1, message: 'huvudet saknar sin första rad "---": skriv en rad med bara --- överst i filen, före ' + JSON.stringify(lines[0]!.trim()) });
    return undefined;
  }
  // A "---" on the first line and none below it: the whole file is not a header, its end was lost.
  if (frontMatter === undefined && /^---[ \t]*$/.test(lines[0] ?? '')) {
    issues.push({ path: [], file, line: 1, column: 1, message: 'huvudet som börjar med --- på rad 1 har ingen avslutande rad "---": skriv en rad med bara --- efter huvudets sista nyckel, före texten' });
    return undefined;
  }
  let parsed: ParsedYaml | undefined;
  let fields: Record<string, unknown> = {};
  if (frontMatter !== undefined) {
    const result = parseYamlText(frontMatter, { firstLine: 2 });
    if ('issues' in result) {
      issues.push(...result.issues.map((i) => ({ ...i, file, line: (i.line ?? 1) + 1 })));
      return undefined;
    }
    parsed = result;
    if (result.value !== null && result.value !== undefined) {
      if (typeof result.value !== 'object' || Array.isArray(result.value)) {
        issues.push({ path: [], file, line: 2, column: 1, message: 'huvudet mellan --- och --- ska vara nycklar med värden, t.ex. title: Målgrupp' });
        return undefined;
      }
      fields = result.value as Record<string, unknown>;
    }
  }
  // Blank lines between the front matter and the text are not part of the text.
  const leading = /^(?:[ \t]*\r?\n)*/.exec(body)![0];
  const text = body.slice(leading.length).trimEnd();
  const value = textByDefault(fields) as Record<string, unknown>;
  if (text) value.text = text;
  const skipped = leading.split('\n').length - 1;
  return { file, bytes: content.bytes, value, frontMatter: parsed, frontMatterLine: 1, bodyLine: bodyLine + skipped };
}

/** What to write when a section file gives its section no title: a header with one, named after the file. */
function untitled(section: MarkdownSection): string | undefined {
  if (section.value.title !== undefined) return undefined;
  const words = path.basename(section.file, path.extname(section.file)).replace(/^\d+[-_ ]*/, '').replace(/[-_]+/g, ' ').trim();
  const title = words ? words[0]!.toUpperCase() + words.slice(1) : 'Inledning';
  return section.frontMatter
    ? `huvudet har ingen rubrik: skriv en rad title: ${title} mellan raderna ---`
    : `avsnittsfilen har ingen rubrik: skriv ett huvud överst i filen, tre rader: ---, title: ${title} och ---`;
}

/**
 * In a plan folder a section that names no `type` is a text section: a file's, one written in plan.yaml,
 * and each sub-section of either, as a Markdown file's own heading needs none.
 */
function textByDefault(section: unknown): unknown {
  if (section === null || typeof section !== 'object' || Array.isArray(section)) return section;
  const fields = section as Record<string, unknown>;
  const typed = 'type' in fields ? fields : { type: 'text', ...fields };
  return Array.isArray(fields.sections) ? { ...typed, sections: fields.sections.map(textByDefault) } : typed;
}

/** Reads a plan folder. Problems (a missing plan.yaml, a section file that cannot be read) are issues. */
export async function readPlanFolder(dir: string, read: Read): Promise<FolderPlan | { issues: PlanIssue[] }> {
  const planFile = path.join(dir, FOLDER_PLAN);
  const content = await read(planFile);
  if (Array.isArray(content)) return { issues: content };
  const parsed = parseYamlText(content.text, { parts: planPartKeys() });
  if ('issues' in parsed) return { issues: parsed.issues.map((i) => ({ ...i, file: planFile })) };
  const files: SourceFile[] = [{ path: planFile, name: FOLDER_PLAN, bytes: content.bytes }];
  const textIssues = parsed.textIssues.map((i) => ({ ...i, file: planFile }));
  const plan = parsed.value;
  if (plan === null || typeof plan !== 'object' || Array.isArray(plan)) {
    return { issues: [{ path: [], file: planFile, line: 1, column: 1, message: 'plan.yaml ska börja med nycklar som document: och budget:' }] };
  }
  const root = plan as Record<string, unknown>;
  const issues: PlanIssue[] = [];

  // The sections: as plan.yaml lists them (a file name, or a section written out), else every
  // Markdown file in avsnitt/ in the order of their names (01-…, 02-…).
  let entries: unknown[];
  if (root.sections === undefined) {
    const names = await readdir(path.join(dir, SECTIONS_DIR)).catch(() => [] as string[]);
    entries = names.filter((n) => n.toLowerCase().endsWith('.md')).sort().map((n) => `${SECTIONS_DIR}/${n}`);
    if (entries.length === 0) {
      issues.push({ path: [], file: planFile, line: 1, column: 1, message: `planen har inga avsnitt: lägg Markdown-filer i ${SECTIONS_DIR}/ (t.ex. ${SECTIONS_DIR}/01-inledning.md) eller lista dem under sections: i plan.yaml` });
    }
  } else if (Array.isArray(root.sections)) {
    entries = root.sections;
  } else {
    return { value: root, locate: (p, snippet) => withFile(parsed.locate(p, snippet), planFile), misread: parsed.misread, files, sectionFiles: [], warnings: [], textIssues };
  }
  const fromFile = new Map<number, MarkdownSection>();
  const listIndex = new Map<number, number>();
  const sections: unknown[] = [];
  const sectionFiles: (string | undefined)[] = [];
  const listedAt = new Map<string, number>();
  for (const [i, entry] of entries.entries()) {
    if (typeof entry !== 'string') {
      listIndex.set(sections.length, i);
      sections.push(textByDefault(entry));
      continue;
    }
    const relative = entry.includes('/') ? entry : `${SECTIONS_DIR}/${entry}`;
    const file = path.join(dir, ...relative.split('/'));
    // A file listed twice would print its section twice.
    const earlier = listedAt.get(file);
    if (earlier !== undefined) {
      issues.push({ file: planFile, path: ['sections', i], message: `avsnittsfilen ${relative} står redan i listan (sections[${earlier}]); ta bort den ena raden`, ...parsed.locate(['sections', i]) });
      continue;
    }
    listedAt.set(file, i);
    const before = issues.length;
    const section = await readSection(file, read, issues);
    if (!section) {
      // A file plan.yaml lists but that cannot be read: named at its line in plan.yaml.
      if (root.sections !== undefined) {
        for (const issue of issues.slice(before)) {
          if (issue.line !== undefined) continue;
          const missing = issue.message.startsWith('filen finns inte');
          const guess = missing ? await unlistedLike(dir, relative, entries) : undefined;
          const meant = guess ? `; menade du ${guess}, som inte står i listan? Rätta namnet i listan, eller skapa filen (eller ta bort raden)` : '; skapa den, eller rätta namnet i listan (eller ta bort raden)';
          const message = missing ? `avsnittsfilen ${relative} finns inte${meant}` : `${relative}: ${issue.message}`;
          Object.assign(issue, { file: planFile, path: ['sections', i], message, ...parsed.locate(['sections', i]) });
        }
      }
      continue;
    }
    files.push({ path: file, name: path.relative(dir, file).split(path.sep).join('/'), bytes: section.bytes });
    sectionFiles[sections.length] = files[files.length - 1]!.name;
    fromFile.set(sections.length, section);
    sections.push(section.value);
  }
  if (issues.length > 0) return { issues };
  // An amount with thousands separators in a section file's header, as in plan.yaml: named in that file.
  for (const [index, section] of fromFile) {
    const missingTitle = untitled(section);
    if (missingTitle) textIssues.push({ path: ['sections', index, 'title'], file: section.file, line: 1, column: 1, message: missingTitle });
    for (const issue of section.frontMatter?.textIssues ?? []) {
      textIssues.push({ ...issue, file: section.file, path: ['sections', index, ...issue.path], line: (issue.line ?? 1) + section.frontMatterLine });
    }
  }
  const value = { ...root, sections };
  const warnings = root.sections === undefined ? [] : await unlisted(dir, files, withFile(parsed.locate(['sections']), planFile));

  const locate = (p: JsonPath, snippet?: string): LocatedPosition | undefined => {
    if (p[0] === 'sections' && typeof p[1] === 'number') {
      const section = fromFile.get(p[1]);
      if (section) {
        const rest = p.slice(2);
        if (rest[0] === 'text') return { file: section.file, ...inText(section, snippet) };
        if (rest.length === 0) return { file: section.file, line: 1, column: 1 };
        const inFront = section.frontMatter?.locate(rest, snippet);
        return inFront ? { file: section.file, line: inFront.line + section.frontMatterLine, column: inFront.column } : { file: section.file, line: 1, column: 1 };
      }
      const index = listIndex.get(p[1]);
      if (index !== undefined) return withFile(parsed.locate(['sections', index, ...p.slice(2)], snippet), planFile);
    }
    return withFile(parsed.locate(p, snippet), planFile);
  };
  // A path into a section file's front matter, or into plan.yaml.
  const misread = (p: JsonPath): Misread | undefined => {
    if (p[0] === 'sections' && typeof p[1] === 'number') {
      const section = fromFile.get(p[1]);
      if (section) return section.frontMatter?.misread(p.slice(2));
      const index = listIndex.get(p[1]);
      if (index !== undefined) return parsed.misread(['sections', index, ...p.slice(2)]);
    }
    return parsed.misread(p);
  };
  return { value, locate, misread, files, sectionFiles: Array.from(sections, (_, i) => sectionFiles[i]), warnings, textIssues };
}

/**
 * For a listed section file that does not exist: the Markdown file beside it that the list leaves out
 * and that it likely is (renamed): the only such file, or the one whose name is nearest.
 */
async function unlistedLike(dir: string, relative: string, entries: unknown[]): Promise<string | undefined> {
  const folder = path.posix.dirname(relative);
  const listed = new Set(entries.filter((e): e is string => typeof e === 'string').map((e) => (e.includes('/') ? e : `${SECTIONS_DIR}/${e}`)));
  const names = await readdir(path.join(dir, ...folder.split('/'))).catch(() => [] as string[]);
  const others = names.filter((n) => n.toLowerCase().endsWith('.md') && !listed.has(`${folder}/${n}`));
  const guess = others.length === 1 ? others[0] : suggest(path.posix.basename(relative), others);
  return guess === undefined ? undefined : `${folder}/${guess}`;
}

/** Markdown files in avsnitt/ that plan.yaml's list of sections leaves out: written, but never printed. */
async function unlisted(dir: string, files: SourceFile[], at: LocatedPosition | undefined): Promise<PlanIssue[]> {
  const listed = new Set(files.map((f) => f.name));
  const names = await readdir(path.join(dir, SECTIONS_DIR)).catch(() => [] as string[]);
  return names
    .filter((n) => n.toLowerCase().endsWith('.md') && !listed.has(`${SECTIONS_DIR}/${n}`))
    .sort()
    .map((n) => ({
      path: ['sections'],
      ...at,
      message: `${SECTIONS_DIR}/${n} står inte under sections: i plan.yaml och kommer inte med i planen; lägg till den i listan där den ska stå (eller flytta filen ur ${SECTIONS_DIR}/)`,
    }));
}

const withFile = (position: Position | undefined, file: string): LocatedPosition | undefined => (position ? { ...position, file } : undefined);

/** Where a snippet first stands in a section file's text (the text as written there), else the text's first line. */
function inText(section: MarkdownSection, snippet: string | undefined): Position {
  const text = typeof section.value.text === 'string' ? section.value.text : '';
  const at = snippet ? text.indexOf(snippet) : -1;
  if (at < 0) return { line: section.bodyLine, column: 1 };
  const before = text.slice(0, at);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: section.bodyLine + (before.match(/\n/g)?.length ?? 0), column: at - lineStart + 1 };
}
