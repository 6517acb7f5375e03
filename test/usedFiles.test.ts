// The files a plan uses – images in its texts and the budget sheet it reads – go with the plan: vplan
// archive files them in the version and builds the filed PDF from those copies, and vplan watch
// rebuilds when one of them is saved.
import { afterEach, describe, expect, it } from 'vitest';
import { waitFor } from './helpers/waitFor.js';
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { exportBudget } from '../src/sheet/importBudget.js';
import { fileVersion, listVersions, sourcesOf } from '../src/archive/archive.js';
import { checkPlan } from '../src/build.js';
import { BIN, runVplan } from './helpers/cli.js';
import { normalize, pdfText } from './helpers/pdfText.js';
import { pngOf } from './helpers/png.js';
import { useTempDir } from './helpers/tempDir.js';

const dir = useTempDir('vplan-used-files');
let child: ChildProcess | undefined;
afterEach(async () => {
  if (child && child.exitCode === null) {
    child.kill('SIGINT');
    await new Promise((r) => child!.once('exit', r));
  }
  child = undefined;
});

/** The Finnveden example as plan.json reading its budget from budget.xlsx, with two images in bilder/. */
async function planWithFiles(kansli = 550000): Promise<string> {
  const plan = JSON.parse(await readFile('data/finnveden-2025.json', 'utf8'));
  delete plan.$schema;
  plan.budget = { from: 'budget.xlsx', ...plan.budget };
  plan.sections[0].text = `${plan.sections[0].text ?? ''}\n\n![Organisationsschema](bilder/organisation.svg "Organisationen")`;
  plan.sections[0].images = [{ file: 'bilder/farg.png', alt: 'En färgruta' }];
  await mkdir(path.join(dir(), 'bilder'), { recursive: true });
  await copyFile('test/fixtures/organisation.svg', path.join(dir(), 'bilder', 'organisation.svg'));
  await writeFile(path.join(dir(), 'bilder', 'farg.png'), pngOf(40, 20));
  await writeSheet(kansli);
  const file = path.join(dir(), 'plan.json');
  await writeFile(file, JSON.stringify(plan, null, 2));
  return file;
}

async function writeSheet(kansli: number): Promise<void> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from((await exportBudget('data/finnveden-2025.json', 'xlsx')).bytes) as unknown as ArrayBuffer);
  book.getWorksheet('Budget')!.getCell('E19').value = kansli; // Kansli, Budget 2025
  await book.xlsx.writeFile(path.join(dir(), 'budget.xlsx'));
}

/** Resolves with the first match of `pattern` in the stream's output from now on. */

describe('files a plan uses', () => {
  it('vplan archive files the images and the sheet with the plan, and builds the PDF from those copies', async () => {
    const plan = await planWithFiles(575000);
    const filed = await runVplan(dir(), 'archive', plan, '--archive', 'arkiv');
    expect(filed.stderr).not.toMatch(/fel/);
    expect(filed.code).toBe(0);
    const [version] = await listVersions(path.join(dir(), 'arkiv'));
    expect(Object.keys(version!.manifest.files).sort()).toEqual(['2024-11-2-v1.pdf', 'bilder/farg.png', 'bilder/organisation.svg', 'budget.xlsx', 'plan.json']);
    expect(Buffer.compare(await readFile(path.join(version!.dir, 'budget.xlsx')), await readFile(path.join(dir(), 'budget.xlsx')))).toBe(0);
    const text = normalize((await pdfText(await readFile(path.join(version!.dir, '2024-11-2-v1.pdf')))).all);
    expect(text).toMatch(/Kansli 550 000 550 000 575 000 570 000 590 000/);
    expect(text).toContain('Organisationen');
    // Unchanged plan and files: nothing new is filed; a changed sheet or image files version 2.
    const again = async () => {
      const { plan: computed, loaded } = await checkPlan(plan);
      return fileVersion(computed, sourcesOf(loaded), { archiveDir: path.join(dir(), 'arkiv'), version: '0.0.0', build: async () => new TextEncoder().encode('%PDF-1.7') });
    };
    expect((await again()).filed).toBe(false);
    await writeFile(path.join(dir(), 'bilder', 'farg.png'), pngOf(40, 30));
    expect((await again()).filed).toBe(true);
  }, 180_000);

  it('vplan watch rebuilds when the sheet or an image is saved', async () => {
    const plan = await planWithFiles();
    const out = path.join(dir(), 'plan.pdf');
    child = spawn(process.execPath, [BIN, 'watch', plan, '--out', out], { stdio: ['ignore', 'pipe', 'pipe'] });
    await waitFor(child.stdout!, /byggd \(start\)/);
    await writeSheet(565000);
    await waitFor(child.stdout!, /byggd \(budgetbladet budget\.xlsx\)/);
    expect(normalize((await pdfText(await readFile(out))).all)).toMatch(/Kansli 550 000 550 000 565 000/);
    // Two images in one subfolder: each is watched.
    await writeFile(path.join(dir(), 'bilder', 'farg.png'), pngOf(40, 30));
    await waitFor(child.stdout!, /byggd \(bilden bilder\/farg\.png\)/);
    await copyFile('test/fixtures/organisation.svg', path.join(dir(), 'bilder', 'organisation.svg'));
    await waitFor(child.stdout!, /byggd \(bilden bilder\/organisation\.svg\)/);
  }, 180_000);
});
