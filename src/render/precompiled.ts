// vplan's own templates precompiled at `npm run build` (scripts/precompile-templates.mjs writes
// dist/templates.precompiled.js, each template keyed by the SHA-256 of its source). A template file whose
// content still has a known hash is taken precompiled; any other (edited by a user, in watch mode, or
// no build yet) is compiled from its source as before. Both give the same HTML.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import Handlebars from 'handlebars';
import { PROJECT_ROOT } from '../root.js';

type Specs = Record<string, TemplateSpecification>;
type TemplateSpecification = Parameters<typeof Handlebars.template>[0];

export const PRECOMPILED_FILE = path.join(PROJECT_ROOT, 'dist', 'templates.precompiled.js');

let loading: Promise<Specs> | undefined;

/** The precompiled templates; none when the file is missing or was made by another Handlebars. */
function precompiled(): Promise<Specs> {
  loading ??= existsSync(PRECOMPILED_FILE)
    ? import(pathToFileURL(PRECOMPILED_FILE).href).then(
        (m: { HANDLEBARS_VERSION?: string; templates?: Specs }) => (m.HANDLEBARS_VERSION === Handlebars.VERSION && m.templates ? m.templates : {}),
        () => ({}),
      )
    : Promise.resolve({});
  return loading;
}

/** A template of `hb` from its source: the precompiled one when the source is exactly vplan's, else compiled. */
export async function templateOf(hb: typeof Handlebars, source: string): Promise<Handlebars.TemplateDelegate> {
  const specs = await precompiled();
  const hash = createHash('sha256').update(source).digest('hex');
  const spec = Object.hasOwn(specs, hash) ? specs[hash] : undefined;
  return spec ? hb.template(spec) : hb.compile(source);
}
