// Which browser vplan prints with when none is named: Chromium's headless shell before the whole
// browser, at the usual places and on PATH.
import { afterAll, describe, expect, it } from 'vitest';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findSystemBrowser, systemBrowserPaths } from '../src/print/browser.js';

const dir = mkdtempSync(path.join(tmpdir(), 'vplan-browsers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function fakeBrowser(name: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, '#!/bin/sh\n');
  chmodSync(file, 0o755);
  return file;
}

describe('the browser found on the system', () => {
  const chromium = fakeBrowser('chromium');
  const shell = fakeBrowser('chromium-headless-shell');

  it('is the headless shell when both it and the whole Chromium are installed', () => {
    // At the usual places (as Debian installs them) and by name on PATH alike.
    expect(findSystemBrowser([path.join(dir, 'missing'), shell, chromium], [])).toBe(shell);
    const before = process.env.PATH;
    process.env.PATH = dir;
    try {
      expect(findSystemBrowser([])).toBe(shell);
    } finally {
      process.env.PATH = before;
    }
  });

  it('is the whole Chromium where there is no headless shell, and none where there is neither', () => {
    expect(findSystemBrowser([path.join(dir, 'chromium-headless-shell-missing'), chromium], [])).toBe(chromium);
    const only = mkdtempSync(path.join(tmpdir(), 'vplan-browsers-only-'));
    const before = process.env.PATH;
    try {
      writeFileSync(path.join(only, 'chromium'), '#!/bin/sh\n');
      process.env.PATH = only;
      expect(findSystemBrowser([])).toBe(path.join(only, 'chromium'));
      process.env.PATH = path.join(dir, 'nowhere');
      expect(findSystemBrowser([])).toBeUndefined();
    } finally {
      process.env.PATH = before;
      rmSync(only, { recursive: true, force: true });
    }
  });

  it('is looked for first where Debian puts the headless shell, before the whole browser', () => {
    const linux = systemBrowserPaths('linux');
    const shell = linux.indexOf('/usr/lib/chromium/chromium-headless-shell');
    expect(shell).toBeGreaterThanOrEqual(0);
    expect(shell).toBeLessThan(linux.indexOf('/usr/bin/chromium'));
    expect(systemBrowserPaths('sunos')).toEqual([]);
  });
});
