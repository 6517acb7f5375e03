// Render stage: the computed plan becomes one self-contained HTML document through the Handlebars
// templates in templates/. Helpers only format; every number shown was computed by the budget engine.
import Handlebars from 'handlebars';
import type { ComputedPlan } from '../model.js';
import { formatDateSv, formatFixed, formatInteger, headingLabel } from '../format.js';
import { renderInlineMarkdown, renderMarkdown } from './markdown.js';
import { fontCss, listPartials, logoDataUri, readTemplateFile } from './assets.js';

export interface RenderOptions {
  /** vplan's own version, written into the document's metadata. */
  generator: string;
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

function createEnvironment(): typeof Handlebars {
  const hb = Handlebars.create();
  const safe = (html: string) => new hb.SafeString(html);
  hb.registerHelper('money', (value: unknown) => (typeof value === 'number' ? formatInteger(value) : ''));
  hb.registerHelper('share', (hundredths: unknown) => (typeof hundredths === 'number' ? formatFixed(hundredths, 2) : ''));
  hb.registerHelper('percentTotal', (hundredths: unknown) =>
    typeof hundredths === 'number' ? `${hundredths % 100 === 0 ? formatInteger(hundredths / 100) : formatFixed(hundredths, 2)}\u00a0%` : '',
  );
  hb.registerHelper('date', (iso: unknown, style: unknown) =>
    typeof iso === 'string' ? formatDateSv(iso, style === 'long' ? 'long' : 'iso') : '',
  );
  hb.registerHelper('markdown', (source: unknown, docId: unknown) =>
    typeof source === 'string' ? safe(renderMarkdown(source, String(docId))) : '',
  );
  hb.registerHelper('inline', (source: unknown) => (typeof source === 'string' ? safe(renderInlineMarkdown(source)) : ''));
  hb.registerHelper('concat', (...parts: unknown[]) => parts.slice(0, -1).map(String).join(''));
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hb.registerHelper('headingTag', (level: unknown) => `h${Math.min(Number(level), 6)}`);
  hb.registerHelper('sectionPartial', (type: unknown) => `section-${String(type)}`);
  hb.registerHelper('headingNumber', (number: unknown, level: unknown) =>
    headingLabel(typeof number === 'string' ? number : null, Number(level)),
  );
  hb.registerHelper('cssString', (value: unknown) => safe(cssString(String(value ?? ''))));
  return hb;
}

let compiled: Promise<{ layout: Template; css: string }> | undefined;

async function load(): Promise<{ layout: Template; css: string }> {
  const hb = createEnvironment();
  const names = await listPartials();
  await Promise.all(
    names.map(async (name) => hb.registerPartial(name, hb.compile(await readTemplateFile(`partials/${name}.hbs`), { strict: false }))),
  );
  const layout = hb.compile(await readTemplateFile('layout.hbs'));
  const css = await readTemplateFile('style.css');
  return { layout, css };
}

/** Templates are read once per process; watch mode (later) can drop this cache. */
export function resetTemplateCache(): void {
  compiled = undefined;
}

export async function renderHtml(plan: ComputedPlan, options: RenderOptions): Promise<string> {
  compiled ??= load();
  const { layout, css } = await compiled;
  const logo = plan.document.logo
    ? { src: await logoDataUri(plan.file, plan.document.logo.file), alt: plan.document.logo.alt }
    : undefined;
  return layout({
    plan,
    doc: plan.document,
    logo,
    css,
    fonts: await fontCss(),
    generator: options.generator,
    adopted: plan.document.status.state === 'fastställd',
    longDates: plan.document.dateStyle === 'long',
  });
}
