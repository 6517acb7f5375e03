// Stopping, batches and failures as a user meets them: a signal ends a build at once and leaves no
// browser profile, one plan's error fails that plan only, and no raw Node error reaches the terminal.
import { describe, expect, it } from 'vitest';
import { execFile, spawn } from 'node:child_process';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { describeForUser, sanitizeForTerminal } from '../src/cli/report.js';
import { removeStaleProfiles } from '../src/print/profile.js';
import { basePlan } from './helpers/plans.js';
import { useTempDir } from './helpers/tempDir.js';

const run = promisify(execFile);
const BIN = path.resolve('bin/vplan.js');
const dir = useTempDir('vplan-signals');

async function vplan(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string; ms: number }> {
  const started = performance.now();
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { cwd: dir(), env: { ...process.env, ...env } });
    return { code: 0, stdout, stderr, ms: performance.now() - started };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr, ms: performance.now() - started };
  }
}

const profiles = async (tmp: string) => (await readdir(tmp)).filter((n) => n.startsWith('vplan-chrome-profile-'));

describe('signals', () => {
  it('SIGTERM while printing ends the build within 2 s with 143 and removes the browser profile', async () => {
    const tmp = path.join(dir(), 'tmp');
    await mkdir(tmp);
    const child = spawn(process.execPath, [BIN, 'build', path.resolve('data/finnveden-2025.json'), '--out', path.join(dir(), 'plan.pdf')], {
      cwd: dir(),
      env: { ...process.env, TMPDIR: tmp },
    });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    // Wait until the browser has its profile, i.e. vplan is really printing.
    for (let i = 0; i < 200 && (await profiles(tmp)).length === 0; i++) await new Promise((r) => setTimeout(r, 25));
    expect(await profiles(tmp)).toHaveLength(1);
    const sent = performance.now();
    child.kill('SIGTERM');
    const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
    expect(performance.now() - sent).toBeLessThan(2000);
    expect(code).toBe(143);
    expect(stderr).toContain('Avbruten (SIGTERM)');
    expect(await profiles(tmp)).toEqual([]);
  });

  it('a finished build leaves nothing in the temporary folder: no profile, no Chromium singleton folder', async () => {
    const tmp = path.join(dir(), 'tmp-done');
    await mkdir(tmp);
    const result = await vplan(['build', path.resolve('data/finnveden-2025.json'), '--out', path.join(dir(), 'done.pdf')], { TMPDIR: tmp, VPLAN_TRACE: '1' });
    expect(result.code).toBe(0);
    // VPLAN_TRACE=1 lists the stages with their times since the start, in the order they ended (with no
    // earlier build's contents page numbers to go by, a draft print found them first).
    const stages = [...result.stderr.matchAll(/^\[vplan +(\d+) ms\] (.+)$/gm)].map((m) => m[2]);
    expect(stages.filter((s) => s === 'printed (a draft, for the contents page numbers)')).toHaveLength(1);
    expect(stages.filter((s) => s === 'printed')).toHaveLength(1);
    // A plan of a few pages is read back by one worker: a second would cost a cold build half a second.
    expect(stages.filter((s) => s!.startsWith('PDF reader started'))).toEqual(['PDF reader started (vplan-pdf-reader)']);
    expect([...new Set(stages)].filter((s) => ['browser starting', 'plan loaded and computed', 'HTML rendered', 'printed', 'PDF written', 'browser ended'].includes(s!))).toEqual([
      'browser starting',
      'plan loaded and computed',
      'HTML rendered',
      'printed',
      'PDF written',
      'browser ended',
    ]);
    // The browser is killed, not shut down, and its folders removed a moment later by a process of their own.
    const left = async () => (await readdir(tmp)).filter((n) => !n.startsWith('vplan-fonts-'));
    for (let i = 0; i < 100 && (await left()).length > 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(await left()).toEqual([]);
  });

  it('removes profiles left by a killed vplan at the next start, and only those', async () => {
    const tmp = dir();
    const dead = await new Promise<number>((resolve) => {
      const child = spawn(process.execPath, ['-e', '']);
      child.once('exit', () => resolve(child.pid!));
    });
    await mkdir(path.join(tmp, `vplan-chrome-profile-${dead}-abc123`, 'Default'), { recursive: true });
    await mkdir(path.join(tmp, `vplan-chrome-profile-${process.pid}-live`));
    await mkdir(path.join(tmp, 'puppeteer_dev_chrome_profile-other'));
    expect(removeStaleProfiles(tmp)).toEqual([`vplan-chrome-profile-${dead}-abc123`]);
    expect((await readdir(tmp)).sort()).toEqual(['puppeteer_dev_chrome_profile-other', `vplan-chrome-profile-${process.pid}-live`]);
  });
});

describe('a batch', () => {
  it('fails only the plan with the missing logo and the one it cannot write; the others build', async () => {
    const good = basePlan();
    const noLogo = basePlan({ document: { ...basePlan().document, logo: { file: 'saknas.png', alt: 'Logga' } } });
    await writeFile(path.join(dir(), 'a.json'), JSON.stringify(good));
    await writeFile(path.join(dir(), 'b.json'), JSON.stringify(noLogo));
    await writeFile(path.join(dir(), 'c.json'), JSON.stringify(good));
    await mkdir(path.join(dir(), 'output'));
    await mkdir(path.join(dir(), 'output', 'c.pdf')); // a folder where c's PDF should go
    const result = await vplan(['build', 'a.json', 'b.json', 'c.json', '--jobs', '1']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/a\.json → output\/a\.pdf/);
    expect(result.stdout).toContain('1 byggda, 2 misslyckades');
    expect(result.stdout).not.toContain('hoppades över');
    expect(result.stderr).toMatch(/saknas\.png/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('watch --serve', () => {
  it('on a port in use says so in Swedish and exits 1 instead of hanging', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    await writeFile(path.join(dir(), 'p.json'), JSON.stringify(basePlan()));
    try {
      const result = await vplan(['watch', 'p.json', '--serve', '--port', String(port)]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`--port ${port}: porten ${port} används redan av ett annat program`);
      expect(result.stderr).not.toMatch(/EADDRINUSE|\n\s+at /);
    } finally {
      server.close();
    }
  });
});

describe('errors for the user', () => {
  it('turns file system errors into Swedish with the path, never a stack trace', () => {
    const error = Object.assign(new Error("EACCES: permission denied, mkdir '/arkiv/2024-11'"), { code: 'EACCES', path: '/arkiv/2024-11' });
    const text = describeForUser(error);
    expect(text).toMatch(/^\/arkiv\/2024-11: behörighet saknas\./);
    expect(text).not.toMatch(/EACCES|\n\s+at /);
    const full = describeForUser(Object.assign(new Error('ENOSPC'), { code: 'ENOSPC', path: '/ut/plan.pdf' }));
    expect(full).toContain('/ut/plan.pdf: disken är full');
    expect(describeForUser(new TypeError('x is undefined'))).not.toMatch(/\n\s+at /);
  });

  it('shows control characters from a plan as visible codes on the terminal', () => {
    expect(sanitizeForTerminal('a\u001b[2Jb\u0007c\rd\ne')).toBe('a␛[2Jb\\u0007c\\u000dd\ne');
  });

  it('refuses a plan too large to print at once, quickly and with a clear message', async () => {
    const plan = basePlan({ sections: [{ type: 'text', title: 'Bilaga', text: 'Lång text med många ord. '.repeat(300_000) }] });
    await writeFile(path.join(dir(), 'stor.json'), JSON.stringify(plan));
    const result = await vplan(['build', 'stor.json']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/planen blir [\d,]+ MB att skriva ut.*högst 6,0 MB/);
    expect(result.ms).toBeLessThan(20_000);
  });
});
