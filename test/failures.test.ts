// Failures: a crashed or hung browser is restarted once and reported clearly the second time; a killed
// build leaves no stray temporary files for the next run; absurd input is refused with a message.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { checkPlan, printPlan, PrintSession } from '../src/build.js';
import { writeFileAtomic } from '../src/output.js';
import { browserProcess } from '../src/print/launch.js';
import { parsePlanText } from '../src/load/loadPlan.js';
import { PlanError, VplanError } from '../src/errors.js';
import { normalize, pdfText } from './helpers/pdfText.js';
import { exampleValue } from './helpers/exampleFiles.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'vplan-fail-'));
});
afterEach(async () => {
  delete process.env.VPLAN_TIMEOUT_MS;
  await rm(dir, { recursive: true, force: true });
});

describe('a browser that fails', () => {
  /** A build with the given browser, as the user runs it. */
  async function buildWith(browser: string) {
    const { execFile } = await import('node:child_process');
    return new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = execFile(process.execPath, [path.resolve('bin/vplan.js'), 'build', 'data/sodra-vatterbygden-2013.yaml', '--out', path.join(dir, 'plan.pdf'), '--browser', browser], (error, _stdout, stderr) =>
        resolve({ code: error ? ((error as { code?: number }).code ?? null) : child.exitCode, stderr }),
      );
    });
  }

  it('to start is reported with what it said, with advice for a browser that is there, and vplan exits 1', async () => {
    const { chmod } = await import('node:fs/promises');
    const broken = path.join(dir, 'chrome');
    const library = 'error while loading shared libraries: libnss3.so: cannot open shared object file: No such file or directory';
    await writeFile(broken, `#!/bin/sh\necho "chrome: ${library}" >&2\nexit 127\n`);
    await chmod(broken, 0o755);
    const result = await buildWith(broken);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`Webbläsaren ${broken} kunde inte startas: webbläsaren avslutades direkt (kod 127): chrome: ${library}`);
    // It is there: the advice is about the missing library and other browsers, not about getting one.
    expect(result.stderr).toContain('Webbläsaren finns, men startade inte');
    expect(result.stderr).toContain('den saknar ett bibliotek');
    expect(result.stderr).toContain('VPLAN_BROWSER=npm');
    expect(result.stderr).not.toContain('behöver Chrome, Chromium eller Edge');
    expect(result.stderr).not.toMatch(/at .*\.js:\d+/);
    expect(await readdir(dir)).toEqual(['chrome']);

    // Another failure of a browser that is there: no library advice.
    await writeFile(broken, '#!/bin/sh\necho "Trace/breakpoint trap" >&2\nexit 1\n');
    const crashed = await buildWith(broken);
    expect(crashed.code).toBe(1);
    expect(crashed.stderr).toContain('(kod 1): Trace/breakpoint trap');
    expect(crashed.stderr).toContain('har den startat förut: installera om den');
    expect(crashed.stderr).not.toContain('saknar ett bibliotek');

    // A file that is no program: that is a matter of getting a browser.
    await chmod(broken, 0o644);
    const notProgram = await buildWith(broken);
    expect(notProgram.code).toBe(1);
    expect(notProgram.stderr).toContain('EACCES');
    expect(notProgram.stderr).toContain('behöver Chrome, Chromium eller Edge');
    expect(notProgram.stderr).not.toContain('finns, men startade inte');
    expect(await readdir(dir)).toEqual(['chrome']);
  });

  it('is started again when it crashed, and the PDF is still made', async () => {
    const session = new PrintSession();
    try {
      const { plan } = await checkPlan('data/sodra-vatterbygden-2013.yaml');
      const browser = await session.get();
      browserProcess(browser)!.kill('SIGKILL'); // the browser dies between builds
      const { pdf } = await printPlan(plan, session);
      expect(normalize((await pdfText(pdf)).all)).toContain('Summa kostnader 4 675 000 3 958 000');
    } finally {
      await session.close();
    }
  });

  it('is detected when it hangs (timeout), restarted once, and reported clearly if it hangs again', async () => {
    process.env.VPLAN_TIMEOUT_MS = '2500';
    const session = new PrintSession();
    const { plan } = await checkPlan('data/sodra-vatterbygden-2013.yaml');
    // Every browser this session starts stops responding at once.
    const original = session.get.bind(session);
    session.get = async () => {
      const browser = await original();
      browserProcess(browser)!.kill('SIGSTOP');
      return browser;
    };
    const started = Date.now();
    const error = await printPlan(plan, session).catch((e: unknown) => e);
    await session.restart();
    expect(error).toBeInstanceOf(VplanError);
    expect((error as VplanError).message).toMatch(/kraschade eller slutade svara två gånger/);
    expect(Date.now() - started).toBeLessThan(30_000);
  });
});

