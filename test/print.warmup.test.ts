// A build that replaces an earlier PDF reads that PDF's first pages in the reader's thread while the new
// one prints (pdf.js compiles its code before the self-check). Whatever the old file holds, the new PDF is
// the same: a damaged one is ignored, and a build over an earlier print writes the bytes a first build does.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildPlan, PrintSession } from '../src/build.js';
import { EXAMPLE_FILES } from './helpers/exampleFiles.js';
import { pdfText } from './helpers/pdfText.js';
import { useTempDir } from './helpers/tempDir.js';

const dir = useTempDir('vplan-warmup');
const sessions: PrintSession[] = [];
afterAll(() => Promise.all(sessions.map((s) => s.close())));
const session = () => {
  const s = new PrintSession();
  sessions.push(s);
  return s;
};

describe('reading the PDF a build replaces', () => {
  it('gives the same PDF over an earlier print, over a damaged file and with none', async () => {
    const first = path.join(dir(), 'first.pdf');
    await buildPlan(EXAMPLE_FILES['finnveden-2025'], first, session());
    const fresh = await readFile(first);

    const again = path.join(dir(), 'again.pdf');
    await writeFile(again, fresh);
    await buildPlan(EXAMPLE_FILES['finnveden-2025'], again, session());
    expect((await readFile(again)).equals(fresh)).toBe(true);

    const damaged = path.join(dir(), 'damaged.pdf');
    await writeFile(damaged, '%PDF-1.7\nnot really a PDF\n');
    await buildPlan(EXAMPLE_FILES['finnveden-2025'], damaged, session());
    const written = await readFile(damaged);
    expect(written.equals(fresh)).toBe(true);
    expect((await pdfText(written)).all).toContain('Samverkansteam');
  }, 120_000);
});
