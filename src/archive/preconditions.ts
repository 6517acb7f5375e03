// What filing checks besides the chain before it files a new version: a dnr folder with no version
// yet holds nothing else, and the plan is the same förbund's as the version before.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { VplanError } from '../errors.js';
import type { ComputedPlan } from '../model.js';
import { dnrEntries } from './entries.js';
import { step } from './fsError.js';
import { PLAN_FILE, readHead, type FiledVersion } from './manifest.js';

/** What lies in a dnr folder besides versions, head.json and locks, as one line; undefined when nothing. */
export async function strayProblems(dnrDir: string): Promise<string | undefined> {
  const { problems } = await step(dnrDir, 'läsa', () => dnrEntries(dnrDir));
  return problems.length > 0 ? problems.map((p) => `${p.file}: ${p.problem}${p.detail ? ` (${p.detail})` : ''}`).join('; ') : undefined;
}

/** A förbund's name as compared: spacing and letter case are no other förbund. */
const associationKey = (name: string) => name.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('sv');

/**
 * A dnr belongs to one förbund's diarium: a plan of another förbund (by its name) is not filed as the
 * next version of it. A förbund that changed its name files with --force, and is told so.
 */
export function otherAssociation(plan: ComputedPlan, entry: string, latest: FiledVersion, force: boolean): { from: string; version: number } | undefined {
  const from = latest.manifest.association;
  const name = plan.document.associationName;
  if (associationKey(from) === associationKey(name)) return undefined;
  const { dnr, version } = latest.manifest;
  if (force) return { from, version };
  const where = entry === PLAN_FILE ? 'document.dnr' : `dnr under document: i ${entry === '.' ? 'plan.yaml' : 'planen'}`;
  throw new VplanError(
    `${plan.file}: förbundet är "${name}", men ${dnr} version ${version} arkiverades för "${from}". Ett diarienummer hör till ett förbunds diarium; ingen ny version arkiverades.`,
    `Är det ett annat förbunds plan: rätta ${where} till det förbundets diarienummer, eller arkivera i dess arkiv med --archive. ` +
      `Har förbundet bytt namn: arkivera med --force (namnbytet står då i manifestet och i vplan archive list).`,
  );
}

/**
 * A dnr folder whose name differs from `folder` only in letter case ("KS-2024-1" for "ks 2024/1"):
 * two folders on Linux, one on Windows and macOS. Refused, naming the dnr filed there.
 */
export async function refuseCaseTwin(archiveDir: string, folder: string, dnr: string): Promise<void> {
  const entries = await readdir(archiveDir).catch(() => [] as string[]);
  const twin = entries.find((e) => e !== folder && e.toLowerCase() === folder.toLowerCase());
  if (!twin) return;
  const head = await readHead(path.join(archiveDir, twin)).catch(() => undefined);
  const filed = head?.dnr ?? twin;
  throw new VplanError(
    `Diarienumret ${dnr} skiljer sig från ${filed}, som redan finns i arkivet (mappen ${path.join(archiveDir, twin)}), bara i stora och små bokstäver; ingen version arkiverades.`,
    `Är det samma ärende, skriv document.dnr som i arkivet: "${filed}". På Windows och macOS skulle de två bli samma mapp.`,
  );
}
