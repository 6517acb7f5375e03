// The HTML renderer with a computed plan and no browser: escaping, language, logo.
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { computePlan } from '../src/compute/computePlan.js';
import { cssString, renderHtml } from '../src/render/html.js';
import { VplanError } from '../src/errors.js';
import { basePlan, budget } from './helpers/plans.js';

const render = async (overrides: Parameters<typeof basePlan>[0], file = path.resolve('test/fixtures/plan.json')) => {
  const outcome = computePlan(basePlan(overrides), file);
  expect(outcome.issues).toEqual([]);
  return renderHtml(outcome.plan!, { generator: 'vplan test' });
};

const withLogo = (file: string) => ({
  document: {
    association: { name: 'Förbundet' },
    title: 'Verksamhetsplan 2025',
    budgetYear: 2025,
    status: { state: 'förslag' as const },
    logo: { file, alt: 'Förbundets logotyp' },
  },
});

describe('renderHtml', () => {
  it('keeps a heading year by its word in tables of up to five figure columns, the share column counted', async () => {
    const contributions = (years: number) =>
      render({
        sections: [{ type: 'contributions', title: 'Medlemsbidrag' }],
        contributions: {
          parties: [
            { name: 'Staten', role: 'stat' },
            { name: 'Regionen', role: 'region' },
            { name: 'Kommunen', role: 'kommun' },
          ],
          columns: Array.from({ length: years }, (_, i) => ({ year: 2025 + i, total: 1000 })),
        },
      });
    expect(await contributions(4)).toMatch(/<th scope="col" class="num">[^<]*\u00a02028\u00a0\(kr\)<\/th>/);
    expect(await contributions(5)).not.toMatch(/\u00a020(2[5-9])/);
    // There a heading breaks before its year, which keeps its unit: "Medlemsbidrag" over "2025 (kr)".
    expect(await contributions(5)).toMatch(/ 2025\u00a0\(kr\)<\/th>/);
  });

  it('heads the contributions columns "Medlemsbidrag ÅR (kr)", as the section and the README call them, unless the plan gives a label', async () => {
    const html = await render({
      sections: [{ type: 'contributions', title: 'Medlemsbidrag' }],
      contributions: {
        parties: [
          { name: 'Staten', role: 'stat' },
          { name: 'Regionen', role: 'region' },
          { name: 'Kommunen', role: 'kommun' },
        ],
        columns: [
          { year: 2025, total: 1000 },
          { year: 2026, total: 1000, label: 'Avgift 2026' },
        ],
      },
    });
    const headings = [...html.matchAll(/<th scope="col" class="num">([^<]*)<\/th>/g)].map((m) => m[1]!.replace(/[\u00a0\u00ad]/g, (c) => (c === '\u00a0' ? ' ' : '')));
    expect(headings).toEqual(['Andel (%)', 'Medlemsbidrag 2025 (kr)', 'Avgift 2026']);
    expect(html).not.toContain('Medlemsavgift');
  });

  it('writes an empty corner of a budget table as a cell, not as a header without a name', async () => {
    const html = await render({
      sections: [{ type: 'budget', title: 'Budget' }],
      budget: budget({ costs: { rows: [{ columnHeadings: true, rows: [{ label: 'Kansli', values: { budget2025: 100 } }] }] } }),
    });
    expect(html).toMatch(/<thead>\s*(?:\{\{!--[^]*?--\}\}\s*)?<tr><td class="label"><\/td><th scope="col" class="num">/);
    expect(html).toContain('<tr class="columnHeadings"><td class="label"></td><th scope="col" class="num">');
    expect(html).not.toMatch(/<th scope="col" class="label"><\/th>/);
  });

  it('keeps a number in a row label with its digit groups and its unit, on the web page too', async () => {
    const plan = basePlan({
      sections: [{ type: 'budget', title: 'Budget' }],
      budget: budget({ costs: { rows: [{ label: 'Personal (förbundschef, ekonom 50 %, 2 400 timmar)', values: { budget2025: 800 } }] } }),
    });
    const outcome = computePlan(plan, path.resolve('test/fixtures/plan.json'));
    for (const variant of ['print', 'web'] as const) {
      const html = (await renderHtml(outcome.plan!, { generator: 'vplan test', variant })).replaceAll('\u00ad', '');
      expect(html).toContain('ekonom 50\u00a0%, 2\u00a0400 timmar)</th>');
    }
  });

  it('declares Swedish, escapes every text from the plan and has no script', async () => {
    const html = await render({
      document: {
        association: { name: 'Förbund <script>alert(1)</script>' },
        title: 'Verksamhetsplan 2025 <img src=x onerror=alert(1)>',
        budgetYear: 2025,
        dnr: '2024:1 "><b>',
        status: { state: 'förslag' },
      },
      sections: [{ type: 'budget', title: 'Budget <i>2025</i>' }],
      budget: budget({ income: { rows: [{ label: '<iframe src="file:///etc/passwd">', values: { budget2025: 1000 } }] } }),
    });
    expect(html).toContain('<html lang="sv-SE">');
    expect(html).not.toMatch(/<script|<iframe|<img src=x|<b>|<i>2025/);
    expect(html).toContain('Förbund &lt;script&gt;');
    expect(html).toContain('&lt;iframe src&#x3D;&quot;file:///etc/passwd&quot;&gt;');
  });

  it('embeds the logo with its alternative text', async () => {
    const html = await render(withLogo('logo.png'));
    expect(html).toMatch(/<img class="logo" src="data:image\/png;base64,[A-Za-z0-9+/]+(&#x3D;)*" alt="Förbundets logotyp">/);
  });

  it('stops with a clear error before printing when the logo is missing', async () => {
    const promise = render(withLogo('saknas.png'));
    await expect(promise).rejects.toThrow(VplanError);
    await expect(promise).rejects.toThrow(/Logotypen .*saknas\.png finns inte/);
  });
});

