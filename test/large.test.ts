// A large plan (2 000 budget rows, about 200 pages of text) builds, with its contents right, and its
// self-check reads the pages it needs with two workers.
import { describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildPlan, PrintSession } from '../src/build.js';
import { pdfText } from './helpers/pdfText.js';
import type { PrintedText } from '../src/check/printedText.js';
// @ts-expect-error: a plain JavaScript module shared with the benchmark
import { largePlan } from '../bench/large-plan.mjs';

describe('a large plan', () => {
  it('builds 2 000 budget rows and about 200 pages', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'vplan-large-'));
    const session = new PrintSession();
    try {
      const file = path.join(dir, 'large.json');
      await writeFile(file, JSON.stringify(largePlan()));
      const reads: PrintedText[] = [];
      const read = session.reader.read.bind(session.reader);
      session.reader.read = async (...args) => {
        const text = await read(...args);
        reads.push(text);
        return text;
      };
      const result = await buildPlan(file, path.join(dir, 'large.pdf'), session);
      expect(result.pages).toBeGreaterThanOrEqual(180);
      // Its print (over 3 MB) was read back by two workers, each every other page it needs, and the self-check passed.
      expect(session.reader.running).toHaveLength(2);
      // Only the pages it needs: the contents, where each section begins, and the budget's pages; not the
      // pages of prose in between (each section runs over some three pages).
      expect(reads).toHaveLength(1);
      const { read: pages } = reads[0]!;
      expect(pages.length).toBeLessThan(result.pages * 0.75);
      expect(pages.length).toBeGreaterThan(result.pages * 0.5);
      expect(pages.slice(-40)).toEqual(Array.from({ length: 40 }, (_, i) => result.pages - 39 + i));
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
