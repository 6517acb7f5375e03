// npm run bench: vplan's speed against a bare headless Chromium printing the same HTML, measured in one
// run on this machine. Prints a table; the README quotes it. Timings are medians of several runs.
import { execFile, spawn } from 'node:child_process';
import { cpus, totalmem, tmpdir } from 'node:os';
import { copyFile, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'bin', 'vplan.js');
const { chooseBrowser, browserArgs } = await import(path.join(root, 'dist/print/browser.js'));
const { buildPlan, PrintSession } = await import(path.join(root, 'dist/build.js'));
const { PlanWatcher } = await import(path.join(root, 'dist/watch/watcher.js'));
const run = promisify(execFile);

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const percentile = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
const ms = (x) => `${Math.round(x)} ms`;
const mib = (bytes) => `${Math.round(bytes / 1024 / 1024)} MiB`;

/**
 * Memory of a process and all its descendants (Linux /proc), in bytes: the sum of their proportional
 * set sizes (PSS), so pages the browser's processes share are counted once, not once per process.
 */
function treeRss(pid) {
  const children = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  let total = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop();
    try {
      // Only the tree's own processes: reading smaps_rollup costs the kernel a page-table walk.
      const rollup = readFileSync(`/proc/${p}/smaps_rollup`, 'utf8');
      total += Number(/^Pss:\s+(\d+) kB/m.exec(rollup)?.[1] ?? 0) * 1024;
    } catch {
      // ended meanwhile
    }
    stack.push(...(children.get(p) ?? []));
  }
  return total;
}

async function timed(command, args) {
  const started = performance.now();
  await run(command, args, { cwd: root, maxBuffer: 1 << 24 });
  return performance.now() - started;
}

