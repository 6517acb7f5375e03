// The render-time parts of long-word handling: Swedish soft hyphens in the templates' labels and
// headings (never in figures or addresses), and running header texts shortened to their box.
import { describe, expect, it } from 'vitest';
import { hyphenate, stripSoftHyphens } from '../src/render/hyphenate.js';
import { fitText, runningTexts } from '../src/render/runningHeader.js';
import { computePlan } from '../src/compute/computePlan.js';
import { renderHtml } from '../src/render/html.js';
import { basePlan, budget } from './helpers/plans.js';

const SHY = '\u00ad';

describe('soft hyphens', () => {
  it('go between the syllables of Swedish words, and come out again', () => {
    const text = 'Samordningsförbundet Finnveden kompetensutvecklingsinsatser';
    const hyphenated = hyphenate(text);
    expect(hyphenated).toContain(`Sam${SHY}ord${SHY}nings${SHY}för${SHY}bun${SHY}det`);
    expect(hyphenated).toContain(`kom${SHY}pe${SHY}tens`);
    expect(stripSoftHyphens(hyphenated)).toBe(text);
  });

  it('leave short words, figures, years and web or mail addresses as they are', () => {
    for (const text of ['Kansli', '1 255 000', 'Budget 2026–2027', 'https://www.example.se/verksamhetsplanering', 'kansliet@samordningsforbund.se']) {
      expect(hyphenate(text)).toBe(text);
    }
  });

  it('are in the rendered labels, headings and title but never in an amount or the document title', async () => {
    const plan = computePlan(
      basePlan({
        sections: [{ type: 'text', title: 'Verksamhetsinriktning', text: 'Text.' }, { type: 'budget', title: 'Budget' }],
        budget: budget({ income: { rows: [{ label: 'Medlemsbidrag', values: { budget2025: 1_234_567 } }] } }),
      }),
      'plan.json',
    ).plan!;
    const html = await renderHtml(plan, { generator: 'test' });
    expect(html).toContain(`Verk${SHY}sam${SHY}hets${SHY}in${SHY}rikt${SHY}ning</h1>`);
    expect(html).toContain(`Med${SHY}lems${SHY}bi${SHY}drag</th>`);
    expect(html).toContain('<td class="num">1\u00a0234\u00a0567</td>');
    expect(html).toMatch(/<title>[^<\u00ad]*<\/title>/);
  });
});

describe('the running header', () => {
  it('keeps a short title as it is', async () => {
    const texts = await runningTexts({ associationName: 'Finnvedens Samordningsförbund', title: 'Verksamhetsplan 2025', dnr: '2024:11' }, undefined);
    expect(texts).toEqual({ left: 'Finnvedens Samordningsförbund', right: 'Verksamhetsplan 2025', footer: 'Dnr 2024:11' });
  });

  it('shortens a long title with "…" to what the theme font fits in its box', async () => {
    const title = 'Verksamhetsplan med budget för samordningsförbundet '.repeat(10).trim();
    const { right } = await runningTexts({ associationName: 'Förbundet', title, dnr: undefined }, { package: '@fontsource/carlito', family: 'Carlito' });
    expect(right).toMatch(/^Verksamhetsplan med budget för .*…$/);
    expect(right.length).toBeLessThan(60);
    // Without the font's widths, a wide average letter is assumed: shorter still, never longer.
    expect(fitText(title, 190, undefined).length).toBeLessThan(right.length);
  });
});
