// Tables in a plan's Markdown text, headed as the budget tables are, in the PDF (tagged /TH) and on the
// web page alike: each cell of the heading row heads its column (<th scope="col">), and the first cell
// of each row heads its row (<th scope="row">), so that a screen reader says "Kansli, 2025: 800" and not
// a bare "800".
//
// The first column heads the rows in every table of two or more columns. In these plans it labels the
// row nearly always: an item, a member, a year, followed by its amounts. Guessing from the cells instead
// (text or numbers) would miss the years and codes that label rows, and a writer could neither see nor
// steer the guess; a first column taken as headers when it is not costs a screen reader one repeated
// word, a label missing leaves every number unexplained. (Markdown has no table without a heading row.)
// An empty cell heads nothing: an empty corner or first cell stays a <td>.
import type MarkdownIt from 'markdown-it';

type Token = ReturnType<MarkdownIt['parse']>[number];

/** A cell as a header of its column or row: <th scope="…">, `scope` first among its attributes. */
function headerCell(tokens: Token[], open: number, scope: 'col' | 'row'): void {
  setTag(tokens, open, 'th');
  tokens[open]!.attrs = [['scope', scope], ...(tokens[open]!.attrs ?? []).filter(([name]) => name !== 'scope')];
}

/** The tag of the cell opened at `open`, and of its close (the next cell close: cells do not nest). */
function setTag(tokens: Token[], open: number, tag: 'th' | 'td'): void {
  const close = tokens.findIndex((t, i) => i > open && (t.type === 'th_close' || t.type === 'td_close'));
  tokens[open]!.tag = tokens[close]!.tag = tag;
}

/** Whether the cell opened at `open` is empty: its inline content (the token after it) has no text. */
const isEmpty = (tokens: Token[], open: number) => (tokens[open + 1]?.type === 'inline' ? tokens[open + 1]!.content.trim() === '' : true);

function headTable(tokens: Token[], from: number, to: number): void {
  const headEnd = tokens.findIndex((t, i) => i > from && t.type === 'thead_close');
  const columns = headEnd > from && headEnd < to ? tokens.slice(from, headEnd).filter((t) => t.type === 'th_open').length : 0;
  let inBody = false;
  let firstOfRow = false;
  for (let i = from; i < to; i++) {
    const token = tokens[i]!;
    if (token.type === 'tbody_open') inBody = true;
    else if (token.type === 'tr_open') firstOfRow = true;
    else if (token.type === 'th_open') {
      if (isEmpty(tokens, i)) setTag(tokens, i, 'td');
      else headerCell(tokens, i, 'col');
    } else if (token.type === 'td_open') {
      if (inBody && firstOfRow && columns >= 2 && !isEmpty(tokens, i)) headerCell(tokens, i, 'row');
      firstOfRow = false;
    }
  }
}

/** Heads the columns and rows of every table in a text (tables do not nest in Markdown). */
export function installTableHeaders(md: MarkdownIt): void {
  md.core.ruler.push('table_headers', (state) => {
    const tokens = state.tokens;
    for (let i = 0; i < tokens.length; i++) {
      if (tokens[i]!.type !== 'table_open') continue;
      const close = tokens.findIndex((t, j) => j > i && t.type === 'table_close');
      if (close < 0) break;
      headTable(tokens, i, close);
      i = close;
    }
    return true;
  });
}
