// vplan init <mapp>: a new plan folder that builds at once. Asks for the förbund's name, the budget
// year and the members when run in a terminal; takes them from flags, or defaults, otherwise.
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { SCHEMA_FILE } from '../convert/write.js';
import { writeSchemaBeside } from './convert.js';
import { refuseInArchive } from '../guard.js';
import { DEFAULT_MEMBERS, guessKind, planYaml, sectionFiles, type Member } from '../init/newPlan.js';
import { UsageError } from './report.js';
import { invocation } from './invocation.js';

export interface InitOptions {
  name: string | undefined;
  year: string | undefined;
  /** The members, separated by commas, as the question takes them. */
  members?: string | undefined;
  /** Ask for what the flags do not give (a terminal on both ends). */
  interactive: boolean;
}

function parseYear(value: string, source: string): number {
  const year = Number(value.trim());
  if (!Number.isInteger(year) || year < 1990 || year > 2100) throw new UsageError(`${source} ska vara ett årtal, t.ex. --year ${new Date().getFullYear() + 1}`);
  return year;
}

function parseMembers(value: string, source: string): Member[] {
  const names = value.split(',').map((s) => s.trim()).filter(Boolean);
  if (names.length === 0) throw new UsageError(`${source}: skriv medlemmarna åtskilda med komma, t.ex. --members "Försäkringskassan, Arbetsförmedlingen, Region X, X kommun"`);
  return names.map((n) => ({ name: n, kind: guessKind(n) }));
}

async function ask(options: InitOptions): Promise<{ name: string; year: number; members: Member[] }> {
  const defaultYear = new Date().getFullYear() + 1;
  let name = options.name?.trim() || 'Samordningsförbundet Exempel';
  let year = options.year !== undefined ? parseYear(options.year, '--year') : defaultYear;
  let members = options.members !== undefined ? parseMembers(options.members, '--members') : DEFAULT_MEMBERS;
  if (!options.interactive) return { name, year, members };
  // Lines are read as they come (typed ahead too); an empty answer or Ctrl+D keeps the default.
  const rl = createInterface({ input: process.stdin, terminal: false });
  const lines = rl[Symbol.asyncIterator]();
  const question = async (prompt: string): Promise<string> => {
    process.stdout.write(prompt);
    const line = await lines.next();
    if (line.done) process.stdout.write('\n');
    return line.done ? '' : String(line.value).trim();
  };
  try {
    if (options.name === undefined) name = (await question(`Förbundets namn [${name}]: `)) || name;
    if (options.year === undefined) {
      const answer = await question(`Budgetår [${year}]: `);
      if (answer) year = parseYear(answer, 'Budgetåret');
    }
    if (options.members === undefined) {
      const answer = await question(`Medlemmar, åtskilda med komma [${members.map((m) => m.name).join(', ')}]: `);
      if (answer) members = parseMembers(answer, 'Medlemmarna');
    }
  } finally {
    rl.close();
  }
  return { name, year, members };
}

export async function commandInit(args: string[], options: InitOptions): Promise<number> {
  const [folder, ...extra] = args;
  if (folder === undefined || extra.length > 0) throw new UsageError('ange en mapp för den nya planen: vplan init min-plan');
  await refuseInArchive(folder, '', undefined, 'den nya planen', 'min-plan');
  const existing = await readdir(folder).catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? [] : null));
  if (existing === null) throw new UsageError(`${folder} finns redan och är ingen mapp; välj ett annat namn`);
  if (existing.length > 0) throw new UsageError(`mappen ${folder} finns redan och är inte tom; vplan init skriver bara i en ny eller tom mapp`);
  const plan = await ask(options);
  if (!plan.members.some((m) => m.kind === 'stat')) plan.members = [{ name: 'Försäkringskassan', kind: 'stat' }, ...plan.members];
  await mkdir(path.join(folder, 'avsnitt'), { recursive: true });
  await writeFile(path.join(folder, 'plan.yaml'), planYaml(plan, `./${SCHEMA_FILE}`));
  for (const [name, text] of sectionFiles(plan)) await writeFile(path.join(folder, 'avsnitt', name), text);
  await writeSchemaBeside(folder);
  process.stdout.write(
    `Ny plan i ${folder}/: plan.yaml (dokument och budget) och avsnitt/ (ett avsnitt per Markdown-fil).\n` +
      `Bygg och se den:  ${await invocation()} watch ${folder} --serve\n`,
  );
  return 0;
}
