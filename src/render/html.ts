// Render stage: the computed plan becomes one self-contained HTML document through the Handlebars
// templates in templates/. Helpers only format; every number shown was computed by the budget engine.
import type Handlebars from 'handlebars';
import type { ComputedPlan } from '../model.js';
import { formatDateSv, formatFixed, formatInteger, formatPercentTotal, headingLabel, keepNumbersTogether } from '../format.js';
import { renderInlineMarkdown, renderMarkdown } from './markdown.js';
import { figureImages } from './planImages.js';
import type { FigureImage } from './figures.js';
import { listPartials, logoDataUri, readTemplateFile } from './assets.js';
import { handlebarsFor, templateOf } from './precompiled.js';
import { fontFaceCss, fontStack, type FontSpec } from './fonts.js';
import { hyphenate } from './hyphenate.js';
import { runningTexts } from './runningHeader.js';
import { isStriped } from './zebra.js';
import { isDecided } from '../compute/status.js';
import { RunError, VplanError } from '../errors.js';
import { WEB_VARIANT, headingShift, shiftHeadingSelectors, type Variant } from './variant.js';
import { chartMeasure, registerChartHelpers } from '../charts/helpers.js';

export interface RenderOptions {
  /** vplan's own version, written into the document's metadata. */
  generator: string;
  /** 'web': the page for the förbund's website (vplan build --web, templates/web/); else the page to print. */
  variant?: Variant | undefined;
}

type Template = Handlebars.TemplateDelegate;

/**
 * A CSS string literal whose every character outside [A-Za-z0-9 ] is a hex escape, so text from a
 * plan can stand in a stylesheet (running headers) without ending the string or the <style> element.
 */
export function cssString(value: string): string {
  let out = '"';
  for (const char of value) {
    out += /[A-Za-z0-9 ]/.test(char) ? char : `\\${char.codePointAt(0)!.toString(16)} `;
  }
  return `${out}"`;
}