describe('heading levels', () => {
  it('keeps the PDF’s sections h1 (its chapters) and puts the web page’s sections under its one h1', async () => {
    const outcome = computePlan(
      basePlan({
        sections: [
          { type: 'text', title: 'Inledning', text: 'Text.\n\n## Bakgrund\n\nMer.', sections: [{ type: 'text', title: 'Insatser', text: 'Om insatserna.' }] },
          { type: 'text', title: 'Uppföljning', text: 'Text.' },
        ],
      }),
      path.resolve('test/fixtures/plan.json'),
    );
    expect(outcome.issues).toEqual([]);
    const tags = async (variant: 'print' | 'web') =>
      [...(await renderHtml(outcome.plan!, { generator: 'vplan test', variant })).matchAll(/<h([1-6])[\s>][^]*?<\/h\1>/g)]
        .map((m) => `h${m[1]} ${m[0].replace(/<[^>]*>/g, '').trim()}`);
    // The PDF's headings have soft hyphens where a long word may break (the web page's have none).
    const printed = (await tags('print')).map((h) => h.replaceAll('\u00ad', ''));
    expect(printed).toEqual(['h1 Verksamhetsplan 2025', 'h2 Innehåll', 'h1 1. Inledning', 'h2 Bakgrund', 'h2 1.1 Insatser', 'h1 2. Uppföljning']);
    expect(await tags('web')).toEqual(['h1 Verksamhetsplan 2025', 'h2 Innehåll', 'h2 1. Inledning', 'h3 Bakgrund', 'h3 1.1 Insatser', 'h2 2. Uppföljning']);
  });
});

describe('cssString', () => {
  it('writes plan text into the running header so it can neither end its string nor the stylesheet', () => {
    const css = cssString('Förbund "x"; } </style><script>');
    expect(css).toMatch(/^"[A-Za-z0-9 \\]*"$/);
    expect(css).not.toMatch(/[<>;{}]|"[^"]*"[^"]/);
    expect(cssString('Dnr 2024:11 / 2')).toBe('"Dnr 2024\\3a 11 \\2f  2"');
  });
});
