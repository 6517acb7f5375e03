// The vplan command as a user runs it: exit codes, messages, and no PDF from a bad plan.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { exampleValue } from './helpers/exampleFiles.js';

const run = promisify(execFile);
const BIN = path.resolve('bin/vplan.js');
let dir: string;

async function vplan(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { cwd: dir });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'vplan-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('vplan', () => {
  it('prints help and its version', async () => {
    const help = await vplan('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('vplan build <plan>');
    expect((await vplan('--version')).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('ends quietly when the reader of its output stops early (vplan schema | head)', async () => {
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, [path.resolve('bin/vplan.js'), 'schema'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // Like head, but at once: the pipe closed before anything is read.
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    // Before: "Oväntat fel: write EPIPE" and exit code 1.
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('rejects an unknown command with exit code 2', async () => {
    const result = await vplan('bygg', 'x.json');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('okänt kommando "bygg"');
  });

  it('rejects a misspelt --theme as a mistake in the command (exit code 2), before any work and writing nothing', async () => {
    for (const command of [['build', path.resolve('data/finnveden-2025.json'), '--out', 'tema.pdf'], ['watch', path.resolve('data/finnveden-2025.json')]]) {
      const result = await vplan(...command, '--theme', 'modrn');
      expect(result.code, command[0]).toBe(2);
      expect(result.stderr).toContain('--theme: utseendet "modrn" finns inte – menade du modern?; välj ett av kommunal, modern');
    }
    expect(await readdir(dir)).not.toContain('tema.pdf');
  });

  it('validates an example plan and shows its warnings', async () => {
    const result = await vplan('validate', path.resolve('data/finnveden-2025.json'));
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('giltig');
    expect(result.stderr).toContain('planerat underskott i Budget 2025');
  });

  it('builds to --out, and a broken plan then leaves that PDF untouched', async () => {
    const planFile = path.join(dir, 'plan.json');
    const out = path.join(dir, 'plan.pdf');
    const plan = await exampleValue('sodra-vatterbygden-2013');
    delete plan.$schema;
    await writeFile(planFile, JSON.stringify(plan));
    const first = await vplan('build', planFile, '--out', out);
    expect(first.code).toBe(0);
    const before = await readFile(out);
    expect(before.subarray(0, 5).toString()).toBe('%PDF-');

    plan.budget.capital.opening.budget2013 = -10000000;
    await writeFile(planFile, JSON.stringify(plan, null, 2));
    const second = await vplan('build', planFile, '--out', out);
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/plan\.json:\d+:\d+ budget\.costs\.rows\[0\]\.rows\[2\]\.balance: "Nya projekt och utvärdering" blir −/);
    expect(second.stderr).toContain('ingen PDF skrevs');
    expect(Buffer.compare(await readFile(out), before)).toBe(0);
    expect((await readdir(dir)).filter((f) => f.startsWith('.vplan-tmp'))).toEqual([]);
  });

  it('reports invalid JSON with file, line and column and exit code 1', async () => {
    const planFile = path.join(dir, 'broken.json');
    await writeFile(planFile, '{\n  "document": {\n    "title": "x"\n  }\n  "sections": []\n}\n');
    const result = await vplan('build', planFile);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${planFile}:5:3 kommatecken väntades`);
    expect(await readdir(dir)).not.toContain('output');
  });
});

describe('browser choice', () => {
  it('prints with the Chromium from the npm registry when asked (VPLAN_BROWSER=npm)', async () => {
    const out = path.join(dir, 'npm-chromium.pdf');
    const { stdout } = await run(process.execPath, [BIN, 'build', path.resolve('data/sodra-vatterbygden-2013.yaml'), '--out', out], {
      cwd: dir,
      env: { ...process.env, VPLAN_BROWSER: 'npm' },
    });
    expect(stdout).toContain('npm-chromium.pdf');
    expect((await readFile(out)).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('says how to get a browser when the given one does not exist', async () => {
    const result = await vplan('build', path.resolve('data/sodra-vatterbygden-2013.yaml'), '--browser', '/nonexistent/chrome', '--out', path.join(dir, 'x.pdf'));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Webbläsaren /nonexistent/chrome finns inte');
    expect(result.stderr).toContain('apt-get install chromium');
  });
});
