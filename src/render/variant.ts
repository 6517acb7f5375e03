// Which page a plan is rendered as: the one the browser prints to PDF, or the one for the förbund's
// website (vplan build --web). The web page uses the same templates, with templates/web/ on top.
export type Variant = 'print' | 'web';

/** The web page's own templates: its layout, the partials it replaces, and its stylesheet after the theme's. */
export const WEB_VARIANT = {
  layout: 'web/layout.hbs',
  partials: 'web/partials',
  css: 'web/web.css',
} as const;

/**
 * How many levels below the PDF's own a section's heading is set. The PDF is a document of chapters: its
 * sections are h1 like the title page's title, and its bookmarks list them at the top. A web page has one
 * h1, the plan's title, and its sections below it: h2, their sub-sections h3, and so on (at most h6).
 */
export function headingShift(variant: Variant | undefined): number {
  return variant === 'web' ? 1 : 0;
}

/**
 * The stylesheets written for the PDF's headings (style.css, a theme's theme.css) on the web page: a rule
 * for h1.heading is for the web page's h2.heading, and so on, so that each heading looks as in the PDF.
 */
export function shiftHeadingSelectors(css: string, shift: number): string {
  if (shift === 0) return css;
  return css.replace(/\bh([1-6])(?=\.heading(?![\w-]))/g, (_, level: string) => `h${Math.min(6, Number(level) + shift)}`);
}