function createEnvironment(base: typeof Handlebars, variant: Variant): typeof Handlebars {
  const hb = base.create();
  const safe = (html: string) => new hb.SafeString(html);
  // A section of level 1 is an h1 in the PDF, an h2 on the web page (variant.ts).
  const shift = headingShift(variant);
  hb.registerHelper('money', (value: unknown) => (typeof value === 'number' ? formatInteger(value) : ''));
  hb.registerHelper('signedMoney', (value: unknown) =>
    typeof value === 'number' ? `${value > 0 ? '+' : ''}${formatInteger(value)}` : '',
  );
  hb.registerHelper('share', (hundredths: unknown) => (typeof hundredths === 'number' ? formatFixed(hundredths, 2) : ''));
  hb.registerHelper('percentTotal', (hundredths: unknown) => (typeof hundredths === 'number' ? formatPercentTotal(hundredths) : ''));
  hb.registerHelper('date', (iso: unknown, style: unknown) =>
    typeof iso === 'string' ? formatDateSv(iso, style === 'long' ? 'long' : 'iso') : '',
  );
  // With a section's level as third argument, the text's headings become that section's sub-headings;
  // with below="title" (the preface), the title's (an h1 in the PDF and on the web page alike). The
  // plan's figures (images in the text) come from the root context.
  hb.registerHelper('markdown', (source: unknown, docId: unknown, ...rest: unknown[]) => {
    const options = rest[rest.length - 1] as { hash?: { below?: unknown }; data?: { root?: { images?: Map<string, FigureImage> } } } | undefined;
    const sectionLevel = options?.hash?.below === 'title' ? 1 : rest.length > 1 && typeof rest[0] === 'number' ? rest[0] + shift : undefined;
    return typeof source === 'string' ? safe(renderMarkdown(source, String(docId), { sectionLevel, images: options?.data?.root?.images })) : '';
  });
  hb.registerHelper('inline', (source: unknown) => (typeof source === 'string' ? safe(renderInlineMarkdown(source)) : ''));
  hb.registerHelper('concat', (...parts: unknown[]) => parts.slice(0, -1).map(String).join(''));
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hb.registerHelper('or', (...args: unknown[]) => args.slice(0, -1).some(Boolean));
  hb.registerHelper('striped', (rows: unknown, index: unknown) => Array.isArray(rows) && isStriped(rows, Number(index)));
  hb.registerHelper('headingTag', (level: unknown) => `h${Math.min(Number(level) + shift, 6)}`);
  hb.registerHelper('sectionPartial', (type: unknown) => `section-${String(type)}`);
  hb.registerHelper('headingNumber', (number: unknown, level: unknown, numbering: unknown) =>
    headingLabel(typeof number === 'string' ? number : null, Number(level), numbering === '5.1.' ? '5.1.' : '5.1'),
  );
  // Soft hyphens in labels, headings and titles: a long word breaks at a syllable, not off the page.
  // Not on the web page, where they would stay in the text a screen reader reads, a reader copies and a
  // search looks through; the reader's browser breaks those words itself (web.css, hyphens: auto).
  // A number keeps its digit groups and unit on one line in labels and headings as in prose (markdown.ts).
  const hy = variant === 'web' ? keepNumbersTogether : (text: string) => hyphenate(keepNumbersTogether(text));
  hb.registerHelper('hy', (value: unknown) => (typeof value === 'string' || value instanceof String ? hy(String(value)) : ''));
  // A column heading keeps its year by the word before it ("Budget 2027", "Plan 2028–2029") in a table of
  // up to five columns of figures: long row labels then wrap, not the headings into "Budget" over "2027".
  // Six or more leave the labels too little room on A4 (a long word would break anywhere): there a
  // heading breaks before its year, which keeps its unit ("Medlemsbidrag" over "2025 (kr)"); the print
  // breaks a word too only if the table cannot fit otherwise (print/softHyphens.ts).
  // `more`: figure columns beside them (the contributions' share column).
  hb.registerHelper('hyColumn', (value: unknown, columns: unknown, ...rest: unknown[]) => {
    if (!(typeof value === 'string' || value instanceof String)) return '';
    const text = hy(String(value));
    const more = typeof rest[0] === 'number' ? rest[0] : 0;
    return typeof columns === 'number' && columns + more <= MAX_WHOLE_HEADINGS ? keepYear(keepUnit(text)) : keepUnit(text);
  });
  hb.registerHelper('cssString', (value: unknown) => safe(cssString(String(value ?? ''))));
  registerChartHelpers(hb);
  return hb;
}

/** Tables of up to this many columns of figures keep their headings' years by their words (hyColumn). */
const MAX_WHOLE_HEADINGS = 5;

/** A no-break space between the year (or years) a heading ends with and its unit in parentheses: "2025 (kr)". */
export const keepUnit = (heading: string): string => heading.replace(/(\d{4}(?:[–-]\d{2,4})?) (\([^()]*\))$/, '$1\u00a0$2');

/** A no-break space before the year (or years) a heading ends with, ahead of a unit in parentheses. */
export const keepYear = (heading: string): string => heading.replace(/ (\d{4}(?:[–-]\d{2,4})?(?:[ \u00a0]\([^()]*\))?)$/, (_, year: string) => `\u00a0${year}`);

interface ThemeFile {
  description?: string;
  fonts: FontSpec[];
}

interface CompiledTheme {
  layout: Template;
  css: string;
  fonts: FontSpec[];
}

const compiled = new Map<string, Promise<CompiledTheme>>();

/**
 * A theme is a folder templates/themes/NAME with theme.json (its fonts), theme.css (colours, fonts,
 * layout on top of style.css) and optionally partials/*.hbs that replace the shared partials of the
 * same name (e.g. its own title page). Adding one needs no code.
 */
