// A Markdown text as a reader of the printed plan reads it, for the changes vplan diff lists: no **,
// *, # or | syntax, a list item a line, a table row a line of its cells, a footnote's marker as printed.
import type MarkdownIt from 'markdown-it';
import { markdownParser } from '../render/markdown.js';

type Token = ReturnType<MarkdownIt['parse']>[number];

/**
 * Between a table row's cells: a mark the reader sees as a column's edge, which prose rarely has; and
 * after a row, so that rows stay apart where a changed passage is shown on one line.
 */
const CELL = ' · ';
const ROW = ';';

/** The footnote marker the PDF prints: *, **, *** and then numbers (render/markdown.ts). */
const footnoteMarker = (token: Token) => {
  const n = Number(token.meta?.id) + 1;
  return n <= 3 ? '*'.repeat(n) : String(n);
};

const ordered = (item: Token) => item.markup === '.' || item.markup === ')';

/** The words of an inline token's parts: text, code, line breaks, an image's description. */
function inlineWords(children: readonly Token[] | null): string {
  return (children ?? [])
    .map((t) => {
      if (t.type === 'text' || t.type === 'code_inline') return t.content;
      if (t.type === 'softbreak') return ' ';
      if (t.type === 'hardbreak') return '\n';
      // A figure prints its caption (the image's title), another image its description.
      if (t.type === 'image') return t.attrGet('title') || inlineWords(t.children);
      if (t.type === 'footnote_ref') return footnoteMarker(t);
      return '';
    })
    .join('');
}

/** A text written in Markdown (a section's text, the preface) as the words it prints, paragraph by paragraph. */
export function readingText(markdown: string): string {
  const tokens = markdownParser().parse(markdown, {});
  const out: string[] = [];
  let row: string[] | undefined;
  // The next item's number in each open ordered list, innermost last.
  const numbers: number[] = [];
  const newLine = () => {
    if (out.length > 0 && !out.at(-1)!.endsWith('\n')) out.push('\n');
  };
  for (const token of tokens) {
    switch (token.type) {
      case 'inline':
        if (row) row.push(inlineWords(token.children).trim());
        else out.push(inlineWords(token.children));
        break;
      case 'ordered_list_open':
        numbers.push(Number(token.attrGet('start') ?? 1));
        newLine();
        break;
      case 'bullet_list_open':
        // A list inside an item starts on a line of its own.
        newLine();
        break;
      case 'ordered_list_close':
        numbers.pop();
        out.push('\n');
        break;
      case 'bullet_list_close':
        out.push('\n');
        break;
      case 'list_item_open':
        // A numbered item keeps its number, as printed; a bullet is the line itself.
        if (ordered(token)) out.push(`${numbers.at(-1) ?? 1}${token.markup} `);
        break;
      case 'list_item_close':
        if (ordered(token) && numbers.length > 0) numbers[numbers.length - 1]! += 1;
        out.push('\n');
        break;
      case 'tr_open':
        row = [];
        break;
      case 'tr_close':
        out.push(`${(row ?? []).join(CELL)}${ROW}\n`);
        row = undefined;
        break;
      case 'footnote_open':
        out.push(`${footnoteMarker(token)} `);
        break;
      case 'code_block':
      case 'fence':
        out.push(`${token.content}\n`);
        break;
      case 'paragraph_close':
        if (!token.hidden) out.push('\n\n');
        break;
      case 'table_close':
        // The last row needs no mark after it.
        out.push(out.pop()!.replace(/;\n$/, '\n'), '\n');
        break;
      case 'heading_close':
      case 'blockquote_close':
        out.push('\n\n');
        break;
    }
  }
  return out
    .join('')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** One line of Markdown (a note, a goal) as the words it prints. */
export function readingLine(markdown: string): string {
  const [inline] = markdownParser().parseInline(markdown, {});
  return inlineWords(inline?.children ?? null).trim();
}
