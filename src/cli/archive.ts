// vplan archive: file a version under its dnr, list the filed versions, verify them (and rebuild them).
import { isDecided } from '../compute/status.js';
import path from 'node:path';
import { checkPlan, PrintSession } from '../build.js';
import { withPosition } from '../load/loadPlan.js';
import { buildFiledPdf, fileVersion, listVersions, sourcesOf, rebuildVersions, verifyArchive, type VerifyProblem } from '../archive/archive.js';
import { staleDecision } from '../archive/decision.js';
import { VERSION } from '../version.js';
import { VplanError } from '../errors.js';
import { archivePlace } from '../archive/place.js';
import { UsageError, printWarnings } from './report.js';
import { formatTimestampSv } from '../format.js';

export interface ArchiveOptions {
  archiveDir: string;
  browser: string | undefined;
  /** File a version even when the plan is that of the latest one. */
  force: boolean;
  /** verify: also rebuild every version and compare the PDFs. */
  rebuild: boolean;
}

const checksumLine = (sha: string, manifest: string) => `Kontrollsumma ${sha}, anteckna den i diariet (SHA-256 av ${manifest}).\n`;
const versions = (n: number) => `${n} ${n === 1 ? 'version' : 'versioner'}`;

function printProblems(problems: VerifyProblem[]): void {
  for (const p of problems) process.stderr.write(`${path.join(p.dir, p.file)}: ${p.problem}${p.detail ? ` (${p.detail})` : ''}\n`);
}

