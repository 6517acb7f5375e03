// Which page a plan is rendered as: the one the browser prints to PDF, or the one for the förbund's
// website (vplan build --web). The web page uses the same templates, with templates/web/ on top.
export type Variant = 'print' | 'web';

/** The web page's own templates: its layout, the partials it replaces, and its stylesheet after the theme's. */
export const WEB_VARIANT = {
  layout: 'web/layout.hbs',
  partials: 'web/partials',
  css: 'web/web.css',
} as const;