async function loadTheme(name: string, variant: Variant): Promise<CompiledTheme> {
  let theme: ThemeFile;
  try {
    theme = JSON.parse(await readTemplateFile(`themes/${name}/theme.json`)) as ThemeFile;
  } catch (error) {
    if (error instanceof VplanError) throw new RunError(`Utseendet "${name}" finns inte (templates/themes/${name}/theme.json).`);
    throw new RunError(`templates/themes/${name}/theme.json är inte giltig JSON: ${(error as Error).message}`);
  }
  const read = async (dir: string, names: string[]) => Promise.all(names.map(async (n) => [n, await readTemplateFile(`${dir}/${n}.hbs`)] as const));
  // Shared partials first: a theme's (and the web variant's) of the same name replace them.
  const partials = [
    ...(await read('partials', await listPartials('partials'))),
    ...(await read(`themes/${name}/partials`, await listPartials(`themes/${name}/partials`, false))),
    ...(variant === 'web' ? await read(WEB_VARIANT.partials, await listPartials(WEB_VARIANT.partials)) : []),
  ];
  const layoutSource = await readTemplateFile(variant === 'web' ? WEB_VARIANT.layout : 'layout.hbs');
  const hb = createEnvironment(await handlebarsFor([layoutSource, ...partials.map(([, source]) => source)]), variant);
  const templates = await Promise.all(partials.map(async ([n, source]) => [n, await templateOf(hb, source)] as const));
  for (const [n, partial] of templates) hb.registerPartial(n, partial);
  const layout = await templateOf(hb, layoutSource);
  // The shared stylesheet and the theme's, their heading rules at the web page's levels (variant.ts); then the web page's own.
  const shared = (await Promise.all(['style.css', `themes/${name}/theme.css`].map(readTemplateFile))).join('\n');
  const cssText = [shiftHeadingSelectors(shared, headingShift(variant)), ...(variant === 'web' ? [await readTemplateFile(WEB_VARIANT.css)] : [])].join('\n');
  return { layout, css: cssText, fonts: theme.fonts ?? [] };
}

/** Templates are read once per process and theme; watch mode can drop this cache. */
export function resetTemplateCache(): void {
  compiled.clear();
}

/** A long title is set smaller on the title page, so that the page still holds it. */
function titleLength(title: string): 'long' | 'very-long' | undefined {
  if (title.length > 160) return 'very-long';
  if (title.length > 70) return 'long';
  return undefined;
}

function theme(name: string, variant: Variant = 'print'): Promise<CompiledTheme> {
  const key = `${name}|${variant}`;
  let theme = compiled.get(key);
  if (!theme) {
    theme = loadTheme(name, variant);
    compiled.set(key, theme);
    theme.catch(() => compiled.delete(key));
  }
  return theme;
}

/** The fonts a theme prints with, its own first and then the bundled fallbacks (see fonts.ts). */
export async function themeFontStack(name: string) {
  return fontStack((await theme(name)).fonts);
}

export async function renderHtml(plan: ComputedPlan, options: RenderOptions): Promise<string> {
  const { layout, css, fonts } = await theme(plan.document.theme, options.variant);
  const logo = plan.document.logo
    ? { src: await logoDataUri(plan.file, plan.document.logo.file), alt: plan.document.logo.alt }
    : undefined;
  const running = await runningTexts(plan.document, fonts[0]);
  const FONTS = '/*vplan-fonts*/';
  const stack = await fontStack(fonts);
  const html = layout({
    plan,
    images: await figureImages(plan),
    doc: plan.document,
    logo,
    css,
    fonts: FONTS,
    generator: options.generator,
    adopted: isDecided(plan.document.status.state),
    longDates: plan.document.dateStyle === 'long',
    running,
    titleLength: titleLength(plan.document.title),
    chartMeasure: await chartMeasure(plan, stack),
  });
  // Only the font files the text needs are inlined: a smaller page loads and prints faster.
  const fontFaces = await fontFaceCss(stack, html);
  return html.replace(FONTS, () => fontFaces);
}
