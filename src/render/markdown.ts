// Prose: Markdown with raw HTML off, links only to the web and mail, footnotes as
// asterisk notes under their section, an attribution line under a quotation, and tables with row and
// column headers.
import MarkdownIt, { type PluginSimple } from 'markdown-it';
import footnote from 'markdown-it-footnote';
import { installFigures, type FigureImage } from './figures.js';
import { installTableHeaders } from './markdownTables.js';
import { keepNumbersTogether, NBSP, NUMBER_UNIT } from '../format.js';

type Renderer = MarkdownIt['renderer'];
type RenderRule = NonNullable<Renderer['rules'][string]>;

const SAFE_LINK = /^(https?:|mailto:|#)/i;
const ATTRIBUTION = /^(—|–|--)\s*/;

function footnoteMarker(n: number): string {
  return n <= 3 ? '*'.repeat(n) : String(n);
}

export function createMarkdown(): MarkdownIt {
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false, breaks: false });
  // Every link is parsed as a link, so that one to anything but the web, mail or the document itself
  // (javascript:, file:, data: …) can be dropped below and its text kept, instead of printing its source.
  md.validateLink = () => true;
  md.core.ruler.push('unsafe_links', (state) => {
    for (const block of state.tokens) {
      if (!block.children) continue;
      // Links do not nest in Markdown: the next link_close after a dropped link_open is its own.
      let dropping = false;
      const kept = block.children.filter((token) => {
        if (token.type === 'link_open' && !SAFE_LINK.test((token.attrGet('href') ?? '').trim())) {
          dropping = true;
          return false;
        }
        if (token.type === 'link_close' && dropping) {
          dropping = false;
          return false;
        }
        return true;
      });
      block.children = kept;
    }
    return true;
  });
  md.use(footnote as unknown as PluginSimple);

  // An image alone in its paragraph is a figure, inlined from the plan's own files (figures.ts);
  // any other image would make the browser fetch it: its description is printed instead.
  installFigures(md);

  const anchorName: RenderRule = (tokens, idx, _options, env: { docId?: string }) =>
    `${env.docId ?? 'fn'}-${Number(tokens[idx]!.meta.id) + 1}`;
  md.renderer.rules.footnote_anchor_name = anchorName;
  md.renderer.rules.footnote_caption = ((tokens, idx) => footnoteMarker(Number(tokens[idx]!.meta.id) + 1)) as RenderRule;
  md.renderer.rules.footnote_ref = ((tokens, idx, options, env, self) => {
    const id = anchorName(tokens, idx, options, env, self);
    const caption = footnoteMarker(Number(tokens[idx]!.meta.id) + 1);
    return `<sup class="footnote-ref"><a href="#fn-${id}" id="fnref-${id}-${Number(tokens[idx]!.meta.subId)}">${caption}</a></sup>`;
  }) as RenderRule;
  md.renderer.rules.footnote_block_open = () => '<div class="footnotes" role="note">\n';
  md.renderer.rules.footnote_block_close = () => '</div>\n';
  md.renderer.rules.footnote_open = ((tokens, idx, options, env, self) => {
    const id = anchorName(tokens, idx, options, env, self);
    return `<div class="footnote" id="fn-${id}"><span class="footnote-marker">${footnoteMarker(Number(tokens[idx]!.meta.id) + 1)}</span> `;
  }) as RenderRule;
  md.renderer.rules.footnote_close = () => '</div>\n';
  md.renderer.rules.footnote_anchor = () => '';

  // "> quotation" followed by "> — Name": the last line becomes the quotation's attribution.
  md.core.ruler.push('attribution', (state) => {
    const tokens = state.tokens;
    for (let i = 0; i < tokens.length; i++) {
      if (tokens[i]!.type !== 'blockquote_close') continue;
      // The blockquote's last paragraph is paragraph_open, inline, paragraph_close just before it.
      const close = tokens[i - 1];
      const inline = tokens[i - 2];
      const open = tokens[i - 3];
      if (close?.type !== 'paragraph_close' || inline?.type !== 'inline' || open?.type !== 'paragraph_open') continue;
      // A quotation that is only a dash line ("> – Vi samverkar, säger hon.") is a quoted reply, not its source.
      if (tokens[i - 4]?.type === 'blockquote_open') continue;
      if (!ATTRIBUTION.test(inline.content)) continue;
      open.attrJoin('class', 'attribution');
      const first = inline.children?.[0];
      if (first?.type === 'text') first.content = `— ${first.content.replace(ATTRIBUTION, '')}`;
    }
    return true;
  });

  md.core.ruler.push('text_headings', (state) => {
    shiftHeadings(state.tokens, state.env as MarkdownEnv);
    return true;
  });

  // A number stays on one line with its digit groups and its unit ("2 400", "50 %"), also across a line
  // break in the source; code is not text and keeps its spaces, and a link's address is no text at all.
  md.core.ruler.push('keep_numbers', (state) => {
    for (const block of state.tokens) if (block.children) keepNumbers(block.children);
    return true;
  });

  // Tables: the heading row heads the columns, the first column the rows (markdownTables.ts).
  installTableHeaders(md);

  // A line like "Source — Name" inside a paragraph stays as written; only a paragraph of its own counts.
  return md;
}

