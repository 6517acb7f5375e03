// The contents page numbers of a plan's last build, kept on disk: a fresh process that finds them
// prints once instead of twice, and a stale or damaged cache costs a print, never a wrong number.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildPlan, PrintSession } from '../src/build.js';
import { readContentsGuess, saveContentsGuess } from '../src/finish/contentsCache.js';
import { pdfText } from './helpers/pdfText.js';
import { useTempDir } from './helpers/tempDir.js';

const dir = useTempDir('vplan-contents-cache');
const PLAN = path.resolve('data/finnveden-2025.json');
const cache = () => path.join(dir(), 'cache');

beforeEach(() => {
  process.env.VPLAN_CACHE_DIR = cache();
});
afterEach(() => {
  delete process.env.VPLAN_CACHE_DIR;
});

/** A session that counts the browser's prints (page.pdf calls). */
function countingSession(): { session: PrintSession; prints: () => number } {
  const session = new PrintSession();
  let prints = 0;
  const page = session.page.bind(session);
  session.page = async () => {
    const prepared = await page();
    const pdf = prepared.page.pdf.bind(prepared.page);
    prepared.page.pdf = ((...args: Parameters<typeof pdf>) => {
      prints++;
      return pdf(...args);
    }) as typeof pdf;
    return prepared;
  };
  return { session, prints: () => prints };
}

async function build(): Promise<{ prints: number; text: string }> {
  const { session, prints } = countingSession();
  try {
    const out = path.join(dir(), 'plan.pdf');
    await buildPlan(PLAN, out, session);
    return { prints: prints(), text: (await pdfText(await readFile(out))).pages[1]! };
  } finally {
    await session.close();
  }
}

describe('contents page numbers from the last build', () => {
  it('print once in a fresh session when the last build left them, twice without', async () => {
    const first = await build();
    expect(first.prints).toBe(2);
    const [file] = await readdir(cache());
    expect(file).toMatch(/^contents-[0-9a-f]{20}\.json$/);
    const stored = JSON.parse(await readFile(path.join(cache(), file!), 'utf8')) as { plan: string; pages: Record<string, string> };
    expect(stored.plan).toBe(PLAN);
    expect(Object.values(stored.pages).length).toBeGreaterThan(3);

    const second = await build();
    expect(second.prints).toBe(1);
    expect(second.text).toBe(first.text);
  });

  it('are only a guess: wrong or damaged numbers still give the right contents page', async () => {
    const right = await build();
    const [file] = await readdir(cache());
    const stored = JSON.parse(await readFile(path.join(cache(), file!), 'utf8')) as { pages: Record<string, string> };
    const wrong = Object.fromEntries(Object.keys(stored.pages).map((anchor) => [anchor, '9']));
    await saveContentsGuess(PLAN, wrong, undefined);
    const rebuilt = await build();
    expect(rebuilt.prints).toBe(2);
    expect(rebuilt.text).toBe(right.text);
    expect(await readContentsGuess(PLAN)).toEqual(stored.pages);

    await writeFile(path.join(cache(), file!), '{"plan": 12, "pages": ');
    expect(await readContentsGuess(PLAN)).toBeUndefined();
    expect((await build()).text).toBe(right.text);
  });

  it('are kept per plan, and not at all with VPLAN_CACHE_DIR=off', async () => {
    await saveContentsGuess(PLAN, { 'avsnitt-0': '3' }, undefined);
    expect(await readContentsGuess(PLAN)).toEqual({ 'avsnitt-0': '3' });
    expect(await readContentsGuess(path.resolve('data/sodra-vatterbygden-2013.yaml'))).toBeUndefined();
    process.env.VPLAN_CACHE_DIR = 'off';
    await saveContentsGuess(PLAN, { 'avsnitt-0': '4' }, undefined);
    expect(await readContentsGuess(PLAN)).toBeUndefined();
    process.env.VPLAN_CACHE_DIR = cache();
    expect(await readContentsGuess(PLAN)).toEqual({ 'avsnitt-0': '3' });
  });
});
