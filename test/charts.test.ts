// Charts: every bar, label and alt text comes from the computed budget; each chart is a tagged /Figure
// with its data as /Alt in the PDF. Bad chart options: charts.errors.test.ts.
import { describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PDFArray, PDFDict, PDFName, PDFRef, type PDFDocument, type PDFString, type PDFHexString } from 'pdf-lib';
import { checkPlan } from '../src/build.js';
import { nextYear } from '../src/next/nextYear.js';
import { PlanError } from '../src/errors.js';
import { formatInteger } from '../src/format.js';
import { themeFontStack } from '../src/render/html.js';
import { chartMeasure, planCharts } from '../src/charts/helpers.js';
import { chartSvg } from '../src/charts/svg.js';
import { CHART_WIDTH } from '../src/charts/layout.js';
import type { ComputedPlan } from '../src/model.js';
import { basePlan, budget } from './helpers/plans.js';
import { useTempDir } from './helpers/tempDir.js';
import { builtExample } from './helpers/examples.js';
import { normalize } from './helpers/pdfText.js';
import { parseSvg } from './helpers/chartSvg.js';

const tmp = useTempDir('vplan-charts');
const sp = (s: string) => s.replace(/\u00a0/g, ' ');

async function plan(file: string) {
  return (
    await checkPlan(file).catch((e: unknown) => {
      throw e instanceof PlanError ? new Error(e.describe()) : e;
    })
  ).plan;
}

async function planFrom(value: unknown): Promise<ComputedPlan> {
  const file = path.join(tmp(), 'plan.json');
  await writeFile(file, JSON.stringify(value));
  return plan(file);
}

async function svgs(computed: ComputedPlan) {
  const measure = await chartMeasure(computed, await themeFontStack(computed.document.theme));
  return { measure, charts: planCharts(computed).map((chart) => ({ chart, svg: chartSvg(chart, measure) })) };
}