/** The end of a text a number's next digit group or unit may follow on the next source line. */
const NUMBER_END = /(?:^|[^\d,])\d{1,3}(?:[ \u00a0]\d{3})*$/;
const UNIT_OR_GROUP_START = new RegExp(String.raw`^(?:\d{3}(?!\d)|${NUMBER_UNIT})`, 'u');

function keepNumbers(children: Token[]): void {
  children.forEach((token, i) => {
    const before = children[i - 1];
    const after = children[i + 1];
    if (token.type === 'softbreak' && before?.type === 'text' && after?.type === 'text' && NUMBER_END.test(before.content) && UNIT_OR_GROUP_START.test(after.content)) {
      token.type = 'text';
      token.content = NBSP;
    }
  });
  for (const token of children) if (token.type === 'text') token.content = keepNumbersTogether(token.content);
}

interface MarkdownEnv {
  docId?: string;
  /** The level of the section the text belongs to: its headings become sub-headings below it. */
  sectionLevel?: number;
  /** The plan's figures, by the file name the text gives (render/figures.ts). */
  images?: ReadonlyMap<string, FigureImage> | undefined;
}

type Token = ReturnType<MarkdownIt['parse']>[number];

/**
 * Headings in a section's text become its sub-headings: the text's highest heading (whatever its
 * number of #) one level below the section, the others below that as written, at most h6. Each gets
 * the section's heading style and an anchor, so that contents and bookmarks list it in its place.
 */
function shiftHeadings(tokens: Token[], env: MarkdownEnv): void {
  if (env.sectionLevel === undefined) return;
  const opens = tokens.filter((t) => t.type === 'heading_open');
  if (opens.length === 0) return;
  const top = Math.min(...opens.map((t) => Number(t.tag.slice(1))));
  let n = 0;
  for (let i = 0; i < tokens.length; i++) {
    const open = tokens[i]!;
    if (open.type !== 'heading_open') continue;
    const level = Math.min(6, env.sectionLevel + 1 + Number(open.tag.slice(1)) - top);
    const anchor = `${env.docId ?? 'text'}-rubrik-${++n}`;
    const close = tokens.slice(i).find((t) => t.type === 'heading_close')!;
    open.tag = close.tag = `h${level}`;
    open.attrSet('class', 'heading text-heading');
    open.attrSet('id', anchor);
    open.attrSet('data-anchor', anchor);
    open.meta = { ...open.meta, level, anchor };
  }
}

const shared = createMarkdown();

/**
 * Block Markdown to HTML; `docId` keeps footnote anchors unique within the document; with `sectionLevel`
 * the text's headings become that section's sub-headings; `images` are the plan's figures.
 */
export function renderMarkdown(
  source: string,
  docId: string,
  { sectionLevel, images }: { sectionLevel?: number | undefined; images?: ReadonlyMap<string, FigureImage> | undefined } = {},
): string {
  const env: MarkdownEnv = { docId, images };
  if (sectionLevel !== undefined) env.sectionLevel = sectionLevel;
  return shared.render(source, env);
}

export interface TextHeading {
  anchor: string;
  /** The heading's words, without Markdown. */
  title: string;
  level: number;
}

/** The sub-headings a section's text prints (see shiftHeadings), in order: for contents and checks. */
export function markdownHeadings(source: string, docId: string, sectionLevel: number): TextHeading[] {
  const tokens = shared.parse(source, { docId, sectionLevel } satisfies MarkdownEnv);
  const out: TextHeading[] = [];
  tokens.forEach((token, i) => {
    if (token.type !== 'heading_open') return;
    const inline = tokens[i + 1];
    const words = (inline?.children ?? [])
      .filter((c) => c.type === 'text' || c.type === 'code_inline' || c.type === 'softbreak' || c.type === 'hardbreak')
      .map((c) => (c.type === 'softbreak' || c.type === 'hardbreak' ? ' ' : c.content))
      .join('')
      .replace(/\s+/g, ' ')
      .trim();
    out.push({ anchor: String(token.meta.anchor), title: words, level: Number(token.meta.level) });
  });
  return out;
}

/** The parser texts are printed with: what counts as an image is what it finds. */
export const markdownParser = (): MarkdownIt => shared;

/** One line of Markdown (a list item, a goal) without a surrounding paragraph. */
export function renderInlineMarkdown(source: string): string {
  return shared.renderInline(source, {});
}
