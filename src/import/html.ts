// A small reader for the HTML that mammoth writes from a .docx: a closed set of elements (p, h1–h6,
// ul, ol, li, table, tr, td, th, strong, em, a, sup, img, br), always well nested, entities escaped.
export interface Element {
  tag: string;
  attrs: Record<string, string>;
  children: Node[];
}
export type Node = Element | string;

const VOID = new Set(['br', 'img', 'hr']);

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|nbsp);/gi, (_m, code: string) => {
    const c = code.toLowerCase();
    if (c.startsWith('#x')) return String.fromCodePoint(parseInt(c.slice(2), 16));
    if (c.startsWith('#')) return String.fromCodePoint(parseInt(c.slice(1), 10));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' }[c] ?? '';
  });
}

/** The element tree of an HTML fragment. */
export function parseHtml(html: string): Element {
  const root: Element = { tag: '#root', attrs: {}, children: [] };
  const stack: Element[] = [root];
  const tag = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*(\/?)>/g;
  let last = 0;
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    if (m.index > last) stack.at(-1)!.children.push(decode(html.slice(last, m.index)));
    last = tag.lastIndex;
    const name = m[2]!.toLowerCase();
    if (m[1]) {
      const at = stack.map((e) => e.tag).lastIndexOf(name);
      if (at > 0) stack.length = at;
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of m[3]!.matchAll(/([^\s=>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
      attrs[a[1]!.toLowerCase()] = decode(a[2] ?? a[3] ?? a[4] ?? '');
    }
    const element: Element = { tag: name, attrs, children: [] };
    stack.at(-1)!.children.push(element);
    if (!VOID.has(name) && !m[4]) stack.push(element);
  }
  if (last < html.length) stack.at(-1)!.children.push(decode(html.slice(last)));
  return root;
}

/** A node's text with white space as spaces, and '\n' for each manual line break. */
const rawText = (n: Node): string => (typeof n === 'string' ? n.replace(/[\s\u00a0]+/g, ' ') : n.tag === 'br' ? '\n' : n.children.map(rawText).join(''));

/** The plain text of a node, spaces collapsed; a manual line break (<br />) is a space. */
export function textOf(node: Node): string {
  return rawText(node).replace(/[\s\u00a0]+/g, ' ').trim();
}

/** The plain text of a node as its lines: a manual line break (Word's Shift+Enter) starts one; blank ones are left out. */
export function linesOf(node: Node): string[] {
  return rawText(node)
    .split('\n')
    .map((line) => line.replace(/[\s\u00a0]+/g, ' ').trim())
    .filter(Boolean);
}

/** Elements whose text is a block of its own: the text before and after them is not one line with theirs. */
const BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'td', 'th', 'blockquote']);

/** The text of a node block by block (a paragraph, heading, list item or table cell), each on one line. */
export function blockTexts(node: Node): string[] {
  const raw = (n: Node): string => (typeof n === 'string' ? n : n.tag === 'br' ? ' ' : BLOCKS.has(n.tag) ? `\n${n.children.map(raw).join('')}\n` : n.children.map(raw).join(''));
  return raw(node)
    .split('\n')
    .map((line) => line.replace(/[\s\u00a0]+/g, ' ').trim())
    .filter(Boolean);
}

export const isElement = (node: Node): node is Element => typeof node !== 'string';