describe('charts computed from the budget', () => {
  it('shows each cost row of the budget year as its table row says, largest first, with its share of the costs', async () => {
    const computed = await plan('data/finnveden-2025.json');
    const budgetTable = computed.budget!;
    const column = budgetTable.columns.findIndex((c) => c.id === 'budget2025');
    const rows = budgetTable.table.rows.filter((r) => r.kind === 'row' && r.path[1] === 'costs' && r.cells[column]);
    const expected = rows
      .map((r) => ({ label: r.label, amount: r.cells[column]! }))
      .sort((a, b) => b.amount - a.amount);
    const { charts } = await svgs(computed);
    const costs = charts.find((c) => c.chart.kind === 'costs')!;
    const { labels, values, bars } = parseSvg(costs.svg);
    expect(labels).toEqual(expected.map((e) => e.label));
    const total = budgetTable.totals.costs[column]!;
    expect(values.map(sp)).toEqual(expected.map((e) => `${sp(formatInteger(e.amount))} kr (${Math.round((100 * e.amount) / total)} %)`));
    // Bar lengths in proportion to the amounts (to the layout's tenth of a pixel).
    bars.forEach((bar, i) => expect(bar.width / bars[0]!.width).toBeCloseTo(expected[i]!.amount / expected[0]!.amount, 2));
    expect(sp(costs.chart.alt)).toMatch(/^Kostnader per rad 2025: Samverkansteam Finnveden 3 336 600 kr \(57 %\), Verksamhetsutvecklare 856 000 kr \(15 %\), /);
  });

  it('sums a group of rows into one bar named after its heading or subtotal', async () => {
    const computed = await planFrom(
      basePlan({
        sections: [{ type: 'budget', title: 'Budget', charts: [{ kind: 'costs' }] }],
        budget: budget({
          costSign: 'negative',
          costs: {
            rows: [
              { heading: 'Verksamhet', rows: [{ label: 'Insats A', values: { budget2025: 300 } }, { label: 'Insats B', values: { budget2025: 100 } }] },
              { subtotal: 'Delsumma administration', rows: [{ label: 'Kansli', values: { budget2025: 500 } }] },
              { label: 'Revision', values: { budget2025: 100 } },
            ],
          },
        }),
      }),
    );
    const { chart, svg } = (await svgs(computed)).charts[0]!;
    // Costs printed negative in the table are still costs: the bars are positive.
    expect(chart!.bars.map((b) => [b.label, b.amount])).toEqual([
      ['Administration', 500],
      ['Verksamhet', 400],
      ['Revision', 100],
    ]);
    expect(sp(chart!.alt)).toBe('Kostnader per grupp 2025: Administration 500 kr (50 %), Verksamhet 400 kr (40 %), Revision 100 kr (10 %).');
    expect(parseSvg(svg!).values.map(sp)).toEqual(['500 kr (50 %)', '400 kr (40 %)', '100 kr (10 %)']);
  });

  it('gives a small row "<1 %", never "0 %" beside an amount that is not nothing', async () => {
    const computed = await planFrom(
      basePlan({
        sections: [{ type: 'budget', title: 'Budget', charts: [{ kind: 'costs' }] }],
        budget: budget({
          income: { rows: [{ label: 'Medlemsbidrag', values: { budget2025: 2_000_000 } }] },
          costs: {
            rows: [
              { label: 'Insatser', values: { budget2025: 1_990_000 } },
              { label: 'Revision', values: { budget2025: 4_000 } },
              { label: 'Kurser', values: { budget2025: 6_000 } },
            ],
          },
        }),
      }),
    );
    const { chart, svg } = (await svgs(computed)).charts[0]!;
    expect(parseSvg(svg!).values.map(sp)).toEqual(['1 990 000 kr (>99 %)', '6 000 kr (<1 %)', '4 000 kr (<1 %)']);
    expect(svg).toContain('(&lt;1\u00a0%)');
    expect(sp(chart!.alt)).toBe('Kostnader per grupp 2025: Insatser 1 990 000 kr (>99 %), Kurser 6 000 kr (<1 %), Revision 4 000 kr (<1 %).');
  });

  it('shows the closing capital of each column with the ceiling as a line, in Swedish numbers', async () => {
    const computed = await plan('data/finnveden-2025.json');
    const b = computed.budget!;
    const { charts } = await svgs(computed);
    const capital = charts.find((c) => c.chart.kind === 'capital')!;
    const { labels, values, texts, bars } = parseSvg(capital.svg);
    expect(labels).toEqual(b.columns.map((c) => c.label));
    expect(values.map(sp)).toEqual(b.totals.closingCapital.map((v) => `${sp(formatInteger(v!))} kr`));
    expect(capital.svg).toMatch(/<path class="chart-limit" d="M[\d.]+,([\d.]+)L[\d.]+,\1"\/>/);
    expect(texts.filter((t) => t.className === 'chart-limit-label').map((t) => sp(t.text))).toEqual(['Tak', '2 000 000 kr']);
    // No amount is crossed by the ceiling's line; one printed inside its column fits in it.
    for (const theme of ['kommunal', 'modern']) {
      const themed = await svgs({ ...computed, document: { ...computed.document, theme } });
      const svg = themed.charts.find((c) => c.chart.kind === 'capital')!.svg;
      const limitAt = Number(/<path class="chart-limit" d="M[\d.]+,([\d.]+)L/.exec(svg)![1]);
      const parsed = parseSvg(svg);
      parsed.texts.filter((t) => t.className.startsWith('chart-value')).forEach((t, i) => {
        expect(limitAt < t.y - 12 || limitAt > t.y + 3, `${theme}: ${t.text}`).toBe(true);
        if (t.className.includes('inside')) expect(themed.measure(t.text, 12)).toBeLessThanOrEqual(parsed.bars[i]!.width);
      });
    }
    // Column heights in proportion to the capital.
    bars.forEach((bar, i) => expect(bar.height / bars[1]!.height).toBeCloseTo(b.totals.closingCapital[i]! / b.totals.closingCapital[1]!, 2));
    expect(sp(capital.chart.alt)).toBe(
      'Utgående eget kapital: Budget 2024 1 458 335 kr, Prognos 2024 1 832 300 kr, Budget 2025 1 025 200 kr, Plan 2026 628 500 kr, Plan 2027 76 800 kr; tak 2 000 000 kr.',
    );
    // Tick labels use the thousands space (U+00A0).
    expect(texts.filter((t) => t.className === 'chart-tick').map((t) => t.text)).toContain('1\u00a0000\u00a0000');
  });

  it('puts the capital\'s amounts all inside their columns or all over them, never some of each', async () => {
    const capitalChart = async (lastCosts: number) => {
      const columns = [{ kind: 'budget', year: 2025 }, { kind: 'plan', year: 2026 }, { kind: 'plan', year: 2027 }, { kind: 'plan', year: 2028 }] as const;
      const costs = [1_000_000, 1_065_000, 1_136_000, lastCosts];
      const computed = await planFrom(
        basePlan({
          sections: [{ type: 'chart', title: 'Diagram', charts: [{ kind: 'capital' }] }],
          budget: budget({
            columns: [...columns],
            income: { rows: [{ label: 'Medlemsbidrag', values: [1_000_000, 1_000_000, 1_000_000, 1_000_000] }] },
            costs: { rows: [{ label: 'Kansli', values: costs }] },
            capital: { opening: { budget2025: 1_245_000 }, carryForward: { plan2026: 'budget2025', plan2027: 'plan2026', plan2028: 'plan2027' }, ceiling: 1_300_000 },
          }),
        }),
      );
      const { svg } = (await svgs(computed)).charts[0]!;
      const limitAt = Number(/<path class="chart-limit" d="M[\d.]+,([\d.]+)L/.exec(svg)![1]);
      const values = parseSvg(svg).texts.filter((t) => t.className.startsWith('chart-value'));
      for (const t of values) expect(limitAt < t.y - 12 || limitAt > t.y + 3, t.text).toBe(true);
      return values;
    };
    // The ceiling's line would cross the first two amounts over their columns: all four go inside (the
    // trial plan's chart had two inside and two over).
    const tall = await capitalChart(1_119_000);
    expect(tall.map((t) => sp(t.text))).toEqual(['1 245 000 kr', '1 180 000 kr', '1 044 000 kr', '925 000 kr']);
    expect(tall.map((t) => t.className)).toEqual(Array(4).fill('chart-value chart-value-inside'));
    // A column too short for its amount: all stand over their columns, the crossed ones beyond the line.
    const short = await capitalChart(1_900_000);
    expect(sp(short.at(-1)!.text)).toBe('144 000 kr');
    expect(short.map((t) => t.className)).toEqual(Array(4).fill('chart-value'));
  });

  it('shows the capital in the chart\'s unit, each column standing on the zero line', async () => {
    const computed = await planFrom(
      basePlan({
        sections: [{ type: 'chart', title: 'Diagram', charts: [{ kind: 'capital', unit: 'tkr' }] }],
        budget: budget({
          columns: [{ kind: 'budget', year: 2025 }, { kind: 'plan', year: 2026 }],
          costs: { rows: [{ label: 'Kansli', values: { budget2025: 800_000, plan2026: 2_500_000 } }] },
          income: { rows: [{ label: 'Medlemsbidrag', values: { budget2025: 1_000_000, plan2026: 1_000_000 } }] },
          capital: { opening: { budget2025: 2_000_000 }, carryForward: { plan2026: 'budget2025' } },
        }),
      }),
    );
    const { chart, svg } = (await svgs(computed)).charts[0]!;
    expect(chart!.bars.map((b) => b.amount)).toEqual([2_200_000, 700_000]);
    const { bars, values, labels } = parseSvg(svg!);
    expect(values.map(sp)).toEqual(['2 200 tkr', '700 tkr']);
    expect(labels).toEqual(['Budget 2025', 'Plan 2026']);
    expect(chart!.limit).toBeUndefined();
    expect(svg).not.toContain('chart-limit');
    const zero = Number(/<path class="chart-axis" d="M[\d.]+,([\d.]+)L/.exec(svg!)![1]);
    for (const bar of bars) expect(bar.y + bar.height).toBeCloseTo(zero, 1);
  });

  it('shows the members’ contributions of the budget year with their shares', async () => {
    const computed = await plan('data/botkyrka-huddinge-salem-2018');
    const c = computed.contributions!;
    const column = c.columns.findIndex((col) => col.year === 2018);
    const { charts } = await svgs(computed);
    const chart = charts.find((x) => x.chart.kind === 'contributions')!;
    const expected = [...c.parties].sort((a, b) => b.amounts[column]! - a.amounts[column]!);
    expect(parseSvg(chart.svg).labels).toEqual(expected.map((p) => p.name));
    expect(sp(chart.chart.alt)).toBe(
      'Medlemsbidrag 2018: Staten 7 700 000 kr (50 %), SLL 3 850 000 kr (25 %), Huddinge kommun 1 809 500 kr (11,75 %), Botkyrka kommun 1 809 500 kr (11,75 %), Salems kommun 231 000 kr (1,50 %).',
    );
  });

  it('keeps every text inside the chart: a long label wraps beside its bar (more in charts.layout.test.ts)', async () => {
    const long = 'Samverkansinsatser för unga vuxna utan sysselsättning i hela länet';
    const computed = await planFrom(
      basePlan({
        sections: [{ type: 'chart', title: 'Diagram', charts: [{ kind: 'costs', by: 'row', unit: 'mkr' }] }],
        budget: budget({
          income: { rows: [{ label: 'Medlemsbidrag', values: { budget2025: 9_000_000 } }] },
          costs: { rows: [{ label: long, values: { budget2025: 3_336_600 } }, { label: 'Återbetalning', values: { budget2025: -250_000 } }] },
        }),
      }),
    );
    const { measure, charts } = await svgs(computed);
    const { texts, values } = parseSvg(charts[0]!.svg);
    // Beside a refund (a negative cost) no shares: they would add up to more than the whole.
    expect(values.map(sp)).toEqual(['3,3 mkr', '\u22120,3 mkr']);
    for (const t of texts) {
      const width = measure(t.text, 12);
      const left = t.anchor === 'end' ? t.x - width : t.anchor === 'middle' ? t.x - width / 2 : t.x;
      expect(left, t.text).toBeGreaterThanOrEqual(-0.1);
      expect(left + width, t.text).toBeLessThanOrEqual(CHART_WIDTH + 0.1);
    }
  });

  it('writes the same SVG every time', async () => {
    const computed = await plan('data/finnveden-2025.json');
    const first = (await svgs(computed)).charts.map((c) => c.svg);
    const second = (await svgs(await plan('data/finnveden-2025.json'))).charts.map((c) => c.svg);
    expect(second).toEqual(first);
    expect(first.join('')).not.toMatch(/<script|\son\w+=/);
  });
});

describe('charts in next year\'s plan', () => {
  it('name next year\'s columns and year, and the caption\'s years move on', async () => {
    const value = basePlan({
      sections: [
        { type: 'text', title: 'Ekonomi', sections: [{ type: 'chart', title: 'Diagram', charts: [{ kind: 'costs', column: 'budget2025', caption: 'Kostnader 2025' }, { kind: 'capital', columns: ['budget2025'] }] }] },
        { type: 'contributions', title: 'Bidrag', charts: [{ kind: 'contributions', year: 2025 }] },
      ],
      budget: budget({ capital: { opening: { budget2025: 100 } } }),
      contributions: { parties: [{ name: 'S', role: 'stat' }, { name: 'R', role: 'region' }, { name: 'K', role: 'kommun' }], columns: [{ year: 2025, total: 1000 }] },
    });
    const computed = await planFrom(value);
    const next = nextYear(JSON.parse(JSON.stringify(value)), computed.budget).value;
    type Charted = { charts: unknown[]; sections: { charts: unknown[] }[] };
    const sections = next.sections as Charted[];
    expect(sections[0]!.sections[0]!.charts).toEqual([
      { kind: 'costs', column: 'budget2026', caption: 'Kostnader 2026' },
      { kind: 'capital', columns: ['budget2026'] },
    ]);
    expect(sections[1]!.charts).toEqual([{ kind: 'contributions', year: 2026 }]);
    // And next year's plan computes, charts and all.
    expect(planCharts(await planFrom(next)).map((c) => c.title)).toEqual(['Kostnader per grupp 2026', 'Utgående eget kapital, budget 2026', 'Medlemsbidrag 2026']);
  });
});

/** Each /Figure of the PDF's structure tree with its /Alt, in document order. */
function figures(doc: PDFDocument): (string | undefined)[] {
  const out: (string | undefined)[] = [];
  const walk = (node: unknown): void => {
    const value = node instanceof PDFRef ? doc.context.lookup(node) : node;
    if (value instanceof PDFArray) return value.asArray().forEach(walk);
    if (!(value instanceof PDFDict)) return;
    if (value.get(PDFName.of('S'))?.toString() === '/Figure') {
      out.push((value.get(PDFName.of('Alt')) as PDFString | PDFHexString | undefined)?.decodeText());
    }
    walk(value.get(PDFName.of('K')));
  };
  walk(doc.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict).get(PDFName.of('K')));
  return out;
}

describe('charts in the printed examples', () => {
  it.each([
    ['finnveden-2025', 'data/finnveden-2025.json'],
    ['botkyrka-huddinge-salem-2018', 'data/botkyrka-huddinge-salem-2018'],
  ])('%s: each chart is a /Figure whose /Alt is its data, and its labels are on the page', async (name, file) => {
    const computed = await plan(file);
    const charts = planCharts(computed);
    expect(charts.length).toBeGreaterThanOrEqual(2);
    const { doc, text } = await builtExample(name);
    const alts = figures(doc).filter((alt) => alt?.startsWith('Kostnader') || alt?.startsWith('Utgående') || alt?.startsWith('Medlemsbidrag'));
    expect(alts).toEqual(charts.map((c) => c.alt));
    for (const chart of charts) {
      const page = text.pages.findIndex((p) => normalize(p).includes(normalize(chart.caption)));
      expect(page, chart.caption).toBeGreaterThanOrEqual(0);
      const onPage = normalize(text.pages[page]!);
      for (const bar of chart.bars) expect(onPage).toContain(normalize(`${bar.label}`));
      for (const bar of chart.bars) expect(onPage).toContain(normalize(bar.text));
    }
  });
});
