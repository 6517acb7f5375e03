// A chart's default caption says what it shows: two charts of one budget column (by group and by row,
// or the capital of different columns) are told apart on the page and by a screen reader.
import { describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { checkPlan } from '../src/build.js';
import { renderHtml } from '../src/render/html.js';
import { GENERATOR } from '../src/version.js';
import { basePlan, budget } from './helpers/plans.js';
import { useTempDir } from './helpers/tempDir.js';

const tmp = useTempDir('vplan-chart-captions');

/** The printed HTML's chart captions and the charts' accessible names, in document order. */
async function captionsOf(charts: unknown[]) {
  const file = path.join(tmp(), 'plan.json');
  const value = basePlan({
    sections: [{ type: 'chart', title: 'Diagram', charts } as never],
    budget: budget({
      columns: [{ kind: 'budget', year: 2025 }, { kind: 'prognos', year: 2025 }, { kind: 'plan', year: 2026 }],
      costs: {
        rows: [
          { heading: 'Insatser', rows: [{ label: 'Insats A', values: { budget2025: 300, prognos2025: 300, plan2026: 300 } }, { label: 'Insats B', values: { budget2025: 100, prognos2025: 100, plan2026: 100 } }] },
          { label: 'Kansli', values: { budget2025: 400, prognos2025: 400, plan2026: 400 } },
        ],
      },
      income: { rows: [{ label: 'Medlemsbidrag', values: { budget2025: 1000, prognos2025: 1000, plan2026: 1000 } }] },
      capital: { opening: { budget2025: 100, prognos2025: 100 }, carryForward: { plan2026: 'prognos2025' } },
    }),
  });
  await writeFile(file, JSON.stringify(value));
  const html = await renderHtml((await checkPlan(file)).plan, { generator: GENERATOR });
  const captions = [...html.matchAll(/<figcaption class="chart-caption"[^>]*>([^<]*)<\/figcaption>/g)].map((m) => m[1]!.replace(/\u00ad/g, ''));
  const alts = [...html.matchAll(/<title id="diagram-[^"]*">([^:<]*):/g)].map((m) => m[1]!);
  return { captions, alts };
}

describe('default chart captions', () => {
  it('name the costs by group and by row apart, with the column', async () => {
    const { captions, alts } = await captionsOf([{ kind: 'costs' }, { kind: 'costs', by: 'row' }, { kind: 'costs', by: 'row', column: 'prognos2025' }]);
    expect(captions).toEqual(['Kostnader per grupp 2025', 'Kostnader per rad 2025', 'Kostnader per rad, prognos 2025']);
    expect(alts).toEqual(captions);
  });

  it('name the columns a capital chart shows when the plan chooses them', async () => {
    const { captions } = await captionsOf([{ kind: 'capital' }, { kind: 'capital', columns: ['budget2025', 'plan2026'] }, { kind: 'capital', columns: ['prognos2025'] }]);
    expect(captions).toEqual(['Utgående eget kapital', 'Utgående eget kapital, budget 2025 och plan 2026', 'Utgående eget kapital, prognos 2025']);
  });

  it('keep a caption the plan gives', async () => {
    const { captions, alts } = await captionsOf([{ kind: 'costs', by: 'row', caption: 'Våra kostnader' }]);
    expect(captions).toEqual(['Våra kostnader']);
    expect(alts).toEqual(['Kostnader per rad 2025']);
  });
});
