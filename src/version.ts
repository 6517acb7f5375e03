// vplan's own name and version, from package.json, for the PDF's metadata and --version.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from './root.js';

export const VERSION: string = (JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
export const GENERATOR = `vplan ${VERSION}`;
