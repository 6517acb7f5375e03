// Live preview on localhost: a page that shows the PDF and reloads itself after each rebuild, and shows
// the error instead while the plan is broken. Only vplan's own page runs script; the plan's text is
// sent as data and set with textContent.
import { createServer, type Server, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { VplanError } from '../errors.js';
import { describeForUser } from '../cli/report.js';
import type { PlanWatcher } from './watcher.js';
import { DEFAULT_ARCHIVE_DIR, listVersions, readFiledPlan } from '../archive/archive.js';
import { checkPlan } from '../build.js';
import { diffPlans } from '../diff/diff.js';
import { formatChanges } from '../diff/format.js';

/** What changed since the latest version of the plan's dnr in the archive, as text for the preview. */
async function changesSinceFiled(file: string, archiveDir: string): Promise<string> {
  const { plan } = await checkPlan(file);
  const dnr = plan.document.dnr;
  if (!dnr) return 'Planen har inget diarienummer (document.dnr) och ingen arkiverad version att jämföra med.';
  const filed = await listVersions(archiveDir, dnr).catch(() => []);
  const latest = filed.at(-1);
  if (!latest) return `Ingen version av ${dnr} är arkiverad i ${archiveDir} än.`;
  const old = await readFiledPlan(archiveDir, dnr, latest.manifest.version);
  const before = await checkPlan(old.file);
  return formatChanges(diffPlans(before.plan, plan, `version ${latest.manifest.version} (${latest.manifest.dnr})`));
}

const PAGE = `<!DOCTYPE html>
<html lang="sv"><head><meta charset="utf-8"><title>vplan – förhandsvisning</title>
<style>
  html, body { margin: 0; height: 100%; font-family: system-ui, sans-serif; }
  header { padding: 6px 12px; background: #17476b; color: #fff; font-size: 14px; display: flex; gap: 16px; }
  #error { display: none; margin: 0; padding: 16px; background: #fff3f3; color: #8a0010; white-space: pre-wrap; font: 13px/1.5 monospace; }
  iframe { border: 0; width: 100%; height: calc(100% - 32px); }
  body.broken iframe { height: calc(100% - 32px - 40%); }
  body.broken #error { display: block; max-height: 40%; overflow: auto; }
</style></head>
<body>
<header><strong>vplan</strong><span id="state">ansluter …</span><a href="/andringar" target="_blank" style="color:#fff;margin-left:auto">Ändringar sedan senaste arkiverade version</a></header>
<pre id="error"></pre>
<iframe id="pdf" title="Planen som PDF"></iframe>
<script>
  const state = document.getElementById('state');
  const error = document.getElementById('error');
  const frame = document.getElementById('pdf');
  let shown = 0;
  const events = new EventSource('/events');
  events.addEventListener('built', (e) => {
    const data = JSON.parse(e.data);
    document.body.classList.remove('broken');
    state.textContent = 'version ' + data.version + ' (' + data.ms + ' ms, ' + data.reason + ')';
    if (data.version !== shown) { shown = data.version; frame.src = '/plan.pdf?v=' + data.version; }
  });
  events.addEventListener('failed', (e) => {
    const data = JSON.parse(e.data);
    document.body.classList.add('broken');
    state.textContent = 'fel – visar senaste fungerande version';
    error.textContent = data.message;
  });
</script>
</body></html>`;

export function describeError(error: unknown): string {
  return describeForUser(error);
}

export interface PreviewServer {
  url: string;
  close(): Promise<void>;
}

export async function servePreview(watcher: PlanWatcher, port = 0, archiveDir = DEFAULT_ARCHIVE_DIR): Promise<PreviewServer> {
  const clients = new Set<ServerResponse>();
  const send = (res: ServerResponse, event: string, data: unknown) => res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  const current = (res: ServerResponse) => {
    if (watcher.lastError !== undefined) send(res, 'failed', { message: describeError(watcher.lastError) });
    else if (watcher.version > 0) send(res, 'built', { version: watcher.version, ms: 0, reason: 'senaste' });
  };
  watcher.on('built', (e) => {
    for (const c of clients) send(c, 'built', { version: e.version, ms: Math.round(e.ms), reason: e.reason });
  });
  watcher.on('failed', (e) => {
    for (const c of clients) send(c, 'failed', { message: describeError(e.error) });
  });

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const headers = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };
    if (url.pathname === '/') {
      res.writeHead(200, { ...headers, 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; frame-src 'self'" });
      res.end(PAGE);
    } else if (url.pathname === '/plan.pdf') {
      readFile(watcher.options.out).then(
        (pdf) => {
          res.writeHead(200, { ...headers, 'Content-Type': 'application/pdf' });
          res.end(pdf);
        },
        () => {
          res.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
          res.end('Ingen PDF ännu.');
        },
      );
    } else if (url.pathname === '/events') {
      res.writeHead(200, { ...headers, 'Content-Type': 'text/event-stream', Connection: 'keep-alive' });
      clients.add(res);
      current(res);
      req.on('close', () => clients.delete(res));
    } else if (url.pathname === '/andringar') {
      changesSinceFiled(watcher.file, archiveDir).then(
        (text) => {
          res.writeHead(200, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
          res.end(text);
        },
        (error: unknown) => {
          res.writeHead(200, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
          res.end(describeError(error));
        },
      );
    } else if (url.pathname === '/status') {
      res.writeHead(200, { ...headers, 'Content-Type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify({ version: watcher.version, error: watcher.lastError === undefined ? null : describeError(watcher.lastError) }));
    } else {
      res.writeHead(404, headers);
      res.end();
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      const why =
        error.code === 'EADDRINUSE'
          ? `porten ${port} används redan av ett annat program`
          : error.code === 'EACCES'
            ? `porten ${port} får inte användas av vplan (portar under 1024 kräver administratörsrätt)`
            : `förhandsvisningen kunde inte starta (${error.code ?? error.message})`;
      reject(new VplanError(`--port ${port}: ${why}.`, 'Välj en annan port, t.ex. --port 8123, eller utelämna --port så väljs en ledig port.'));
    });
    // Loopback only: the preview is for the person at this computer.
    server.listen(port, '127.0.0.1', resolve);
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const c of clients) c.end();
        server.close(() => resolve());
      }),
  };
}
