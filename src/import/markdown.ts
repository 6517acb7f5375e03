// mammoth's HTML as vplan Markdown: paragraphs, bold and italic, links, lists (nested), footnotes, and
// tables that are not a budget as Markdown tables. What Markdown cannot hold (images) is reported.
// A manual line break (Word's Shift+Enter, <br />) is a hard line break in a paragraph or list item,
// and a space in a table cell or a footnote, whose Markdown is one line. A quotation (Word's Quote styles)
// is a Markdown quotation, its source line split off as vplan's source line (quote.ts).
import { isElement, type Element, type Node } from './html.js';
import { lastParagraphSource, MOVED_SOURCE, sourceText, splitQuote } from './quote.js';

export interface MarkdownContext {
  /** Footnote texts by mammoth's id ("footnote-1"), to write after the text that cites them. */
  footnotes: Map<string, string>;
  /** Footnotes cited in the text written so far. */
  cited: string[];
  /** What was left out, for the warnings. */
  dropped: string[];
  /** What was guessed in the text (a quotation's source), for the warnings. */
  guessed: string[];
}

/** Characters Markdown or vplan's {{ }} would read as markup. */
function escapeText(text: string): string {
  return text.replace(/[\\`*_[\]<]/g, (c) => `\\${c}`).replace(/\{\{/g, '\\{{');
}

function footnoteKey(href: string): string | undefined {
  const m = /^#((?:footnote|endnote)-\d+)$/.exec(href);
  return m?.[1];
}

export function inline(nodes: Node[], context: MarkdownContext): string {
  let out = '';
  for (const node of nodes) {
    if (!isElement(node)) {
      out += escapeText(node.replace(/[\s\u00a0]+/g, ' '));
      continue;
    }
    switch (node.tag) {
      case 'strong':
      case 'b':
        out += wrap(inline(node.children, context), '**');
        break;
      case 'em':
      case 'i':
        out += wrap(inline(node.children, context), '*');
        break;
      case 'br':
        out += '\n';
        break;
      case 'img':
        context.dropped.push(`en bild${node.attrs.alt ? ` ("${node.attrs.alt}")` : ''}`);
        break;
      case 'a': {
        const key = footnoteKey(node.attrs.href ?? '');
        if (key) {
          if (!context.cited.includes(key)) context.cited.push(key);
          out += `[^${key.replace('-', '')}]`;
        } else if (/^(https?:|mailto:)/.test(node.attrs.href ?? '')) {
          out += `[${inline(node.children, context)}](${node.attrs.href!.replace(/[()\s]/g, encodeURIComponent)})`;
        } else out += inline(node.children, context);
        break;
      }
      default:
        // sup, sub, u, s, span …: their text.
        out += inline(node.children, context);
    }
  }
  return out;
}

/**
 * **text** around the words, the spaces outside (Markdown needs the markers next to the words). Around
 * each line of its own: a manual line break closes and reopens them, so that every line of a paragraph
 * stands alone (a quotation's source line can be split off, a line can be read by itself).
 */
function wrap(text: string, marker: string): string {
  return text
    .split('\n')
    .map((line) => {
      const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(line)!;
      return m[2] ? `${m[1]}${marker}${m[2]}${marker}${m[3]}` : line;
    })
    .join('\n');
}

/** The end of a line that goes on in the same paragraph: Markdown's hard line break. */
const HARD_BREAK = '\\\n';

/** One line of text, its start escaped where Markdown would read a heading, list, quote, rule or code fence. */
function lineText(text: string): string {
  const line = text.replace(/ +/g, ' ').trim();
  if (/^([-=])\1*$/.test(line) || line.startsWith('~~~')) return `\\${line}`;
  return line.replace(/^(#|>|[-+] |\d+)([.)]?)/, (m, a: string, b: string) => (/^\d+$/.test(a) ? (b ? `${a}\\${b}` : m) : `\\${m}`));
}

/** Inline nodes as lines of Markdown: each manual line break starts one; blank ones (breaks in a row) are left out. */
function inlineLines(nodes: Node[], context: MarkdownContext): string[] {
  return inline(nodes, context).split('\n').map(lineText).filter(Boolean);
}

/** Like inlineLines, but each line as written, not yet escaped where it starts: a quotation's source is read from it. */
function rawLines(nodes: Node[], context: MarkdownContext): string[] {
  return inline(nodes, context)
    .split('\n')
    .map((line) => line.replace(/ +/g, ' ').trim())
    .filter(Boolean);
}

/** A paragraph, its manual line breaks kept. */
function paragraph(element: Element, context: MarkdownContext): string {
  return inlineLines(element.children, context).join(HARD_BREAK);
}

/** A paragraph on one line, for a table cell or a footnote: a manual line break is a space there. */
function paragraphOnOneLine(element: Element, context: MarkdownContext): string {
  return lineText(inline(element.children, context).replace(/\s+/g, ' '));
}

function list(element: Element, context: MarkdownContext, indent: string): string {
  const ordered = element.tag === 'ol';
  const items = element.children.filter(isElement).filter((c) => c.tag === 'li');
  return items
    .map((item, i) => {
      const marker = ordered ? `${i + 1}. ` : '- ';
      const isList = (c: Node) => isElement(c) && (c.tag === 'ul' || c.tag === 'ol');
      const nested = item.children.filter(isElement).filter(isList);
      // The item's own text: its paragraphs, or the text around them, each on its lines.
      const lines: string[] = [];
      let run: Node[] = [];
      const flush = () => {
        lines.push(...inlineLines(run, context));
        run = [];
      };
      for (const child of item.children.filter((c) => !isList(c))) {
        if (isElement(child) && child.tag === 'p') {
          flush();
          lines.push(...inlineLines(child.children, context));
        } else run.push(child);
      }
      flush();
      const inner = indent + ' '.repeat(marker.length);
      const sub = nested.map((n) => `\n${list(n, context, inner)}`).join('');
      return `${indent}${marker}${lines.join(HARD_BREAK + inner)}${sub}`;
    })
    .join('\n');
}

/** A table's rows as cell texts (Markdown), spanned cells repeated as blanks. */
export function tableRows(table: Element, context: MarkdownContext): string[][] {
  const rows: string[][] = [];
  const visit = (node: Element) => {
    for (const child of node.children.filter(isElement)) {
      if (child.tag === 'tr') {
        const cells: string[] = [];
        for (const cell of child.children.filter(isElement).filter((c) => c.tag === 'td' || c.tag === 'th')) {
          const parts = cell.children.filter(isElement).length > 0 ? cell.children.map((c) => (isElement(c) && c.tag === 'p' ? paragraphOnOneLine(c, context) : inline([c], context))) : [inline(cell.children, context)];
          cells.push(parts.join(' ').replace(/\s+/g, ' ').trim());
          for (let span = Number(cell.attrs.colspan ?? 1); span > 1; span--) cells.push('');
        }
        rows.push(cells);
      } else visit(child);
    }
  };
  visit(table);
  return rows;
}

/**
 * A cell that is a figure: an amount or a share ("2 500", "−1 234", "(50)", "9,5 %", "1 234 tkr"), bold
 * or italic or not. A dash or nothing is a blank, no figure.
 */
const FIGURE = /^[-−–+]?\s*\(?\d{1,3}(?:[ \u00a0\u202f.]\d{3})*(?:,\d+)?\)?\s*(?:%|‰|t?kr|mkr|kronor|:-)?$|^[-−–+]?\s*\d+(?:,\d+)?\s*(?:%|‰|t?kr|mkr|kronor|:-)?$/i;
const plainCell = (cell: string) => cell.replace(/^(\*{1,2})(.*)\1$/, '$2').trim();
const isBlank = (cell: string) => /^[-–—]?$/.test(plainCell(cell));

/** Whether a column's cells under the heading are figures, which the PDF sets right-aligned (`--:`) as in the budget tables. */
function figureColumn(body: string[][], column: number): boolean {
  const cells = body.map((r) => r[column] ?? '').filter((c) => !isBlank(c));
  return cells.length > 0 && cells.every((c) => FIGURE.test(plainCell(c)));
}

/** Rows of cells as a Markdown table: the first row its heading, columns of figures (not the first, which labels the rows) right-aligned. */
export function markdownTable(rows: string[][]): string {
  const width = Math.max(1, ...rows.map((r) => r.length));
  const line = (cells: string[]) => `| ${Array.from({ length: width }, (_, i) => (cells[i] ?? '').replace(/\|/g, '\\|')).join(' | ')} |`;
  const [head = [], ...body] = rows;
  const rule = Array.from({ length: width }, (_, i) => (i > 0 && figureColumn(body, i) ? ' --: |' : ' --- |')).join('');
  return [line(head), `|${rule}`, ...body.map(line)].join('\n');
}

/** One block element (p, ul, ol, table, blockquote …) as Markdown; '' for an empty one. */
export function block(element: Element, context: MarkdownContext): string {
  switch (element.tag) {
    case 'ul':
    case 'ol':
      return list(element, context, '');
    case 'table':
      return markdownTable(tableRows(element, context));
    case 'blockquote':
      return quotation(element, context);
    default:
      return paragraph(element, context);
  }
}

/** What was left out of or guessed in the text written since the last call, as notes; then forgotten. */
export function textNotes(context: MarkdownContext): string[] {
  const notes = context.dropped.length > 0 ? [`${context.dropped.join(', ')} kunde inte tas med; lägg till det för hand om det behövs`] : [];
  notes.push(...context.guessed);
  context.dropped = [];
  context.guessed = [];
  return notes;
}

/**
 * A quotation: its paragraphs quoted ("> ", a line with only ">" between them), and its source, if one can
 * be told from its last line, as vplan's source line in a paragraph of its own ("> — Namn").
 */
function quotation(element: Element, context: MarkdownContext): string {
  const children = element.children.filter(isElement);
  const parts: string[] = [];
  // A source line that stood under the quotation in another style (attachSourceLines) is always listed.
  const moved = children.at(-1)?.attrs[MOVED_SOURCE] !== undefined;
  const source = (split: { source?: string; guessed?: boolean }) => {
    if (split.source === undefined) return;
    parts.push(`— ${split.source}`);
    const text = sourceText(split.source);
    if (moved) context.guessed.push(`raden "${text}" under citatet, i en annan formatmall än citatet, blev citatets källa ("> — ${text}", en egen rad under citatet); hör den inte till citatet, skriv den utan "> — " efter en tom rad`);
    else if (split.guessed) context.guessed.push(`citatets sista rad "${text}" blev citatets källa ("> — ${text}", en egen rad under citatet); hör raden till citatet, ta bort "— "`);
  };
  if (children.every((c) => c.tag === 'p')) {
    const split = splitQuote(children.map((c) => rawLines(c.children, context)));
    parts.push(...split.paragraphs.map((lines) => lines.map(lineText).join(HARD_BREAK)));
    source(split);
    if (split.startsWithDash) {
      const text = sourceText(split.paragraphs.at(-1)![0]!);
      context.guessed.push(`citatets sista stycke börjar med ett tankstreck ("${text}") och skrivs därför som citatets källa; hör det till citatet, skriv det utan tankstreck`);
    }
  } else {
    // A list in the quotation (numbered paragraphs in a Quote style): its source is still its last paragraph.
    const last = children.at(-1)!;
    if (last.tag !== 'p') parts.push(...children.map((c) => block(c, context)));
    else {
      parts.push(...children.slice(0, -1).map((c) => block(c, context)));
      const lines = rawLines(last.children, context);
      const found = lastParagraphSource(lines, true);
      const kept = found ? found.lines : lines;
      if (kept.length > 0) parts.push(kept.map(lineText).join(HARD_BREAK));
      if (found) source(found);
    }
  }
  return parts
    .filter(Boolean)
    .map((t) => t.replace(/^/gm, '> '))
    .join('\n>\n');
}

/** "[^footnote1]: text" for each footnote cited so far, which are then forgotten. */
export function footnoteDefinitions(context: MarkdownContext): string[] {
  const out = context.cited.map((key) => `[^${key.replace('-', '')}]: ${context.footnotes.get(key) ?? ''}`);
  context.cited = [];
  return out;
}

/** mammoth's footnote list (li id="footnote-N", each with a back link "↑") as texts by id. */
export function readFootnotes(element: Element, context: MarkdownContext): void {
  for (const li of element.children.filter(isElement)) {
    const id = li.attrs.id;
    if (!id) continue;
    const withoutBack = (n: Node): Node[] =>
      isElement(n) ? (n.tag === 'a' && /^#(foot|end)note-ref-/.test(n.attrs.href ?? '') ? [] : [{ ...n, children: n.children.flatMap(withoutBack) }]) : [n];
    const clean = li.children.flatMap(withoutBack);
    context.footnotes.set(id, clean.map((c) => (isElement(c) && c.tag === 'p' ? paragraphOnOneLine(c, context) : inline([c], context))).join(' ').replace(/\s+/g, ' ').trim());
  }
}

export const isFootnoteList = (element: Element): boolean =>
  element.tag === 'ol' && element.children.filter(isElement).some((li) => /^(foot|end)note-\d+$/.test(li.attrs.id ?? ''));

