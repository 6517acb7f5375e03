// vplan archive: file a version under its dnr, list the filed versions, verify them.
import path from 'node:path';
import { checkPlan, printPlan, PrintSession } from '../build.js';
import { fileVersion, listVersions, verifyArchive } from '../archive/archive.js';
import { VERSION } from '../version.js';
import { UsageError, printWarnings } from './report.js';

export async function commandArchive(args: string[], archiveDir: string, browser: string | undefined): Promise<number> {
  const [first, ...rest] = args;
  if (first === undefined) throw new UsageError('ange en planfil, list eller verify: vplan archive data/plan.json');
  if ((first === 'list' || first === 'verify') && !first.endsWith('.json')) {
    if (rest.length > 1) throw new UsageError(`vplan archive ${first} tar högst ett diarienummer`);
    const dnr = rest[0];
    if (first === 'list') {
      const versions = await listVersions(archiveDir, dnr);
      if (versions.length === 0) {
        process.stdout.write(`Inga arkiverade versioner${dnr ? ` av ${dnr}` : ''} i ${archiveDir}.\n`);
        return 0;
      }
      for (const { dir, manifest: m } of versions) {
        const decision = m.decisionDate ? `${m.status === 'fastställd' ? 'fastställd' : 'beslut planerat'} ${m.decisionDate}` : '';
        process.stdout.write(
          `${m.dnr}  version ${m.version}  ${m.status}${decision ? `  (${decision})` : ''}  arkiverad ${m.filedAt}  ${path.join(dir, m.pdf ?? '')}\n`,
        );
      }
      return 0;
    }
    const { checked, problems } = await verifyArchive(archiveDir, dnr);
    for (const p of problems) process.stderr.write(`${path.join(p.dir, p.file)}: ${p.problem}\n`);
    process.stdout.write(`${checked} ${checked === 1 ? 'version' : 'versioner'} kontrollerade, ${problems.length === 0 ? 'alla filer oförändrade' : `${problems.length} fel`}.\n`);
    return problems.length === 0 ? 0 : 1;
  }
  if (rest.length > 0) throw new UsageError('vplan archive arkiverar en plan i taget');
  const session = new PrintSession(browser);
  session.warmUp();
  try {
    const { plan, loaded, warnings } = await checkPlan(first);
    printWarnings(first, warnings);
    const { pdf } = await printPlan(plan, session, { pdfa: true });
    const filed = await fileVersion(plan, loaded.bytes!, pdf, { archiveDir, version: VERSION });
    process.stdout.write(`${first} → ${plan.document.dnr} version ${filed.manifest.version}: ${path.join(filed.dir, filed.manifest.pdf)}\n`);
    return 0;
  } finally {
    await session.close();
  }
}

