// vplan's own templates precompiled at `npm run build` (scripts/precompile-templates.mjs writes
// dist/templates.precompiled.js, each template keyed by the SHA-256 of its source). A template file whose
// content still has a known hash is taken precompiled; any other (edited by a user, in watch mode, or
// no build yet) is compiled from its source as before. Both give the same HTML. Only then is Handlebars's
// compiler loaded: a build with vplan's own templates runs them with the Handlebars runtime alone.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type Handlebars from 'handlebars';
import runtime from 'handlebars/runtime.js';
import { PROJECT_ROOT } from '../root.js';

type Specs = Record<string, TemplateSpecification>;
type TemplateSpecification = Parameters<typeof Handlebars.template>[0];

/**
 * Handlebars without its compiler, which precompiled templates do not need (a fifth of a megabyte less to
 * load). Its type is Handlebars's own (the package types the runtime as an empty module): everything but
 * compile() and precompile(), which only handlebarsFor's other branch is used for.
 */
const Runtime = runtime as unknown as typeof Handlebars;

export const PRECOMPILED_FILE = path.join(PROJECT_ROOT, 'dist', 'templates.precompiled.js');

let loading: Promise<Specs> | undefined;

/** The precompiled templates; none when the file is missing or was made by another Handlebars. */
function precompiled(): Promise<Specs> {
  loading ??= existsSync(PRECOMPILED_FILE)
    ? import(pathToFileURL(PRECOMPILED_FILE).href).then(
        (m: { HANDLEBARS_VERSION?: string; templates?: Specs }) => (m.HANDLEBARS_VERSION === Runtime.VERSION && m.templates ? m.templates : {}),
        () => ({}),
      )
    : Promise.resolve({});
  return loading;
}

const sha256 = (source: string) => createHash('sha256').update(source).digest('hex');

/**
 * The Handlebars to make templates of these sources with: the runtime alone when all are vplan's own
 * (precompiled), else the whole Handlebars with its compiler, loaded only then.
 */
export async function handlebarsFor(sources: readonly string[]): Promise<typeof Handlebars> {
  const specs = await precompiled();
  if (sources.every((source) => Object.hasOwn(specs, sha256(source)))) return Runtime;
  return (await import('handlebars')).default;
}

/** A template of `hb` from its source: the precompiled one when the source is exactly vplan's, else compiled. */
export async function templateOf(hb: typeof Handlebars, source: string): Promise<Handlebars.TemplateDelegate> {
  const specs = await precompiled();
  const hash = sha256(source);
  const spec = Object.hasOwn(specs, hash) ? specs[hash] : undefined;
  return spec ? hb.template(spec) : hb.compile(source);
}
