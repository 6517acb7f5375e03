// vplan's own name and version, from package.json, for the PDF's metadata and --version.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// dist/version.js or src/version.ts: the project is one folder up (as render/assets.ts says, without loading it).
const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const VERSION: string = (JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
export const GENERATOR = `vplan ${VERSION}`;