const work = await mkdtemp(path.join(tmpdir(), 'vplan-bench-'));
const rows = [];
try {
  // The largest example, by pages.
  const session = new PrintSession();
  let largest = { file: '', pages: 0 };
  for (const f of (await readdir(path.join(root, 'data'))).filter((f) => f.endsWith('.json'))) {
    const r = await buildPlan(path.join(root, 'data', f), path.join(work, 'probe.pdf'), session);
    if (r.pages > largest.pages) largest = { file: path.join(root, 'data', f), pages: r.pages };
  }
  await session.close();
  const choice = await chooseBrowser();
  const version = (await run(choice.executablePath, ['--version']).catch(() => ({ stdout: '?' }))).stdout.trim();

  // (a) cold build, whole process, against a bare Chromium printing the same final HTML
  const html = path.join(work, 'final.html');
  await run(process.execPath, [bin, 'build', largest.file, '--out', path.join(work, 'v.pdf'), '--html', html], { cwd: root });
  const bareArgs = [...browserArgs(choice), '--headless', '--no-pdf-header-footer', `--print-to-pdf=${path.join(work, 'bare.pdf')}`, `file://${html}`];
  const cold = [];
  const bare = [];
  for (let i = 0; i < RUNS; i++) {
    bare.push(await timed(choice.executablePath, [...bareArgs, `--user-data-dir=${path.join(work, `profile-${i}`)}`]));
    cold.push(await timed(process.execPath, [bin, 'build', largest.file, '--out', path.join(work, 'cold.pdf')]));
  }
  const profile = JSON.parse((await run(process.execPath, [path.join(root, 'bench', 'cold-profile.mjs'), largest.file], { cwd: root })).stdout);
  rows.push(['bare Chromium --print-to-pdf, same HTML', ms(median(bare)), '']);
  rows.push(['vplan build, cold, whole process', ms(median(cold)), `${(median(cold) / median(bare)).toFixed(2)}× bare (target ≤ 1.3×)`]);

  // (b) warm rebuild in watch mode after a one-figure edit
  const watched = path.join(work, 'watched.json');
  const original = await readFile(largest.file, 'utf8');
  await writeFile(watched, original);
  const watcher = new PlanWatcher(watched, { out: path.join(work, 'watched.pdf') });
  await watcher.start();
  const rebuilds = [];
  for (let i = 0; i < 20; i++) {
    const edited = original.replace('"budget2018": 5500', `"budget2018": ${5500 + i + 1}`);
    const done = new Promise((resolve, reject) => {
      const onBuilt = (e) => {
        watcher.off('failed', onFailed);
        resolve(e);
      };
      const onFailed = (e) => {
        watcher.off('built', onBuilt);
        reject(e.error);
      };
      watcher.once('built', onBuilt);
      watcher.once('failed', onFailed);
    });
    const started = performance.now();
    await writeFile(watched, edited);
    await done;
    rebuilds.push(performance.now() - started);
  }
  await watcher.close();
  rows.push(['watch: save → new PDF after a one-figure edit', ms(median(rebuilds)), `p90 ${ms(percentile(rebuilds, 0.9))} (target median ≤ 250 ms)`]);

  // (c) batch throughput and peak memory for 50 plans
  const batchDir = path.join(work, 'batch');
  await run('mkdir', ['-p', batchDir]);
  const plans = [];
  for (let i = 1; i <= 50; i++) {
    const f = path.join(batchDir, `plan-${String(i).padStart(2, '0')}.json`);
    await copyFile(largest.file, f);
    plans.push(f);
  }
  const started = performance.now();
  const child = spawn(process.execPath, [bin, 'build', ...plans], { cwd: batchDir, stdio: 'ignore' });
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, treeRss(child.pid))), 100);
  const code = await new Promise((r) => child.on('exit', r));
  clearInterval(sampler);
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0) throw new Error(`batch exited ${code}`);
  rows.push(['batch: 50 plans, one process', `${(50 / seconds).toFixed(1)} PDF/s`, `${seconds.toFixed(1)} s, peak ${mib(peak)} (targets ≥ 4 PDF/s, ≤ 1 GiB)`]);

  // (e) a large plan: 2 000 budget rows and about 200 pages of text, as a whole process
  const { largePlan } = await import(path.join(root, 'bench', 'large-plan.mjs'));
  const large = path.join(work, 'large.json');
  await writeFile(large, JSON.stringify(largePlan()));
  const largeStarted = performance.now();
  const largeChild = spawn(process.execPath, [bin, 'build', large, '--out', path.join(work, 'large.pdf')], { cwd: work, stdio: ['ignore', 'pipe', 'ignore'] });
  let largeOut = '';
  largeChild.stdout.on('data', (c) => (largeOut += c));
  let largePeak = 0;
  const largeSampler = setInterval(() => (largePeak = Math.max(largePeak, treeRss(largeChild.pid))), 100);
  const largeCode = await new Promise((r) => largeChild.on('exit', r));
  clearInterval(largeSampler);
  if (largeCode !== 0) throw new Error(`large plan exited ${largeCode}`);
  const largePages = /\((\d+) sidor/.exec(largeOut)?.[1] ?? '?';
  rows.push([`large plan: 2 000 rows, ${largePages} pages`, ms(performance.now() - largeStarted), `peak ${mib(largePeak)}`]);

  // (d) memory over 200 successive rebuilds with one browser
  const loop = new PrintSession();
  const memory = [];
  for (let i = 1; i <= 200; i++) {
    await buildPlan(largest.file, path.join(work, 'loop.pdf'), loop);
    if (i === 20 || i === 200) memory.push(treeRss(process.pid));
  }
  await loop.close();
  rows.push(['200 rebuilds, one browser: memory after 20 → 200', `${mib(memory[0])} → ${mib(memory[1])}`, `growth ${mib(memory[1] - memory[0])} (target: none)`]);

  const cpu = cpus()[0]?.model ?? '?';
  console.log(`\nvplan benchmark – ${path.basename(largest.file)} (${largest.pages} sidor), ${RUNS} körningar per kall mätning`);
  console.log(`maskin: ${cpus().length} kärnor (${cpu}), ${mib(totalmem())} minne, Node ${process.version}, ${version}\n`);
  const width = [Math.max(...rows.map((r) => r[0].length)), Math.max(...rows.map((r) => r[1].length))];
  console.log(`| ${'mätning'.padEnd(width[0])} | ${'värde'.padEnd(width[1])} | jämförelse |`);
  console.log(`|${'-'.repeat(width[0] + 2)}|${'-'.repeat(width[1] + 2)}|---|`);
  for (const r of rows) console.log(`| ${r[0].padEnd(width[0])} | ${r[1].padEnd(width[1])} | ${r[2]} |`);
  console.log('\nEn kall byggnad steg för steg (i en ny process, utan parallellitet utom webbläsarens start):');
  for (const [step, t] of profile) console.log(`  ${String(t).padStart(5)} ms  ${step}`);
} finally {
  await rm(work, { recursive: true, force: true });
}
