// What vplan archive refuses or warns about when filing: another förbund's plan under a dnr, a plan
// that still says it was adopted over changed content, a used file named by an absolute path, an
// archive folder inside a filed version, a dnr that differs from a filed one only in letter case.
import { describe, expect, it } from 'vitest';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { useTempDir } from './helpers/tempDir.js';
import { checkPlan } from '../src/build.js';
import { fileVersion, listVersions } from '../src/archive/archive.js';
import type { ComputedPlan } from '../src/model.js';

const tmp = useTempDir('vplan-filing');
const archive = () => path.join(tmp(), 'archive');

async function finnveden() {
  const { plan, loaded } = await checkPlan('data/finnveden-2025.json');
  return { plan, bytes: loaded.bytes! };
}

const fakeBuild = async (_planFile: string, version: number) => new TextEncoder().encode(`%PDF-1.7 ${version}`);
const file = (plan: ComputedPlan, bytes: Uint8Array, force = false, archiveDir = archive()) =>
  fileVersion(plan, bytes, { archiveDir, version: '0', force, build: fakeBuild });

describe('one dnr, one förbund', () => {
  it('refuses another förbund\'s plan under a filed dnr, saying what to do; --force files a renamed förbund and says so', async () => {
    const { plan, bytes } = await finnveden();
    await file(plan, bytes);
    const other = { ...plan, document: { ...plan.document, associationName: 'Samordningsförbundet Östra Södermanland' } };
    const edited = new TextEncoder().encode(new TextDecoder().decode(bytes).replace('Finnvedens Samordningsförbund', 'Samordningsförbundet Östra Södermanland'));
    const refused = await file(other, edited).catch((e: Error & { describe?: () => string }) => e);
    expect(refused).toBeInstanceOf(Error);
    const message = (refused as { describe: () => string }).describe();
    expect(message).toContain('förbundet är "Samordningsförbundet Östra Södermanland", men 2024:11 / 2 version 1 arkiverades för "Finnvedens Samordningsförbund"');
    expect(message).toContain('ingen ny version arkiverades');
    expect(message).toMatch(/rätta document\.dnr .* arkivera med --force/s);
    expect((await listVersions(archive())).map((v) => v.manifest.version)).toEqual([1]);

    // Spacing and letter case are the same förbund.
    const spaced = { ...plan, document: { ...plan.document, associationName: 'finnvedens  samordningsförbund' } };
    const same = await file(spaced, new TextEncoder().encode(new TextDecoder().decode(bytes) + ' '));
    expect(same.filed && !same.renamed).toBe(true);

    const forced = await file(other, edited, true);
    expect(forced.filed && forced.renamed).toEqual({ from: 'finnvedens  samordningsförbund', version: 2 });
    expect((await listVersions(archive())).map((v) => v.manifest.association)).toEqual([
      'Finnvedens Samordningsförbund',
      'finnvedens  samordningsförbund',
      'Samordningsförbundet Östra Södermanland',
    ]);
  });
});
