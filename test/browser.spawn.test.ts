// vplan starts the browser's process itself (before Puppeteer has loaded) and connects Puppeteer to it
// over Chromium's DevTools pipe: with the very command line puppeteer.launch would use, a pipe that
// splits messages where Chromium's NUL bytes say, and a clear Swedish error for a browser that will not start.
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import os from 'node:os';
import { PassThrough } from 'node:stream';
import puppeteer from 'puppeteer-core';
import { browserArgs, chooseBrowser, launchBrowser } from '../src/print/browser.js';
import { launchArgs, PipeTransport } from '../src/print/spawn.js';
import { RunError } from '../src/errors.js';

describe('the browser vplan starts itself', () => {
  it('gets the command line puppeteer.launch({ headless: true, pipe: true }) would give it', async () => {
    const choice = await chooseBrowser();
    for (const own of [browserArgs(choice), [...browserArgs(choice), '--enable-features=Foo', '--lang=sv']]) {
      const profile = '/tmp/vplan-chrome-profile-test';
      const theirs = [...puppeteer.defaultArgs({ headless: true, args: [...own], userDataDir: profile }), '--remote-debugging-pipe'];
      expect(launchArgs(own, profile)).toEqual(theirs);
    }
    // vplan's own flags are among them, its features merged into Puppeteer's single --disable-features.
    const args = launchArgs(browserArgs(choice), '/tmp/p');
    expect(args.filter((a) => a.startsWith('--disable-features='))).toEqual([
      expect.stringMatching(/^--disable-features=Translate,.*,WebUIOmniboxPopup,WebUIOmniboxAimPopup$/),
    ]);
    expect(args).toContain('--font-render-hinting=none');
  });

  it('prints through the pipe it was connected over, and ends with the process it started', async () => {
    const browser = await launchBrowser(await chooseBrowser(), false);
    try {
      const page = await browser.newPage();
      await page.setContent('<h1>Verksamhetsplan</h1>');
      const pdf = await page.pdf({ format: 'A4' });
      expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
      expect(browser.process()?.pid).toBeGreaterThan(0);
    } finally {
      await browser.close();
    }
  });

  it('refuses a browser that ends at once, in Swedish, and leaves no profile behind', async () => {
    const before = readdirSync(os.tmpdir()).filter((n) => n.startsWith(`vplan-chrome-profile-${process.pid}-`));
    const error = await launchBrowser({ executablePath: '/bin/false', source: 'option', extraArgs: [] }, false).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RunError);
    expect((error as RunError).message).toMatch(/^Webbläsaren \/bin\/false kunde inte startas: den avslutades direkt \(kod 1\)/);
    await new Promise((resolve) => setTimeout(resolve, 300)); // the profile is removed by a process of its own
    const after = readdirSync(os.tmpdir()).filter((n) => n.startsWith(`vplan-chrome-profile-${process.pid}-`));
    expect(after.filter((name) => !before.includes(name))).toEqual([]);
  });
});

describe('the DevTools pipe', () => {
  it('hands on each NUL-separated message whole, however the bytes arrive, and says when it closed', async () => {
    const fromBrowser = new PassThrough();
    const toBrowser = new PassThrough();
    const transport = new PipeTransport(toBrowser, fromBrowser);
    const received: string[] = [];
    transport.onmessage = (m) => received.push(m);
    let closed = false;
    transport.onclose = () => (closed = true);
    const message = (id: number) => JSON.stringify({ id, result: { text: 'Förbundet å ä ö' } });
    const bytes = Buffer.from(`${message(1)}\0${message(2)}\0${message(3)}\0`);
    // Cut inside a message and inside a multi-byte character, and two messages in one chunk.
    for (const [from, to] of [[0, 10], [10, 31], [31, bytes.length - 5], [bytes.length - 5, bytes.length]]) fromBrowser.write(bytes.subarray(from, to));
    transport.send('{"id":9}');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(received).toEqual([message(1), message(2), message(3)]);
    expect(toBrowser.read()?.toString()).toBe('{"id":9}\0');
    fromBrowser.destroy();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(closed).toBe(true);
  });
});
