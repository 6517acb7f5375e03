// vplan convert <plan> --to json|yaml|folder --out <sökväg>: the same plan in another form. The result
// is read back and must be the same plan, so converting never changes what is printed.
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { VplanError } from '../errors.js';
import { canonicalJson, loadPlan, type LoadedPlan } from '../load/loadPlan.js';
import { FOLDER_PLAN } from '../load/folder.js';
import { planJsonSchema } from '../load/jsonSchema.js';
import { SCHEMA_FILE, planToFolder, planToJson, planToYaml, type PreviousForm } from '../convert/write.js';
import type { KeySource } from '../convert/keep.js';
import { UsageError } from './report.js';
import { inside, refuseInArchive } from '../guard.js';

const FORMS = ['json', 'yaml', 'folder'] as const;
export type Form = (typeof FORMS)[number];

export async function writeSchemaBeside(dir: string): Promise<void> {
  const target = path.join(dir, SCHEMA_FILE);
  // A copy for the editor. One written by an earlier vplan is refreshed; any other file is left alone.
  const existing = await readFile(target, 'utf8').catch(() => undefined);
  if (existing !== undefined && !isVplanSchema(existing)) return;
  await writeFile(target, `${JSON.stringify(planJsonSchema(), null, 2)}\n`);
}

function isVplanSchema(text: string): boolean {
  try {
    const schema = JSON.parse(text) as { description?: unknown };
    return typeof schema.description === 'string' && schema.description.includes('(vplan)');
  } catch {
    return false;
  }
}

/** A plan is written only where nothing is: a new file, or a new or empty folder. */
export async function refuseExisting(out: string, to: Form): Promise<void> {
  const exists = await stat(out).catch(() => undefined);
  if (to === 'folder') {
    if (exists && (!exists.isDirectory() || (await readdir(out)).length > 0)) {
      throw new VplanError(`--out ${out}: finns redan och är ${exists.isDirectory() ? 'inte en tom mapp' : 'en fil'}; vplan skriver inte över något.`, 'Välj en ny mapp.');
    }
  } else if (exists) {
    throw new VplanError(`--out ${out}: filen finns redan; vplan skriver inte över den.`, 'Välj ett nytt filnamn.');
  }
}

/**
 * The YAML texts a plan was read from, for writing a changed plan with the user's comments and style
 * (savePlan); undefined for a JSON plan.
 */
export function previousForm(loaded: LoadedPlan, rename?: (name: string) => string, sourceOf?: KeySource): PreviousForm | undefined {
  if (loaded.form === 'json') return undefined;
  const text = (name: string | undefined) => {
    const file = loaded.files.find((f) => f.name === name);
    return file && new TextDecoder().decode(file.bytes).replace(/^\uFEFF/, '');
  };
  const yaml = text(loaded.form === 'folder' ? FOLDER_PLAN : loaded.files[0]?.name);
  if (yaml === undefined) return undefined;
  const sections = loaded.sectionFiles?.map((name) => {
    const content = text(name);
    return name !== undefined && content !== undefined ? { name, text: content } : undefined;
  });
  return { yaml, sections, rename, sourceOf, lost: [] };
}

/** Files written afresh: their comments and layout could not be kept (never expected; said, not hidden). */
export const keptNothing = (files: string[]) =>
  `  varning: kommentarerna och uppställningen i ${files.join(', ')} kunde inte behållas; filen skrevs på nytt med samma innehåll. Jämför med den gamla planen.\n`;

/**
 * Writes a plan's value in a form, with the schema beside it for the editor. With `previous` (the plan
 * it was changed from, in the same form), the user's comments and style stay.
 */
export async function savePlan(value: Record<string, unknown>, to: Form, out: string, previous?: PreviousForm): Promise<void> {
  const schemaPath = `./${SCHEMA_FILE}`;
  if (to === 'folder') {
    for (const [name, text] of planToFolder(value, schemaPath, previous)) {
      const target = path.join(out, name);
      // Only new files, and only in the new folder (planToFolder keeps names inside it).
      if (!inside(target, out)) throw new VplanError(`${name}: ligger utanför ${out}; ingen fil skrevs där.`);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, text, { flag: 'wx' });
    }
    await writeSchemaBeside(out);
  } else {
    await mkdir(path.dirname(path.resolve(out)), { recursive: true });
    await writeFile(out, to === 'json' ? planToJson(value, schemaPath) : planToYaml(value, schemaPath, previous));
    await writeSchemaBeside(path.dirname(path.resolve(out)));
  }
}

export async function commandConvert(args: string[], options: { to: string | undefined; out: string | undefined }): Promise<number> {
  const [file, ...extra] = args;
  if (file === undefined || extra.length > 0) throw new UsageError('ange en plan: vplan convert plan.json --to yaml --out plan.yaml');
  if (!options.to || !(FORMS as readonly string[]).includes(options.to)) throw new UsageError('--to ska vara json, yaml eller folder');
  if (!options.out) throw new UsageError('ange var den nya planen skrivs: --out plan.yaml (eller en ny mapp med --to folder)');
  const to = options.to as Form;
  const out = options.out;
  // The file's ending says how it is read back (planForm): a YAML plan in x.json could not be.
  const ending = { json: /\.json$/i, yaml: /\.ya?ml$/i }[to === 'folder' ? 'json' : to];
  if (to === 'folder' ? /\.(json|ya?ml)$/i.test(out) : !ending.test(out)) {
    throw new UsageError(
      to === 'folder' ? `--to folder skriver en mapp, inte filen ${out}: ange t.ex. --out min-plan` : `--to ${to} skriver en .${to === 'json' ? 'json' : 'yaml'}-fil: ange t.ex. --out plan.${to === 'json' ? 'json' : 'yaml'}`,
    );
  }
  await refuseInArchive(out, '--out', undefined, 'planen', to === 'folder' ? 'min-plan' : `plan.${to}`);
  await refuseExisting(out, to);
  const loaded = await loadPlan(file);
  const value = loaded.parsed.value as Record<string, unknown>;
  await savePlan(value, to, out);
  const back = await loadPlan(out);
  if (canonicalJson(back.parsed.value) !== canonicalJson(value)) {
    throw new VplanError(`${out}: den konverterade planen läses inte tillbaka som samma plan.`, 'Rapportera det som ett fel i vplan; originalet är orört.');
  }
  process.stdout.write(`${file} → ${out} (${to === 'folder' ? 'planmapp' : to.toUpperCase()}); samma plan, samma PDF.\n`);
  return 0;
}