describe('a warmed-up session', () => {
  it('prints the first plan in the tab the browser started with, and starts no second page', async () => {
    const session = new PrintSession();
    try {
      session.warmUp();
      const { plan } = await checkPlan('data/sodra-vatterbygden-2013.yaml');
      const browser = await session.get();
      const { pdf } = await printPlan(plan, session);
      expect(normalize((await pdfText(pdf)).all)).toContain('Summa kostnader 4 675 000 3 958 000');
      // Every page is a renderer of its own: a second one costs a cold build half a second on two cores.
      expect(browser.targets().filter((t) => t.type() === 'page').length).toBe(1);
      // The next plan prints in the same, warm page.
      await printPlan(plan, session);
      expect(browser.targets().filter((t) => t.type() === 'page').length).toBe(1);
    } finally {
      await session.close();
    }
  });
});

describe('temporary files', () => {
  it('removes what a killed build left beside the target, and keeps a running build\'s', async () => {
    const target = path.join(dir, 'plan.pdf');
    await writeFile(path.join(dir, '.vplan-tmp-plan.pdf-999999-deadbeef'), 'half a PDF'); // no such process
    await writeFile(path.join(dir, `.vplan-tmp-plan.pdf-${process.ppid}-cafebabe`), 'in progress'); // alive
    await writeFileAtomic(target, '%PDF-1.7');
    expect((await readdir(dir)).sort()).toEqual([`.vplan-tmp-plan.pdf-${process.ppid}-cafebabe`, 'plan.pdf']);
  });
});

describe('absurd input', () => {
  const refuse = (text: string) => {
    try {
      parsePlanText('plan.json', text);
    } catch (error) {
      expect(error).toBeInstanceOf(PlanError);
      return (error as PlanError).describe();
    }
    throw new Error('expected a refusal');
  };

  it('refuses deeply nested JSON with a message, not a stack overflow', () => {
    expect(refuse(`${'['.repeat(100000)}${']'.repeat(100000)}`)).toMatch(/nästlad i fler än 64 nivåer/);
  });

  it('refuses NaN and Infinity, which JSON does not have', () => {
    expect(refuse('{"a": NaN}')).toMatch(/plan\.json:1:7/);
    expect(refuse('{"a": Infinity}')).toMatch(/plan\.json:1:7/);
  });

  it('validates a 5 MB plan in reasonable time', () => {
    const rows = Array.from({ length: 25000 }, (_, i) => ({ label: `Rad ${i} ${'x'.repeat(160)}`, values: { budget2025: i } }));
    const text = JSON.stringify({
      document: { association: { name: 'F' }, title: 'Verksamhetsplan 2025', budgetYear: 2025, status: { state: 'förslag' } },
      sections: [{ type: 'budget', title: 'Budget' }],
      budget: { unit: 'kr', convention: 'result', columns: [{ kind: 'budget', year: 2025 }], income: { rows }, costs: { rows: [] } },
    });
    expect(text.length).toBeGreaterThan(5_000_000);
    const started = Date.now();
    expect(parsePlanText('big.json', text).plan.budget!.income.rows).toHaveLength(25000);
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});

describe('a build killed at any moment', () => {
  it('leaves the old PDF or the complete new one, and the next run leaves no temporary files', async () => {
    const { spawn, execFile } = await import('node:child_process');
    const { promisify } = await import('node:util');
    const { readFile: read } = await import('node:fs/promises');
    const bin = path.resolve('bin/vplan.js');
    const plan = await exampleValue('botkyrka-huddinge-salem-2018');
    delete plan.$schema;
    const file = path.join(dir, 'plan.json');
    const out = path.join(dir, 'plan.pdf');
    await writeFile(file, JSON.stringify(plan));
    await promisify(execFile)(process.execPath, [bin, 'build', file, '--out', out]);
    const old = await read(out);
    plan.budget.income.rows[1].values.budget2018 = 5600;
    await writeFile(file, JSON.stringify(plan));
    for (const delay of [150, 600, 1100, 1500, 1900]) {
      const child = spawn(process.execPath, [bin, 'build', file, '--out', out], { stdio: 'ignore' });
      // Listened for from the start: a fast build may be done before the last moments are reached.
      const exited = new Promise((r) => child.once('exit', r));
      await new Promise((r) => setTimeout(r, delay));
      child.kill('SIGKILL');
      await exited;
      const now = await read(out);
      const complete = now.subarray(0, 5).toString() === '%PDF-' && now.subarray(-6).toString().includes('%%EOF');
      expect(Buffer.compare(now, old) === 0 || complete, `after ${delay} ms`).toBe(true);
    }
    await promisify(execFile)(process.execPath, [bin, 'build', file, '--out', out]);
    expect((await readdir(dir)).filter((f) => f.startsWith('.vplan-tmp'))).toEqual([]);
    expect(normalize((await pdfText(await read(out))).all)).toContain('Intäkter ESF 4 100 5 600');
  }, 60_000);
});

describe('an output that cannot be written', () => {
  it('says so plainly', async () => {
    await writeFile(path.join(dir, 'fil'), 'x');
    await expect(writeFileAtomic(path.join(dir, 'fil', 'plan.pdf'), '%PDF')).rejects.toThrow(
      /Kan inte skriva .*plan\.pdf: en del av sökvägen är en fil, inte en mapp\./,
    );
  });
});
