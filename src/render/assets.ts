// The project's own assets, read from disk and inlined: stylesheet and a plan's logo (fonts: fonts.ts). The printed
// page therefore needs no request at all, and the browser can refuse every one.
import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { RunError, VplanError } from '../errors.js';
import { planBaseDir } from '../load/loadPlan.js';
import { PROJECT_ROOT } from '../root.js';

export { PROJECT_ROOT };
export const TEMPLATES_DIR = path.join(PROJECT_ROOT, 'templates');

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
    throw new RunError(`Mallen ${full} saknas.`, 'Mappen templates/ i vplan är ofullständig.');
  });
}

/** Partial names in a folder of templates/ (e.g. "partials" or "themes/modern/partials"). */
export async function listPartials(relativeDir: string, required = true): Promise<string[]> {
  const dir = path.join(TEMPLATES_DIR, relativeDir);
  const entries = await readdir(dir).catch(() => {
    if (!required) return [] as string[];
    throw new RunError(`Mallmappen ${dir} saknas.`, 'Mappen templates/ i vplan är ofullständig.');
  });
  return entries.filter((e) => e.endsWith('.hbs')).map((e) => e.slice(0, -'.hbs'.length));
}
