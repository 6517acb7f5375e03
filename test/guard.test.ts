// Nothing the user wrote is overwritten: --out, --html and diff --appendix refuse the run's inputs, the
// templates and the archive, and an existing file that is not a PDF (or HTML) by its bytes.
import { describe, expect, it } from 'vitest';
import { mkdir, readFile, writeFile, copyFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { checkTarget } from '../src/guard.js';
import { basePlan } from './helpers/plans.js';
import { useTempDir } from './helpers/tempDir.js';
import { exampleValue } from './helpers/exampleFiles.js';
import { runVplan } from './helpers/cli.js';

const dir = useTempDir('vplan-guard');

const vplan = (...args: string[]) => runVplan(dir(), ...args);

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

describe('vplan build never overwrites what the user wrote', () => {
  it('refuses --out onto the plan itself, its logo, or a file that is not a PDF; the files stay as they were', async () => {
    await writeFile(path.join(dir(), 'logo.png'), PNG);
    const plan = JSON.stringify(basePlan({ document: { ...basePlan().document, logo: { file: 'logo.png', alt: 'Logga' } } }));
    await writeFile(path.join(dir(), 'plan.json'), plan);
    await writeFile(path.join(dir(), 'anteckningar.txt'), 'mina anteckningar');

    const onPlan = await vplan('build', 'plan.json', '--out', 'plan.json');
    expect(onPlan.code).toBe(1);
    expect(onPlan.stderr).toContain('--out plan.json: det är en av filerna som planen byggs av');
    expect(await readFile(path.join(dir(), 'plan.json'), 'utf8')).toBe(plan);

    const onLogo = await vplan('build', 'plan.json', '--out', './logo.png');
    expect(onLogo.code).toBe(1);
    expect(onLogo.stderr).toContain('det är en av filerna som planen byggs av');
    expect(await readFile(path.join(dir(), 'logo.png'))).toEqual(PNG);

    const onNotes = await vplan('build', 'plan.json', '--out', 'anteckningar.txt');
    expect(onNotes.code).toBe(1);
    expect(onNotes.stderr).toContain('filen finns redan och är ingen PDF');
    expect(await readFile(path.join(dir(), 'anteckningar.txt'), 'utf8')).toBe('mina anteckningar');

    const htmlOnPlan = await vplan('build', 'plan.json', '--html', 'plan.json', '--out', 'ut.pdf');
    expect(htmlOnPlan.code).toBe(1);
    expect(htmlOnPlan.stderr).toContain('--html plan.json: det är en av filerna');
    expect(await readFile(path.join(dir(), 'plan.json'), 'utf8')).toBe(plan);
  });

  it('overwrites an earlier PDF (that is what a rebuild does)', async () => {
    await writeFile(path.join(dir(), 'plan.json'), JSON.stringify(basePlan()));
    expect((await vplan('build', 'plan.json', '--out', 'ut.pdf')).code).toBe(0);
    const first = await stat(path.join(dir(), 'ut.pdf'));
    const again = await vplan('build', 'plan.json', '--out', 'ut.pdf');
    expect(again.code).toBe(0);
    expect((await stat(path.join(dir(), 'ut.pdf'))).mtimeMs).toBeGreaterThanOrEqual(first.mtimeMs);
  });

  it('refuses targets in vplan templates and in the archive', async () => {
    const context = { inputs: [], archiveDir: path.join(dir(), 'arkiv'), flag: '--out' };
    await expect(checkTarget(path.resolve('templates/style.css'), 'pdf', context)).rejects.toThrow(/i vplans mallmapp templates\//);
    await expect(checkTarget(path.join(dir(), 'arkiv', 'x.pdf'), 'pdf', context)).rejects.toThrow(/i arkivet/);
    // A filed version elsewhere (another --archive) is known by its manifest.
    const filed = path.join(dir(), 'annat-arkiv', '2024-11', 'v1');
    await mkdir(filed, { recursive: true });
    await writeFile(path.join(filed, 'manifest.json'), JSON.stringify({ dnr: '2024:11', files: {} }));
    await expect(checkTarget(path.join(filed, 'plan.pdf'), 'pdf', context)).rejects.toThrow(/i en arkiverad version/);
    await expect(checkTarget(path.join(dir(), 'fri.pdf'), 'pdf', context)).resolves.toBeUndefined();
  });
});

describe('vplan diff --appendix', () => {
  it('writes the appendix build to its own file, not over the plan\'s normal PDF, and refuses the plans as --out', async () => {
    const plan = await exampleValue('sodra-vatterbygden-2013');
    await writeFile(path.join(dir(), 'ny.json'), JSON.stringify(plan));
    const old = structuredClone(plan);
    old.document.title = `${old.document.title} (förra)`;
    await writeFile(path.join(dir(), 'gammal.json'), JSON.stringify(old));
    await mkdir(path.join(dir(), 'output'));
    await writeFile(path.join(dir(), 'output', 'ny.pdf'), '%PDF-1.7 the normal build');

    const refused = await vplan('diff', 'gammal.json', 'ny.json', '--appendix', '--out', 'gammal.json');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('--out gammal.json: det är en av filerna');

    const result = await vplan('diff', 'gammal.json', 'ny.json', '--appendix');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('ny.json → output/ny-andringar.pdf');
    expect(await readFile(path.join(dir(), 'output', 'ny.pdf'), 'utf8')).toBe('%PDF-1.7 the normal build');
    expect((await readFile(path.join(dir(), 'output', 'ny-andringar.pdf'))).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('prints control characters of the plans\' text as visible codes, not as terminal commands', async () => {
    const plan = basePlan();
    await writeFile(path.join(dir(), 'a.json'), JSON.stringify(plan));
    const changed = basePlan({ document: { ...plan.document, title: 'Verksamhetsplan 2025 \u001b[31mRÖD\u001b[0m' } });
    await writeFile(path.join(dir(), 'b.json'), JSON.stringify(changed));
    const result = await vplan('diff', 'a.json', 'b.json');
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain('\u001b');
    expect(result.stdout).toContain('␛[31mRÖD');
  });
});
