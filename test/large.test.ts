// A large plan (2 000 budget rows, about 200 pages of text) builds, with its contents right, and its
// self-check reads the print with two workers.
import { describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildPlan, PrintSession } from '../src/build.js';
import { pdfText } from './helpers/pdfText.js';
// @ts-expect-error: a plain JavaScript module shared with the benchmark
import { largePlan } from '../bench/large-plan.mjs';

describe('a large plan', () => {
  it('builds 2 000 budget rows and about 200 pages', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'vplan-large-'));
    const session = new PrintSession();
    try {
      const file = path.join(dir, 'large.json');
      await writeFile(file, JSON.stringify(largePlan()));
      const result = await buildPlan(file, path.join(dir, 'large.pdf'), session);
      expect(result.pages).toBeGreaterThanOrEqual(180);
      // Its print (3.4 MB) was read back by two workers, each every other page, and the self-check passed.
      expect(session.reader.running).toHaveLength(2);
      const text = await pdfText(await readFile(path.join(dir, 'large.pdf')));
      const last = text.pages.at(-1)!.replace(/\s+/g, ' ');
      expect(last).toContain(`${text.pages.length} (${text.pages.length})`);
      expect(text.all).toContain('Insats 20.100');
    } finally {
      await session.close();
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
