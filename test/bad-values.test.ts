// Every kind of bad value, run through the command as a user would: each plan gets a clear message
// with its file and JSON path, none a stack trace, none a PDF.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { pngOf } from './helpers/png.js';
import { runVplan } from './helpers/cli.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'vplan-bad-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

type Plan = Record<string, any>;
const CASES: [string, (p: Plan) => Plan | string, RegExp][] = [
  ['tal-som-text', (p) => ((p.budget.income.rows[0].values.budget2024 = '505 250'), p), /budget\.income\.rows\[0\]\.values\.budget2024: ska vara ett tal/],
  ['decimaler', (p) => ((p.budget.income.rows[0].values.budget2024 = 505250.5), p), /values\.budget2024: ska vara ett heltal/],
  ['nan', () => '{"document": NaN}', /nan\.json:1:14 /],
  ['infinity', () => '{"document": -Infinity}', /infinity\.json:1:14 /],
  ['dubbla-kolumner', (p) => ((p.budget.columns[1] = { kind: 'budget', year: 2024 }), p), /kolumn-id "budget2024" finns redan/],
  ['cirkel', (p) => ((p.budget.capital.carryForward = { budget2025: 'plan2027', plan2026: 'budget2025', plan2027: 'plan2026' }), p), /förs över i en cirkel/],
  ['okand-nyckel', (p) => ((p.budget.kostnder = []), p), /budget\.kostnder: okänd nyckel "kostnder"/],
  ['tom', () => '{}', /document: saknas/],
  ['tom-fil', () => '', /tom-fil\.json:1:1 /],
  ['negativ-andel', (p) => ({ ...p, contributions: { parties: [{ name: 'S', role: 'stat', share: -50 }, { name: 'R', role: 'region' }, { name: 'K', role: 'kommun' }], columns: [{ year: 2025, total: 100 }] } }), /contributions\.parties\[0\]\.share: talet -50 är för litet/],
  ['nyckel-inte-25', (p) => ({ ...p, contributions: { parties: [{ name: 'S', role: 'stat' }, { name: 'R', role: 'region' }, { name: 'A', role: 'kommun', share: 20 }, { name: 'B', role: 'kommun', share: 4 }], columns: [{ year: 2025, total: 100 }] } }), /kommunernas andelar summerar till 24,00/],
  ['djup', () => `{"sections": ${'['.repeat(80)}${']'.repeat(80)}}`, /nästlad i fler än 64 nivåer/],
];

describe('bad values through vplan build', () => {
  it('reports every bad plan clearly, without a stack trace or a PDF, and builds none', async () => {
    const base = JSON.parse(await readFile('data/finnveden-2025.json', 'utf8'));
    delete base.$schema;
    const files: string[] = [];
    for (const [name, make] of CASES) {
      const made = make(structuredClone(base));
      const file = path.join(dir, `${name}.json`);
      await writeFile(file, typeof made === 'string' ? made : JSON.stringify(made, null, 2));
      files.push(file);
    }
    // A byte-order mark is fine; a file in Latin-1 is not.
    await writeFile(path.join(dir, 'bom.json'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{}')]));
    await writeFile(path.join(dir, 'latin1.json'), Buffer.from('{"document": "F\xf6rbund"}', 'latin1'));
    files.push(path.join(dir, 'bom.json'), path.join(dir, 'latin1.json'));

    const result = await promisify(execFile)(process.execPath, [path.resolve('bin/vplan.js'), 'build', ...files], { cwd: dir }).catch(
      (e) => e as { code: number; stdout: string; stderr: string },
    );
    expect((result as { code?: number }).code).toBe(1);
    const stderr = result.stderr.replace(/\u00a0/g, ' ');
    for (const [name, , pattern] of CASES) {
      const block = stderr.split(/\n(?=\S)/).find((b) => b.includes(`${name}.json`));
      expect(block, name).toBeDefined();
      expect(block, name).toMatch(pattern);
    }
    expect(stderr).toMatch(/bom\.json: \d+ fel\n {2}\S*bom\.json:1:1 document: saknas/);
    expect(stderr).toContain('latin1.json: filen är inte sparad som UTF-8; spara om den med teckenkodningen UTF-8');
    expect(stderr).toContain('inte sparad som UTF-8');
    expect(stderr).not.toMatch(/\n\s+at \S+ \(/); // no stack trace
    expect(stderr).not.toContain('Oväntat fel');
    expect(result.stdout).toMatch(/0 byggda, 14 misslyckades/);
    expect(await readdir(dir)).not.toContain('output');
  });

  it('says that an image, a sheet or a Word file given as a plan is none (vplan build data/*)', async () => {
    const other = await mkdtemp(path.join(os.tmpdir(), 'vplan-not-a-plan-'));
    try {
      await writeFile(path.join(other, 'logo.png'), pngOf(4, 4));
      await writeFile(path.join(other, 'budget.xlsx'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0xff, 0xfe]));
      await writeFile(path.join(other, 'plan-2024.docx'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0xff, 0xfe]));
      const result = await runVplan(other, 'build', 'logo.png', 'budget.xlsx', 'plan-2024.docx');
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('logo.png: är ingen plan utan en bild;');
      expect(result.stderr).toContain('budget.xlsx: är ingen plan utan ett kalkylblad;');
      expect(result.stderr).toContain('plan-2024.docx: är ingen plan utan ett Word-dokument; vplan import gör en plan av det');
      expect(result.stderr).not.toContain('UTF-8');
      // There was no earlier PDF of an image to keep: none is named.
      expect(result.stderr).not.toContain('logo.png.pdf');
      expect(result.stderr).toContain('  ingen PDF skrevs\n');
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });
});