/** A path as a shell word: as written when it is plain, else in single quotes. */
const shellWord = (word: string) => (/^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`);
const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * Files and folders that may be written to and that no problem names, as one note. With no problem,
 * the command that makes their version folders read-only again (only those: the dnr folder must stay
 * writable for the next filing), after the checksum is compared with the diarium: a writable file may
 * have been changed and its manifests recomputed, which only the diarium shows. With problems, no
 * command: write-protecting a changed version would hide what happened.
 */
function writableNote(writable: VerifyProblem[], problems: number): string {
  const folders = writable.filter((p) => p.folder).length;
  const files = writable.length - folders;
  const what = [files > 0 ? count(files, 'fil', 'filer') : '', folders > 0 ? count(folders, 'mapp', 'mappar') : ''].filter(Boolean).join(' och ');
  const one = writable.length === 1;
  if (problems > 0) {
    return `Obs: dessutom är ${what} i arkivet ${one ? 'skrivbar' : 'skrivbara'}. Skrivskydda inget förrän felen är utredda och arkivet återställt.\n`;
  }
  const versionDirs = [...new Set(writable.map((p) => p.dir))];
  return (
    `Obs: ${what} i arkivet ${one ? 'är skrivbar' : 'är skrivbara'}. ${one ? 'Den stämmer' : 'De stämmer'} med manifesten, som efter en kopia som tappat skrivskyddet, ` +
    `men en skrivbar fil kan också ha ändrats och manifesten räknats om. Jämför kontrollsumman nedan med diariet innan du skrivskyddar ${one ? 'den' : 'dem'} med: ` +
    `chmod -R a-w ${versionDirs.map(shellWord).join(' ')}\n`
  );
}

/** --archive naming a filed version or a dnr folder (of this archive or another): never an archive of its own. */
async function refuseArchiveInArchive(archiveDir: string): Promise<void> {
  const place = await archivePlace(archiveDir);
  if (!place || place.kind === 'archive') return;
  const root = path.relative(process.cwd(), path.dirname(place.kind === 'version' ? path.dirname(place.dir) : place.dir)) || '.';
  const what = place.kind === 'version' ? `i en arkiverad version (${place.dir}), som aldrig ändras` : `i arkivets mapp för ett diarienummer (${place.dir})`;
  throw new VplanError(`--archive ${archiveDir}: det är ${what}, inte ett arkivs mapp.`, `Ange arkivets mapp, t.ex. --archive ${shellWord(root)}.`);
}

export async function commandArchive(args: string[], options: ArchiveOptions): Promise<number> {
  const { archiveDir } = options;
  const [first, ...rest] = args;
  if (first === undefined) throw new UsageError('ange en planfil, list eller verify: vplan archive data/plan.json');
  const subcommand = (first === 'list' || first === 'verify') && !first.endsWith('.json') ? first : undefined;
  if (options.force && subcommand) throw new UsageError(`--force hör till vplan archive <plan.json>, inte archive ${subcommand}`);
  if (options.rebuild && subcommand !== 'verify') throw new UsageError('--rebuild hör till vplan archive verify');
  await refuseArchiveInArchive(archiveDir);
  if (subcommand) {
    if (rest.length > 1) throw new UsageError(`vplan archive ${subcommand} tar högst ett diarienummer`);
    return subcommand === 'list' ? list(archiveDir, rest[0]) : verify(options, rest[0]);
  }
  if (rest.length > 0) throw new UsageError('vplan archive arkiverar en plan i taget');
  const session = new PrintSession(options.browser);
  try {
    const { plan, loaded, warnings } = await checkPlan(first);
    printWarnings(first, warnings);
    const outcome = await fileVersion(plan, sourcesOf(loaded), {
      archiveDir,
      version: VERSION,
      force: options.force,
      willBuild: () => session.warmUp(),
      build: (planFile, version) => buildFiledPdf(planFile, version, session, (w) => printWarnings(first, w.map((i) => withPosition(loaded.parsed, i)))),
    });
    if (!outcome.filed) {
      const { manifest, dir, manifestSha256 } = outcome.latest;
      process.stdout.write(
        `${first} är oförändrad sedan ${manifest.dnr} version ${manifest.version} (${path.join(dir, manifest.pdf)}): ingen ny version arkiverades.\n` +
          `Vill du ändå arkivera en ny version, använd --force.\n` +
          checksumLine(manifestSha256, path.join(dir, 'manifest.json')),
      );
      return 0;
    }
    const { manifest, dir, manifestSha256 } = outcome.version;
    if (outcome.renamed) {
      const { from, version } = outcome.renamed;
      process.stderr.write(`Obs: förbundet heter nu "${manifest.association}"; ${manifest.dnr} version ${version} arkiverades för "${from}" (--force).\n`);
    }
    // The version before, as the diarium should have it last: a version removed from the archive
    // (and head.json moved back) shows here as a number or checksum the diarium does not have last.
    const before = manifest.previous
      ? `Bygger på version ${manifest.previous.version} med kontrollsumma ${manifest.previous.sha256}: den ska vara diariets senaste anteckning för ${manifest.dnr}.\n`
      : `Första versionen av ${manifest.dnr} i ${options.archiveDir}: diariet ska inte ha någon version av den arkiverad.\n`;
    process.stdout.write(
      `${first} → ${manifest.dnr} version ${manifest.version}: ${path.join(dir, manifest.pdf)}\n` + checksumLine(manifestSha256, path.join(dir, 'manifest.json')) + before,
    );
    const stale = await staleDecision(plan, outcome.version, await listVersions(archiveDir, manifest.dnr).catch(() => []));
    if (stale) process.stderr.write(stale);
    return 0;
  } finally {
    await session.close();
  }
}

/**
 * The filed versions, each checked as verify checks it (cheap: hashing its files), so that no checksum
 * is shown as if it proved anything about a version whose files no longer match: a row says whether
 * the version's files and link hold, what else is wrong follows as verify says it, exit code 1.
 */
async function list(archiveDir: string, dnr: string | undefined): Promise<number> {
  const result = await verifyArchive(archiveDir, dnr, 'allowed');
  if (result.versions.length === 0 && result.problems.length === 0) {
    process.stdout.write(`Inga arkiverade versioner${dnr ? ` av ${dnr}` : ''} i ${archiveDir}.\n`);
    return 0;
  }
  const shown = new Set<VerifyProblem>();
  for (const { dir, manifest: m, manifestSha256 } of result.versions) {
    const own = result.problems.filter((p) => p.dir === dir);
    for (const p of own) shown.add(p);
    const decision = m.decisionDate ? `${isDecided(m.status) ? m.status : m.status === 'ingen' ? 'beslut' : 'beslut planerat'} ${m.decisionDate}` : '';
    const first = own[0];
    const mark = first
      ? `FEL: ${first.file || path.basename(dir)} ${first.problem}${own.length > 1 ? ` och ${count(own.length - 1, 'fel', 'fel')} till` : ''}`
      : 'filerna stämmer med manifestet';
    process.stdout.write(
      `${m.dnr}  version ${m.version}  ${m.association}  ${m.status}${decision ? `  (${decision})` : ''}  arkiverad ${formatTimestampSv(m.filedAt)}  ` +
        `${path.join(dir, m.pdf)}  kontrollsumma ${manifestSha256}  ${mark}\n`,
    );
  }
  // What belongs to no listed version: head.json, a missing or unreadable version, entries beside the versions.
  printProblems(result.problems.filter((p) => !shown.has(p)));
  const errors = result.problems.length;
  process.stdout.write(
    errors === 0
      ? `${count(result.versions.length, 'version', 'versioner')}; filerna stämmer med manifesten och kedjan är hel. Jämför kontrollsummorna med diariet.\n`
      : `${count(errors, 'fel', 'fel')} i arkivet: en kontrollsumma visar inte att versionen är som den arkiverades. Kör vplan archive verify${dnr ? ` "${dnr}"` : ''}.\n`,
  );
  return errors === 0 ? 0 : 1;
}

async function verify(options: ArchiveOptions, dnr: string | undefined): Promise<number> {
  const result = await verifyArchive(options.archiveDir, dnr);
  printProblems(result.problems);
  const errors = result.problems.length;
  const notes = result.writable.length > 0 ? 1 : 0;
  if (notes > 0) process.stdout.write(writableNote(result.writable, errors));
  for (const head of result.heads) {
    const sha = head.manifestSha256 ?? '(manifestet saknas eller är trasigt)';
    process.stdout.write(
      head.problems === 0
        ? `${head.dnr} (mappen ${head.folder}): senaste version ${head.version}, kontrollsumma ${sha} – jämför med diariet.\n`
        : `${head.dnr} (mappen ${head.folder}): inte intakt (${head.problems} fel); manifestet i ${path.basename(head.dir)} har kontrollsumma ${sha}.\n`,
    );
  }
  const checked = `${count(result.checked, 'version kontrollerad', 'versioner kontrollerade')}:`;
  const noted = notes > 0 ? `; ${count(notes, 'anmärkning', 'anmärkningar')} (skrivbara filer)` : '';
  process.stdout.write(
    errors === 0
      ? `${checked} alla filer stämmer med manifesten och kedjan är hel${noted}. ` +
          `Jämför senaste version och kontrollsumma med diariet: först när de stämmer vet du att inget ändrats.\n`
      : `${checked} ${errors} fel${noted}.\n`,
  );
  let failed = result.problems.length > 0;
  if (options.rebuild) {
    const session = new PrintSession(options.browser);
    try {
      const { rebuilt, problems } = await rebuildVersions(result.versions, session, VERSION);
      printProblems(problems);
      process.stdout.write(
        `${versions(rebuilt)} byggda om, ${problems.length === 0 ? 'varje PDF byte för byte lika den arkiverade' : `${problems.length} fel`}.\n`,
      );
      failed ||= problems.length > 0;
    } finally {
      await session.close();
    }
  }
  return failed ? 1 : 0;
}
