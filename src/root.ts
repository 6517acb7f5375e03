// Where vplan's own files are: package.json, templates/, schema/ and the packages in node_modules. The
// code runs from src/ (tests), dist/ (tsc) or the bundle in dist/bundle/ (the vplan command), so the root
// is found by walking up from this module to the first folder with both package.json and templates/.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'templates'))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(from, '..');
  }
}

export const PROJECT_ROOT = findRoot(path.dirname(fileURLToPath(import.meta.url)));

/** require() as from vplan's package.json: a package's files (fonts, hyphenation patterns) wherever the code runs. */
export const projectRequire = createRequire(path.join(PROJECT_ROOT, 'package.json'));
