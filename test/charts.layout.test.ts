// Charts with long labels and negative amounts, in every kind and theme: no text is cut at the SVG's
// edge, none covers a bar, a line or another text; a long label wraps onto lines of its own, beside
// its bar (left of the negative bars too) or under its column.
import { describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { checkPlan } from '../src/build.js';
import { PlanError } from '../src/errors.js';
import { themeFontStack } from '../src/render/html.js';
import { chartMeasure, planCharts } from '../src/charts/helpers.js';
import { chartSvg } from '../src/charts/svg.js';
import type { ComputedChart } from '../src/charts/model.js';
import type { Measure } from '../src/charts/measure.js';
import type { ComputedPlan } from '../src/model.js';
import { basePlan, budget } from './helpers/plans.js';
import { useTempDir } from './helpers/tempDir.js';
import { wrapText } from '../src/charts/wrap.js';
import { inside, lineBox, overlap, parseSvg, rectBox, textBox } from './helpers/chartSvg.js';

const tmp = useTempDir('vplan-chart-layout');
const THEMES = ['kommunal', 'modern'];

const LONG = 'Individinriktade insatser för unga vuxna med aktivitetsersättning';
const REFUND = 'Återbetalning av outnyttjade medel från avslutade projekt inom ramen för den finansiella samordningen enligt lag (2003:1210)';
/** One word longer than any label column: broken at a syllable. */
const WORD = 'Arbetsmarknadsintegrationssamordningsutvecklingsprojektet';

async function planFrom(value: unknown): Promise<ComputedPlan> {
  const file = path.join(tmp(), 'plan.json');
  await writeFile(file, JSON.stringify(value));
  return (
    await checkPlan(file).catch((e: unknown) => {
      throw e instanceof PlanError ? new Error(e.describe()) : e;
    })
  ).plan;
}

const years = (amount: number) => ({ budget2026: amount, budget2027: amount, plan2028: amount });

const trial = () =>
  planFrom(
    basePlan({
      document: { association: { name: 'Testförbundet' }, title: 'Verksamhetsplan 2027', budgetYear: 2027, status: { state: 'förslag' } },
      sections: [
        { type: 'chart', title: 'Kostnader', charts: [{ kind: 'costs', by: 'row' }, { kind: 'costs' }, { kind: 'costs', by: 'row', unit: 'mkr' }] },
        { type: 'chart', title: 'Kapital', charts: [{ kind: 'capital' }] },
        { type: 'chart', title: 'Bidrag', charts: [{ kind: 'contributions' }] },
      ],
      budget: budget({
        columns: [
          { kind: 'budget', year: 2026, label: 'Budget 2026 enligt förbundsstyrelsens beslut' },
          { kind: 'budget', year: 2027 },
          { kind: 'plan', year: 2028, label: 'Plan 2028 (preliminär, inför medlemssamråd)' },
        ],
        income: { rows: [{ label: 'Medlemsbidrag', values: years(3_000_000) }] },
        costs: {
          rows: [
            {
              heading: 'Insatser riktade till individer och grupper med behov av samordnad rehabilitering',
              rows: [{ label: LONG, values: years(1_500_000) }, { label: 'Arbetsträning i samverkan med kommunernas arbetsmarknadsenheter', values: years(700_000) }],
            },
            { heading: 'Administration', rows: [{ label: 'Kansli', values: years(550_000) }, { label: WORD, values: years(100_000) }] },
            { label: REFUND, values: years(-400_000) },
          ],
        },
        capital: { opening: { budget2026: 200_000 }, carryForward: { budget2027: 'budget2026', plan2028: 'budget2027' }, ceiling: 1_000_000 },
      }),
      contributions: {
        parties: [
          { name: 'Staten genom Försäkringskassan och Arbetsförmedlingen', role: 'stat' },
          { name: 'Region Jönköpings län', role: 'region' },
          { name: 'Gislaveds kommun', role: 'kommun' },
        ],
        columns: [{ year: 2027, total: 3_000_000 }],
      },
    }),
  );

/** Every way a text of the chart can be cut or covered; an empty list when none is. */
function problems(chart: ComputedChart, measure: Measure): string[] {
  const svg = parseSvg(chartSvg(chart, measure));
  const view = { left: 0, right: svg.width, top: 0, bottom: svg.height };
  const out: string[] = [];
  const boxes = svg.texts.map((t) => ({ t, box: textBox(t, measure) }));
  for (const [i, { t, box }] of boxes.entries()) {
    if (!inside(box, view)) out.push(`"${t.text}" is cut at the edge`);
    if (t.className.includes('inside')) {
      if (!svg.bars.some((b) => inside(box, rectBox(b)))) out.push(`"${t.text}" is not inside its column`);
    } else {
      for (const bar of svg.bars) if (overlap(box, rectBox(bar))) out.push(`"${t.text}" covers a bar`);
    }
    for (const line of svg.lines) if (overlap(box, lineBox(line))) out.push(`"${t.text}" is crossed by the ${line.className}`);
    for (const other of boxes.slice(i + 1)) if (overlap(box, other.box)) out.push(`"${t.text}" overlaps "${other.t.text}"`);
  }
  // Each label whole, in order: its lines are its words (a word broken at a syllable joined again).
  const lines = svg.texts.filter((t) => t.className === 'chart-label').map((t) => t.text);
  const joined = lines.join(' ').replace(/(\p{Ll})- (?=\p{Ll})/gu, '$1');
  if (joined !== chart.bars.map((b) => b.label).join(' ')) out.push(`the labels read "${joined}"`);
  if (chart.orientation === 'horizontal') {
    const barsFrom = Math.min(...svg.bars.map((b) => b.x));
    for (const t of boxes.filter((b) => b.t.className === 'chart-label')) if (t.box.right > barsFrom) out.push(`"${t.t.text}" is not left of the bars`);
  }
  return out;
}

describe('chart layout with long labels and negative amounts', () => {
  it.each(THEMES)('%s: costs by row and by group, capital and contributions: every text whole, nothing covered', async (theme) => {
    const computed = await trial();
    const measure = await chartMeasure(computed, await themeFontStack(theme));
    const charts = planCharts(computed);
    expect(charts.map((c) => c.kind)).toEqual(['costs', 'costs', 'costs', 'capital', 'contributions']);
    for (const chart of charts) expect(problems(chart, measure), `${chart.caption}`).toEqual([]);
    // The long labels did wrap: some label has more than one line.
    const rows = parseSvg(chartSvg(charts[0]!, measure));
    expect(rows.labels.length).toBeGreaterThan(charts[0]!.bars.length);
    expect(rows.labels).not.toContain(LONG);
    expect(rows.labels.some((l) => /^Arbetsmarknads\S*-$/.test(l))).toBe(true);
  });

  it('keeps a short label on one line, beside its bar', async () => {
    const computed = await trial();
    const measure = await chartMeasure(computed, await themeFontStack('kommunal'));
    const svg = parseSvg(chartSvg(planCharts(computed)[0]!, measure));
    const kansli = svg.texts.find((t) => t.text === 'Kansli')!;
    const bar = svg.bars.find((b) => kansli.y > b.y && kansli.y < b.y + b.height);
    expect(bar, 'the label is level with its bar').toBeDefined();
  });

  it('places the amounts of negative columns clear of the labels under them', async () => {
    const bar = (label: string, value: number) => ({ label, amount: value, value, text: `${value} kr` });
    const chart: ComputedChart = {
      kind: 'capital',
      id: 'x',
      title: 'Utgående eget kapital',
      caption: 'Utgående eget kapital',
      unit: 'kr',
      orientation: 'vertical',
      bars: [bar('Budget 2026 enligt förbundsstyrelsens beslut', -400_000), bar('Budget 2027', 300_000), bar(WORD, -100_000)],
      limit: { label: 'Tak', value: 500_000, text: '500 000 kr' },
      alt: '',
    };
    for (const theme of THEMES) {
      const stack = await themeFontStack(theme);
      const measure = await chartMeasure({ sections: [{ content: { charts: [chart] }, children: [] } as never] }, stack);
      expect(problems(chart, measure), theme).toEqual([]);
    }
  });
});

describe('a label in lines', () => {
  const letters = (text: string) => [...text].length;

  it('keeps words whole, and breaks a word wider than a line at a syllable or after its own dash', () => {
    expect(wrapText('Kansli och styrelse', 12, letters)).toEqual(['Kansli och', 'styrelse']);
    expect(wrapText('Samordningsförbundet', 12, letters)).toEqual(['Samordnings-', 'förbundet']);
    expect(wrapText('Finsam-medel och samordningsprojekt', 12, letters)).toEqual(['Finsam-medel', 'och samord-', 'ningsprojekt']);
    expect(wrapText('Försäkringskassan-Arbetsförmedlingen', 20, letters)).toEqual(['Försäkringskassan-', 'Arbetsförmedlingen']);
    for (const line of wrapText('XXXXXXXXXXXXXXXXXXXXXXXXX', 10, letters)) expect(letters(line)).toBeLessThanOrEqual(10);
  });
});
