// The self-check's pdf.js as a classic script with a V8 code cache (src/check/pdfjsScript.ts): the first
// read writes the cache, the next process runs from it, and a cache that is damaged or belongs to another
// script is never used. Every way reads the same text.
import { execFileSync } from 'node:child_process';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../src/root.js';

const run = (script: string, pdf: string) =>
  JSON.parse(execFileSync(process.execPath, [path.join(PROJECT_ROOT, 'test', 'helpers', 'pdfjsScriptRun.mjs'), script, pdf], { encoding: 'utf8' })) as {
    cached: boolean;
    text: { items: { text: string }[] };
  };

describe('pdf.js with a code cache', () => {
  let dir: string;
  let script: string;
  let pdf: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'vplan-pdfjs-'));
    script = path.join(dir, 'pdfjs.cjs');
    await copyFile(path.join(PROJECT_ROOT, 'dist', 'pdfjs', 'pdfjs.cjs'), script);
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    doc.addPage().drawText('Summa kostnader 1 234 567', { x: 50, y: 700, size: 12, font });
    pdf = path.join(dir, 'plan.pdf');
    await writeFile(pdf, await doc.save());
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('is written by the first read, used by the next, and ignored when damaged or made for another script', async () => {
    const first = run(script, pdf);
    expect(first.cached).toBe(false);
    expect(first.text.items.map((i) => i.text).join(' ')).toContain('Summa kostnader 1 234 567');
    const cache = path.join(dir, 'pdfjs.cache');
    const written = await readFile(cache);
    expect(written.length).toBeGreaterThan(100_000);

    const second = run(script, pdf);
    expect(second.cached).toBe(true);
    expect(second.text).toEqual(first.text);

    // One byte of the compiled code changed: not used, and written anew.
    const damaged = Buffer.from(written);
    damaged[damaged.length - 10]! ^= 0xff;
    await writeFile(cache, damaged);
    const third = run(script, pdf);
    expect(third.cached).toBe(false);
    expect(third.text).toEqual(first.text);
    expect((await readFile(cache)).equals(damaged)).toBe(false);
    expect(run(script, pdf).cached).toBe(true);

    // The script changed but kept its length, which is all V8 itself compares: the old cache is not used.
    const source = await readFile(script, 'utf8');
    const edited = source.replace('Cannot polyfill', 'Cennot polyfill');
    expect(edited.length).toBe(source.length);
    expect(edited).not.toBe(source);
    await writeFile(script, edited);
    const changed = run(script, pdf);
    expect(changed.cached).toBe(false);
    expect(changed.text).toEqual(first.text);
  }, 60_000);
});
