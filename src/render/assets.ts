// The project's own assets, read from disk and inlined: fonts, stylesheet and a plan's logo. The printed
// page therefore needs no request at all, and the browser can refuse every one.
import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { VplanError } from '../errors.js';
import { planBaseDir } from '../load/loadPlan.js';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const TEMPLATES_DIR = path.join(PROJECT_ROOT, 'templates');

const require = createRequire(import.meta.url);

/** Each face a theme's font needs: latin and latin-ext cover Swedish, the minus sign and dashes. */
const FONT_FACES = [400, 700].flatMap((weight) =>
  (['normal', 'italic'] as const).flatMap((style) => (['latin', 'latin-ext'] as const).map((subset) => ({ subset, weight, style }))),
);

const UNICODE_RANGES = {
  latin:
    'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD',
  'latin-ext':
    'U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF',
};

export interface FontSpec {
  /** A Fontsource package from the npm registry, e.g. "@fontsource/carlito". */
  package: string;
  /** The family name the theme's CSS uses, e.g. "Carlito". */
  family: string;
}

const fontCssCache = new Map<string, Promise<string>>();

/** @font-face rules with the font files inlined, so the page needs no request and the PDF embeds them. */
export type FontSubset = 'latin' | 'latin-ext';

export function fontCss(font: FontSpec, subsets: readonly FontSubset[] = ['latin', 'latin-ext']): Promise<string> {
  const key = `${font.package}|${font.family}|${subsets.join(',')}`;
  let cached = fontCssCache.get(key);
  if (!cached) {
    cached = (async () => {
      let dir: string;
      try {
        dir = path.join(path.dirname(require.resolve(`${font.package}/package.json`)), 'files');
      } catch {
        throw new VplanError(`Typsnittet ${font.family} saknas (paketet ${font.package}).`, 'Kör npm install i vplan-mappen.');
      }
      const id = font.package.split('/').pop()!;
      const faces = await Promise.all(
        FONT_FACES.filter((f) => subsets.includes(f.subset)).map(async (f) => {
          const file = path.join(dir, `${id}-${f.subset}-${f.weight}-${f.style}.woff2`);
          const data = await readFile(file).catch(() => {
            throw new VplanError(`Typsnittsfilen ${file} saknas.`, 'Kör npm install i vplan-mappen.');
          });
          return `@font-face{font-family:'${font.family}';font-style:${f.style};font-weight:${f.weight};font-display:block;src:url(data:font/woff2;base64,${data.toString('base64')}) format('woff2');unicode-range:${UNICODE_RANGES[f.subset]};}`;
        }),
      );
      return faces.join('\n');
    })();
    fontCssCache.set(key, cached);
  }
  return cached;
}

/** Characters the latin subset lacks (Swedish needs none of them): then latin-ext is embedded too. */
const LATIN_EXT = /[\u0100-\u02ff\u1d00-\u1dbf\u1e00-\u1eff\u20a0-\u20ab\u20ad-\u20c0\u2113\u2c60-\u2c7f\ua720-\ua7ff]/;

/** The font subsets a document's text needs. */
export function subsetsFor(text: string): FontSubset[] {
  return LATIN_EXT.test(text) ? ['latin', 'latin-ext'] : ['latin'];
}

const IMAGE_TYPES: Record<string, string> = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.svg': 'image/svg+xml' };

/** A logo next to the plan file as a data URI; a missing or unsupported file is an error before printing. */
export async function logoDataUri(planFile: string, logoFile: string): Promise<string> {
  const type = IMAGE_TYPES[path.extname(logoFile).toLowerCase()];
  if (!type) throw new VplanError(`Logotypen ${logoFile} har ett format som inte stöds.`, 'Använd en png-, jpg- eller svg-fil.');
  const full = path.resolve(planBaseDir(planFile), logoFile);
  const data = await readFile(full).catch(() => {
    throw new VplanError(`Logotypen ${full} finns inte.`, 'Kontrollera document.logo.file i planen (sökvägen är relativ till planfilen).');
  });
  return `data:${type};base64,${data.toString('base64')}`;
}

export const THEMES_DIR = path.join(TEMPLATES_DIR, 'themes');

/** The themes a plan can pick: the folders in templates/themes/ that have a theme.json. */
export async function listThemes(): Promise<string[]> {
  const entries = await readdir(THEMES_DIR, { withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isDirectory() && existsSync(path.join(THEMES_DIR, e.name, 'theme.json')))
    .map((e) => e.name)
    .sort();
}

export async function readTemplateFile(relative: string): Promise<string> {
  const full = path.join(TEMPLATES_DIR, relative);
  return readFile(full, 'utf8').catch(() => {
    throw new VplanError(`Mallen ${full} saknas.`, 'Mappen templates/ i vplan är ofullständig.');
  });
}

/** Partial names in a folder of templates/ (e.g. "partials" or "themes/modern/partials"). */
export async function listPartials(relativeDir: string, required = true): Promise<string[]> {
  const dir = path.join(TEMPLATES_DIR, relativeDir);
  const entries = await readdir(dir).catch(() => {
    if (!required) return [] as string[];
    throw new VplanError(`Mallmappen ${dir} saknas.`, 'Mappen templates/ i vplan är ofullständig.');
  });
  return entries.filter((e) => e.endsWith('.hbs')).map((e) => e.slice(0, -'.hbs'.length));
}
