// npm run bench's measuring: a whole process's wall time, and the peak memory of its process tree.
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

/**
 * Memory of a process and all its descendants (Linux /proc), in bytes: the sum of their proportional
 * set sizes (PSS), so pages the browser's processes share are counted once, not once per process.
 */
export function treeRss(pid) {
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

/** One whole process: wall time, and (with memory) its tree's peak memory sampled every 100 ms. */
export async function measure(command, args, { cwd = process.cwd(), env = process.env, memory = false } = {}) {
  const started = performance.now();
  const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c) => (stdout += c));
  child.stderr.on('data', (c) => (stderr += c));
  let peak = 0;
  const sampler = memory ? setInterval(() => (peak = Math.max(peak, treeRss(child.pid))), 100) : undefined;
  const code = await new Promise((r) => child.on('close', r));
  const elapsed = performance.now() - started;
  clearInterval(sampler);
  if (code !== 0) throw new Error(`${path.basename(command)} ${args.slice(0, 2).join(' ')} exited ${code}: ${stderr.slice(0, 500)}`);
  return { ms: elapsed, peak, stdout };
}
