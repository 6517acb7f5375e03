// Images in the text: a Markdown image standing alone in its paragraph, ![Alternativtext](bild.png "Bildtext"),
// becomes a figure – the picture (as a data: URL, so the printed page fetches nothing) with its
// alternative text, and the caption under it. The browser tags it /Figure with /Alt in the PDF.
import type MarkdownIt from 'markdown-it';

type Token = ReturnType<MarkdownIt['parse']>[number];
type RenderRule = NonNullable<MarkdownIt['renderer']['rules'][string]>;

/** An image file ready to print: its data: URL and its size in CSS pixels. */
export interface FigureImage {
  src: string;
  width: number;
  height: number;
}

/** The env a Markdown text is rendered with: the plan's images by the name the text gives them. */
export interface FigureEnv {
  images?: ReadonlyMap<string, FigureImage> | undefined;
}

/** An image in a Markdown text as written. */
export interface MarkdownImage {
  /** The file as written (percent-escapes decoded). */
  file: string;
  alt: string;
  caption: string | undefined;
  /** Alone in a paragraph of its own at the text's top level: only such an image becomes a figure. */
  alone: boolean;
}

const isBlank = (token: Token) => (token.type === 'text' && token.content.trim() === '') || token.type === 'softbreak';

/** The image a paragraph consists of, if it consists of one image and nothing else. */
function loneImage(tokens: Token[], i: number): Token | undefined {
  const open = tokens[i];
  const inline = tokens[i + 1];
  if (open?.type !== 'paragraph_open' || open.hidden || open.level !== 0 || inline?.type !== 'inline') return undefined;
  const parts = (inline.children ?? []).filter((t) => !isBlank(t));
  return parts.length === 1 && parts[0]!.type === 'image' ? parts[0] : undefined;
}

const altText = (token: Token) => (token.children ? token.children.map((t) => t.content).join('') : token.content);

/** Every image in a Markdown text, found by the same parser that prints it. */
export function markdownImages(md: MarkdownIt, source: string): MarkdownImage[] {
  if (!source.includes('![')) return [];
  const tokens = md.parse(source, {});
  const lone = new Set(tokens.flatMap((_, i) => loneImage(tokens, i) ?? []));
  return tokens.flatMap((block) =>
    (block.children ?? [])
      .filter((t) => t.type === 'image')
      .map((t) => ({
        file: md.normalizeLinkText(t.attrGet('src') ?? ''),
        alt: altText(t).trim(),
        caption: t.attrGet('title')?.trim() || undefined,
        alone: lone.has(t),
      })),
  );
}

/** Figures for lone images; any other image prints its alternative text (the check refuses it first). */
export function installFigures(md: MarkdownIt): void {
  md.core.ruler.push('figures', (state) => {
    const tokens = state.tokens;
    for (let i = 0; i < tokens.length; i++) {
      const image = loneImage(tokens, i);
      if (!image) continue;
      tokens[i]!.tag = 'figure';
      tokens[i]!.attrJoin('class', 'figure');
      tokens[i + 2]!.tag = 'figure';
      image.meta = { ...(image.meta as object | null), figure: true };
    }
    return true;
  });
  md.renderer.rules.image = ((tokens, idx, _options, env: FigureEnv) => {
    const token = tokens[idx]!;
    const alt = altText(token);
    const found = env.images?.get(md.normalizeLinkText(token.attrGet('src') ?? ''));
    if (!found || !(token.meta as { figure?: boolean } | null)?.figure) {
      return alt ? `<span class="image-alt">[${md.utils.escapeHtml(alt)}]</span>` : '';
    }
    const size = (n: number) => String(Math.max(1, Math.round(n)));
    const caption = token.attrGet('title')?.trim();
    return (
      `<img src="${found.src}" alt="${md.utils.escapeHtml(alt.trim())}" width="${size(found.width)}" height="${size(found.height)}">` +
      (caption ? `<figcaption>${md.utils.escapeHtml(caption)}</figcaption>` : '')
    );
  }) as RenderRule;
}
