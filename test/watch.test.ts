// The editing loop as a user runs it: watch rebuilds on save, a broken edit keeps the last good PDF,
// the preview answers and tells its page to reload; batch builds the good plans and fails overall.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { waitFor } from './helpers/waitFor.js';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rename, rm, writeFile, stat } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { normalize, pdfText } from './helpers/pdfText.js';

const BIN = path.resolve('bin/vplan.js');
let dir: string;
let child: ChildProcess | undefined;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'vplan-watch-'));
});
afterEach(async () => {
  if (child && child.exitCode === null) {
    child.kill('SIGINT');
    await new Promise((r) => child!.once('exit', r));
  }
  await rm(dir, { recursive: true, force: true });
});

async function planText(): Promise<string> {
  const plan = JSON.parse(await readFile('data/finnveden-2025.json', 'utf8'));
  delete plan.$schema;
  return JSON.stringify(plan, null, 2);
}

/** Resolves with the first match of `pattern` in the child's output from now on. */

/** Reads server-sent events from the preview until one named `name` arrives. */
function nextEvent(url: string, name: string, after: () => Promise<void>): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const req = http.get(`${url}events`, (res) => {
      let buffer = '';
      let primed = false;
      res.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        const events = buffer.split('\n\n');
        buffer = events.pop()!;
        for (const raw of events) {
          const event = /^event: (\w+)\ndata: (.*)$/m.exec(raw);
          if (!primed) continue; // the current state, sent on connect
          if (event && event[1] === name) {
            req.destroy();
            resolve(JSON.parse(event[2]!));
          }
        }
        if (!primed) {
          primed = true;
          after().catch(reject);
        }
      });
    });
    req.on('error', (e) => (e.message.includes('socket hang up') ? undefined : reject(e)));
  });
}

async function get(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http.get(url, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    }).on('error', reject);
  });
}

