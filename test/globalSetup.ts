// Builds the example plans once for the whole suite; tests read the PDFs from the directory provided.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildPlan, PrintSession } from '../src/build.js';
import { EXAMPLE_FILES } from './helpers/exampleFiles.js';

export const EXAMPLES = ['finnveden-2025', 'sodra-vatterbygden-2013', 'botkyrka-huddinge-salem-2018'] as const;

declare module 'vitest' {
  export interface ProvidedContext {
    examplesDir: string;
  }
}

let dir: string | undefined;

export async function setup(project: TestProject): Promise<void> {
  dir = await mkdtemp(path.join(os.tmpdir(), 'vplan-examples-'));
  const session = new PrintSession();
  try {
    for (const name of EXAMPLES) {
      const result = await buildPlan(EXAMPLE_FILES[name], path.join(dir, `${name}.pdf`), session);
      if (result.blockedRequests.length > 0) throw new Error(`${name}: blocked requests ${result.blockedRequests.join(', ')}`);
    }
    await buildPlan('data/finnveden-2025.json', path.join(dir, 'finnveden-2025-modern.pdf'), session, { theme: 'modern' });
  } finally {
    await session.close();
  }
  project.provide('examplesDir', dir);
}

export async function teardown(): Promise<void> {
  if (dir) await rm(dir, { recursive: true, force: true });
}
