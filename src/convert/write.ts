// Writes a plan's value in each of its forms: one JSON file, one YAML file (prose as block text), or a
// plan folder (plan.yaml and one Markdown file per section). Each form reads back to the same plan.
import { Document, isScalar, visit } from 'yaml';

export const SCHEMA_FILE = 'plan.schema.json';

type Plan = Record<string, unknown>;

/** Fields that hold Markdown prose. */
const PROSE = new Set(['text', 'textAfter', 'preface', 'intro', 'lead']);

/** The plan as JSON, pointing the editor at the schema beside it. */
export function planToJson(plan: Plan, schemaPath: string | undefined): string {
  const { $schema: _old, ...rest } = plan;
  return `${JSON.stringify(schemaPath ? { $schema: schemaPath, ...rest } : rest, null, 2)}\n`;
}

/** YAML text of a value: multi-line texts as literal blocks (text: |), nothing folded or wrapped. */
export function toYaml(value: unknown, header: string[] = []): string {
  const doc = new Document(value, { keepUndefined: false });
  // Every text with a line break becomes a literal block, so Markdown stays as written.
  // Prose fields are literal blocks too, so that they read and edit as text.
  visit(doc, {
    Pair(_key, pair) {
      const name = isScalar(pair.key) ? String(pair.key.value) : '';
      if (PROSE.has(name) && isScalar(pair.value) && typeof pair.value.value === 'string') pair.value.type = 'BLOCK_LITERAL';
    },
    Scalar(_key, node) {
      if (typeof node.value === 'string' && node.value.includes('\n')) node.type = 'BLOCK_LITERAL';
    },
  });
  if (header.length > 0) doc.commentBefore = header.join('\n');
  return doc.toString({ lineWidth: 0, minContentWidth: 0, indentSeq: true });
}

/** The plan as one YAML file, with the line that gives editors (VS Code's YAML extension) the schema. */
export function planToYaml(plan: Plan, schemaPath: string | undefined): string {
  const { $schema: _old, ...rest } = plan;
  const header = schemaPath ? [` yaml-language-server: $schema=${schemaPath}`] : [];
  return toYaml(rest, header);
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

/** A section as a Markdown file: its fields in the front matter, its text as the body. */
export function sectionToMarkdown(section: Plan): string {
  const { text, ...fields } = section;
  const front = toYaml(fields).trimEnd();
  const body = typeof text === 'string' ? `\n${text.trimEnd()}\n` : '';
  return `---\n${front}\n---\n${body}`;
}


/** The plan as a folder: plan.yaml with everything but the sections, which go to avsnitt/NN-namn.md. */
export function planToFolder(plan: Plan, schemaPath: string | undefined): Map<string, string> {
  const { $schema: _old, sections, ...rest } = plan;
  const files = new Map<string, string>();
  const list = Array.isArray(sections) ? sections : [];
  const width = String(list.length).length < 2 ? 2 : String(list.length).length;
  const names: string[] = [];
  list.forEach((section, i) => {
    const title = section && typeof section === 'object' && typeof (section as Plan).title === 'string' ? String((section as Plan).title) : 'avsnitt';
    const name = `${String(i + 1).padStart(width, '0')}-${slug(title)}.md`;
    names.push(name);
    files.set(`avsnitt/${name}`, sectionToMarkdown(section as Plan));
  });
  const header = schemaPath ? [` yaml-language-server: $schema=${schemaPath}`] : [];
  header.push(' Planens avsnitt står i avsnitt/, ett per Markdown-fil, i den ordning som listan nedan anger.');
  files.set('plan.yaml', toYaml({ ...rest, sections: names }, header));
  return files;
}