describe('vplan watch --serve', () => {
  it('rebuilds on save, keeps the last good PDF on a broken edit, and reloads the preview', async () => {
    const planFile = path.join(dir, 'plan.json');
    const out = path.join(dir, 'plan.pdf');
    const text = await planText();
    await writeFile(planFile, text);
    child = spawn(process.execPath, [BIN, 'watch', planFile, '--out', out, '--serve', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const [, url] = await waitFor(child.stdout!, /Förhandsvisning: (http:\/\/127\.0\.0\.1:\d+\/)/);

    const page = await get(url!);
    expect(page.status).toBe(200);
    expect(page.body).toContain("new EventSource('/events')");
    expect(JSON.parse((await get(`${url}status`)).body)).toEqual({ version: 1, error: null });

    // An edit of one figure: the preview is told to reload, and the PDF has the new sums.
    const built = await nextEvent(url!, 'built', () => writeFile(planFile, text.replace('3336600', '3400000')));
    expect(built.version).toBe(2);
    const pdf = normalize((await pdfText(await readFile(out))).all);
    expect(pdf).toContain('Summa kostnader 5 944 500 5 834 340 5 890 500');
    const good = await readFile(out);

    // A broken edit: the error is shown, the last good PDF stays.
    const failed = await nextEvent(url!, 'failed', () => writeFile(planFile, '{\n  "document": \n'));
    expect(String(failed.message)).toMatch(/plan\.json:\d+:\d+ /);
    expect(Buffer.compare(await readFile(out), good)).toBe(0);
    expect(JSON.parse((await get(`${url}status`)).body).error).toContain('inte giltig JSON');

    // Mended: built again.
    const again = await nextEvent(url!, 'built', () => writeFile(planFile, text));
    expect(again.version).toBe(3);
    expect((await get(`${url}plan.pdf`)).status).toBe(200);

    child.kill('SIGINT');
    const code = await new Promise((r) => child!.once('exit', r));
    expect(code).toBe(0);
  });
});

describe('vplan watch --serve and the archive', () => {
  it('shows the changes since the latest filed version of the plan\'s dnr', async () => {
    const planFile = path.join(dir, 'plan.json');
    const text = await planText();
    await writeFile(planFile, text);
    const archive = path.join(dir, 'arkiv');
    await promisify(execFile)(process.execPath, [BIN, 'archive', planFile, '--archive', archive]);
    child = spawn(process.execPath, [BIN, 'watch', planFile, '--out', path.join(dir, 'plan.pdf'), '--serve', '--archive', archive], { stdio: ['ignore', 'pipe', 'pipe'] });
    const [, url] = await waitFor(child.stdout!, /Förhandsvisning: (http:\/\/127\.0\.0\.1:\d+\/)/);
    expect((await get(url!)).body).toContain('href="/andringar"');
    expect((await get(`${url}andringar`)).body).toBe('Ändringar sedan version 1 (2024:11 / 2): inga.\n');
    await writeFile(planFile, text.replace('3336600', '3400000'));
    expect(normalize((await get(`${url}andringar`)).body)).toContain('Samverkansteam Finnveden, Budget 2025: 3 336 600 → 3 400 000 (+63 400)');
  });
});

describe('vplan watch on a plan folder', () => {
  it('rebuilds when a section\'s Markdown file or plan.yaml is saved, and when a logo in a subfolder changes', async () => {
    const plan = path.join(dir, 'plan');
    await cp('data/botkyrka-huddinge-salem-2018', plan, { recursive: true });
    await mkdir(path.join(plan, 'bilder'));
    await writeFile(path.join(plan, 'bilder', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>');
    const planYaml = path.join(plan, 'plan.yaml');
    await writeFile(planYaml, (await readFile(planYaml, 'utf8')).replace('document:\n', 'document:\n  logo: { file: bilder/logo.svg, alt: Logotyp }\n'));
    const out = path.join(dir, 'plan.pdf');
    child = spawn(process.execPath, [BIN, 'watch', plan, '--out', out], { stdio: ['ignore', 'pipe', 'pipe'] });
    await waitFor(child.stdout!, /byggd \(start\)/);
    const section = path.join(plan, 'avsnitt', '05-arbetsorganisation.md');
    await writeFile(section, (await readFile(section, 'utf8')).replace('title: Arbetsorganisation', 'title: Organisation och arbetssätt'));
    await waitFor(child.stdout!, /byggd \(filen avsnitt\/05-arbetsorganisation\.md\)/);
    expect(normalize((await pdfText(await readFile(out))).all)).toContain('Organisation och arbetssätt');
    await writeFile(path.join(plan, 'bilder', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="20" height="10"><rect width="20" height="10"/></svg>');
    await waitFor(child.stdout!, /byggd \(filen bilder\/logo\.svg\)/);
  });

  it('keeps rebuilding when plan.yaml and a section are saved by replacing them, again and again', async () => {
    const plan = path.join(dir, 'plan');
    await cp('data/botkyrka-huddinge-salem-2018', plan, { recursive: true });
    const out = path.join(dir, 'plan.pdf');
    child = spawn(process.execPath, [BIN, 'watch', plan, '--out', out], { stdio: ['ignore', 'pipe', 'pipe'] });
    await waitFor(child.stdout!, /byggd \(start\)/);
    // As sed -i and many editors save: a new file renamed over the old one.
    const replace = async (file: string, from: string, to: string) => {
      await writeFile(`${file}.tmp`, (await readFile(file, 'utf8')).replace(from, to));
      await rename(`${file}.tmp`, file);
    };
    const planYaml = path.join(plan, 'plan.yaml');
    for (const [from, to] of [['5500', '5600'], ['5600', '5700'], ['5700', '5800']]) {
      await replace(planYaml, `budget2018: ${from}`, `budget2018: ${to}`);
      await waitFor(child.stdout!, /byggd \(filen plan\.yaml\)/);
      expect(normalize((await pdfText(await readFile(out))).all)).toContain(`Intäkter ESF 4 100 ${to.slice(0, 1)} ${to.slice(1)}`);
    }
    const section = path.join(plan, 'avsnitt', '05-arbetsorganisation.md');
    for (const title of ['Organisation', 'Arbetssätt']) {
      await replace(section, /title: .*/.exec(await readFile(section, 'utf8'))![0], `title: ${title}`);
      await waitFor(child.stdout!, /byggd \(filen avsnitt\/05-arbetsorganisation\.md\)/);
    }
    expect(normalize((await pdfText(await readFile(out))).all)).toContain('Arbetssätt');
  });

  it('rebuilds a JSON plan when its logo in a subfolder changes', async () => {
    const planFile = path.join(dir, 'plan.json');
    await mkdir(path.join(dir, 'bilder'));
    await writeFile(path.join(dir, 'bilder', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>');
    const plan = JSON.parse(await planText());
    plan.document.logo = { file: 'bilder/logo.svg', alt: 'Logotyp' };
    await writeFile(planFile, JSON.stringify(plan));
    child = spawn(process.execPath, [BIN, 'watch', planFile, '--out', path.join(dir, 'plan.pdf')], { stdio: ['ignore', 'pipe', 'pipe'] });
    await waitFor(child.stdout!, /byggd \(start\)/);
    await writeFile(path.join(dir, 'bilder', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="20" height="10"><rect width="20" height="10"/></svg>');
    await waitFor(child.stdout!, /byggd \(bilden bilder\/logo\.svg\)/);
  });
});

describe('vplan build with many plans', () => {
  it('builds every good plan with one browser, reports the bad one and exits 1', async () => {
    const text = await planText();
    const files = ['a.json', 'b.json', 'c.json'].map((f) => path.join(dir, f));
    for (const f of files) await writeFile(f, text);
    const bad = path.join(dir, 'trasig.json');
    await writeFile(bad, '{ "document": {} }');
    const result = await promisify(execFile)(process.execPath, [BIN, 'build', ...files, bad, '--jobs', '2'], { cwd: dir }).catch(
      (e) => e as { code: number; stdout: string; stderr: string },
    );
    expect((result as { code?: number }).code).toBe(1);
    expect(result.stdout).toMatch(/3 byggda, 1 misslyckades \(\d+,\d s\)/);
    expect(result.stderr).toContain('trasig.json');
    for (const f of ['a', 'b', 'c']) expect((await stat(path.join(dir, 'output', `${f}.pdf`))).size).toBeGreaterThan(10_000);
  });
});
