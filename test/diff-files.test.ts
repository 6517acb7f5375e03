// vplan diff sees a logo or an image replaced under the same name: its bytes changed, the PDF did,
// though no word or figure did.
import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { useTempDir } from './helpers/tempDir.js';
import { checkPlan } from '../src/build.js';
import { fileVersion } from '../src/archive/archive.js';
import { diffPlans } from '../src/diff/diff.js';
import { formatChanges } from '../src/diff/format.js';

const run = promisify(execFile);
const tmp = useTempDir('vplan-diff-files');

/** Finnveden's plan in its own folder with `logo` as logo.png. */
async function planWithLogo(name: string, logo: string): Promise<string> {
  const dir = path.join(tmp(), name);
  await mkdir(dir, { recursive: true });
  const plan = JSON.parse(await readFile('data/finnveden-2025.json', 'utf8'));
  delete plan.$schema;
  plan.document.logo = { file: 'logo.png', alt: 'Förbundets logotyp' };
  await copyFile(logo, path.join(dir, 'logo.png'));
  await writeFile(path.join(dir, 'plan.json'), JSON.stringify(plan, null, 2));
  return path.join(dir, 'plan.json');
}

describe('vplan diff: the files a plan uses', () => {
  it('says the logo changed when only its bytes did, between two plans and between two filed versions', async () => {
    const a = await planWithLogo('a', 'test/fixtures/logo.png');
    const b = await planWithLogo('b', 'test/fixtures/organisation.png');
    const bin = path.resolve('bin/vplan.js');
    const plans = await run(process.execPath, [bin, 'diff', a, b]);
    expect(plans.stdout).not.toContain(': inga.');
    expect(plans.stdout).toContain('\nLogotyp och bilder\n  logotypen ändrad (logo.png)\n');
    // The appendix page says it too, not a heading with nothing under it.
    const appendix = path.join(tmp(), 'bilaga.pdf');
    await run(process.execPath, [bin, 'diff', a, b, '--appendix', '--out', appendix]);
    const { stdout: text } = await run('pdftotext', ['-layout', appendix, '-']);
    expect(text.slice(text.lastIndexOf('Ändringar sedan'))).toMatch(/Logotyp och bilder\s+•?\s*logotypen ändrad \(logo\.png\)/);

    const archive = path.join(tmp(), 'archive');
    for (const file of [a, b]) {
      const { plan, loaded } = await checkPlan(file);
      await fileVersion(plan, loaded.bytes!, { archiveDir: archive, version: '0', build: async (_f, v) => new TextEncoder().encode(`%PDF-1.7 ${v}`) });
    }
    const filed = await run(process.execPath, [bin, 'diff', '2024:11 / 2@1', '2024:11 / 2@2', '--archive', archive]);
    expect(filed.stdout).toBe('Ändringar sedan version 1 (2024:11 / 2)\n\nLogotyp och bilder\n  logotypen ändrad (logo.png)\n');
    // The same bytes: no change.
    const same = await run(process.execPath, [bin, 'diff', a, await planWithLogo('c', 'test/fixtures/logo.png')]);
    expect(same.stdout).toMatch(/: inga\.\n$/);
  });

  it('says a logo was added or removed', async () => {
    const withLogo = await checkPlan(await planWithLogo('a', 'test/fixtures/logo.png'));
    const without = await checkPlan('data/finnveden-2025.json');
    expect(formatChanges(diffPlans(without.plan, withLogo.plan, 'x'))).toContain('  logotyp tillagd (logo.png)');
    expect(formatChanges(diffPlans(withLogo.plan, without.plan, 'x'))).toContain('  logotypen borttagen (logo.png)');
  });
});
