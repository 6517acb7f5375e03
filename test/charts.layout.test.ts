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
import { CHART_WIDTH } from '../src/charts/layout.js';
import type { ComputedChart } from '../src/charts/model.js';
import { createMeasure, type Measure } from '../src/charts/measure.js';
import type { ComputedPlan } from '../src/model.js';
import { basePlan, budget } from './helpers/plans.js';
import { useTempDir } from './helpers/tempDir.js';
import { wrapText } from '../src/charts/wrap.js';
import { hyphenate, SOFT_HYPHEN } from '../src/render/hyphenate.js';
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

describe('long words in a chart', () => {
  const chartOf = async (value: unknown, theme = 'kommunal') => {
    const computed = await planFrom(value);
    const measure = await chartMeasure(computed, await themeFontStack(theme));
    return { measure, charts: planCharts(computed) };
  };

  it('widens the label column for a word wider than it, the bars keeping a third of the chart, rather than break the word', async () => {
    const word = 'Arbetsmarknadsintegrationssamordningsprojektet';
    const { measure, charts } = await chartOf(
      basePlan({
        sections: [{ type: 'chart', title: 'Kostnader', charts: [{ kind: 'costs', by: 'row' }] }],
        budget: budget({
          income: { rows: [{ label: 'Medlemsbidrag', values: { budget2025: 3_000_000 } }] },
          costs: {
            rows: [
              { label: 'Samverkansteam Värnamo–Gislaved', values: { budget2025: 1_500_000 } },
              { label: word, values: { budget2025: 150_000 } },
              { label: 'Kansli', values: { budget2025: 550_000 } },
            ],
          },
        }),
      }),
    );
    const svg = parseSvg(chartSvg(charts[0]!, measure));
    expect(measure(word, 12), 'wider than the column was').toBeGreaterThan(CHART_WIDTH * 0.35);
    expect(svg.labels).toEqual(['Samverkansteam Värnamo–Gislaved', 'Kansli', word]);
    const from = Math.min(...svg.bars.map((b) => b.x));
    expect(Math.max(...svg.bars.map((b) => b.x + b.width)) - from).toBeGreaterThanOrEqual(CHART_WIDTH / 3);
    expect(problems(charts[0]!, measure)).toEqual([]);
  });

  it('under narrow columns: a word broken only when it does not fit, at a syllable, no stub', async () => {
    const columns = [
      { kind: 'utfall', year: 2023 },
      { kind: 'budget', year: 2024 },
      { kind: 'prognos', year: 2024, label: 'Prognos 2024 (arbetsmarknadsinsatser)' },
      { kind: 'budget', year: 2025, label: 'Budget 2025 enligt förbundsstyrelsens beslut' },
      { kind: 'plan', year: 2026 },
      { kind: 'plan', year: 2027, label: 'Plan 2027 (preliminär, inför medlemssamrådet)' },
      { kind: 'plan', year: 2028, label: 'Samordningsförbundsgemensamt' },
    ] as const;
    const ids = columns.map((c) => `${c.kind}${c.year}`);
    const all = (amount: number) => Object.fromEntries(ids.map((id) => [id, amount]));
    const { measure, charts } = await chartOf(
      basePlan({
        sections: [{ type: 'chart', title: 'Kapital', charts: [{ kind: 'capital' }] }],
        budget: budget({
          columns: [...columns],
          income: { rows: [{ label: 'Medlemsbidrag', values: all(3_000_000) }] },
          costs: { rows: [{ label: 'Kansli', values: all(2_800_000) }] },
          capital: {
            opening: { utfall2023: 200_000 },
            carryForward: { budget2024: 'utfall2023', prognos2024: 'utfall2023', budget2025: 'prognos2024', plan2026: 'budget2025', plan2027: 'plan2026', plan2028: 'plan2027' },
            ceiling: 1_000_000,
          },
        }),
      }),
    );
    const chart = charts[0]!;
    const svg = parseSvg(chartSvg(chart, measure));
    expect(problems(chart, measure)).toEqual([]);
    // Each label's lines, under its column, at most a column's step less a gap wide.
    const centres = svg.bars.map((b) => b.x + b.width / 2);
    const max = centres[1]! - centres[0]! - 6;
    const labels = svg.texts.filter((t) => t.className === 'chart-label');
    chart.bars.forEach((bar, i) => {
      const lines = labels.filter((t) => Math.abs(t.x - centres[i]!) < 0.2).map((t) => t.text);
      expect(breaks(bar.label, lines, max + 0.1, (text) => measure(text, 12)), `${bar.label}: ${JSON.stringify(lines)}`).toEqual([]);
    });
    // Some word did need breaking (else this says nothing).
    expect(labels.some((t) => t.text.endsWith('-'))).toBe(true);
  });

  it('shortens with "…" only a piece that has no break and fits no line, its label whole in the chart\'s <title>', async () => {
    const code = 'Projekt ESF2024000123456789012345678901234567890123456789';
    const { measure, charts } = await chartOf(
      basePlan({
        sections: [{ type: 'chart', title: 'Kostnader', charts: [{ kind: 'costs', by: 'row' }] }],
        budget: budget({
          income: { rows: [{ label: 'Medlemsbidrag', values: { budget2025: 3_000_000 } }] },
          costs: { rows: [{ label: code, values: { budget2025: 1_500_000 } }, { label: 'Återbetalning', values: { budget2025: -250_000 } }] },
        }),
      }),
    );
    const markup = chartSvg(charts[0]!, measure);
    const svg = parseSvg(markup);
    const [first, second] = svg.labels;
    expect(first).toBe('Projekt');
    expect(second).toMatch(/^ESF2024\d+…$/);
    expect(second!.length).toBeLessThan(code.length - 'Projekt '.length);
    expect(/<title id="[^"]+">([^<]*)<\/title>/.exec(markup)![1]).toContain(code);
    const label = svg.texts.find((t) => t.text === second)!;
    expect(label.x - measure(second!, 12)).toBeGreaterThanOrEqual(0);
    const from = Math.min(...svg.bars.map((b) => b.x));
    expect(from - label.x).toBeGreaterThan(0);
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

  it('breaks at a space or after a dash or slash first, a word only when it cannot stand whole, and never at a stub', () => {
    // Was "Insatser och ar-", "betsmarknadsin-", "satser": a word begun on the line before at a 2-letter stub.
    expect(wrapText('Insatser och arbetsmarknadsinsatser', 16, letters)).toEqual(['Insatser och', 'arbetsmarknads-', 'insatser']);
    // Was "Värnamo–Gisla-", "ved": broken inside a name where the dash gave a break.
    expect(wrapText('Samverkansteam Värnamo–Gislaved', 14, letters)).toEqual(['Samverkansteam', 'Värnamo–', 'Gislaved']);
    // Was "Utvärderin-", "g/": cut between two letters where no syllable ends.
    expect(wrapText('Utvärdering/uppföljning', 11, letters)).toEqual(['Utvär-', 'dering/', 'uppföljning']);
    expect(wrapText('Utvärdering/uppföljning', 12, letters)).toEqual(['Utvärdering/', 'uppföljning']);
    // Was "Försäkringskas-", "san" and "Arbetsmarknadsin-", "satser": a joining s is the better break.
    expect(wrapText('Försäkringskassan', 15, letters)).toEqual(['Försäkrings-', 'kassan']);
    expect(wrapText('Arbetsmarknadsinsatser', 17, letters)).toEqual(['Arbetsmarknads-', 'insatser']);
    // Was "(ar-", "betsmark-", "nadsinsat-", "ser)".
    expect(wrapText('Prognos 2024 (arbetsmarknadsinsatser)', 12, letters)).toEqual(['Prognos 2024', '(arbets-', 'marknads-', 'insatser)']);
    // Kept with its word where it fits; else after its own dash or slash.
    expect(wrapText('Budget 2025 enligt beslut', 12, letters)).toEqual(['Budget 2025', 'enligt', 'beslut']);
    expect(wrapText('Diarienummer 2024/0012-3456-7890', 16, letters)).toEqual(['Diarienummer', '2024/0012-', '3456-7890']);
    // No syllable to break at (a code): shortened, with "…", never cut without a sign.
    expect(wrapText('Enligt SFS2003:1210', 8, letters)).toEqual(['Enligt', 'SFS2003…']);
  });

  it('in the chart font, at every width: words whole where they fit, else broken at a Swedish syllable with letters enough on both sides', async () => {
    const labels = [
      'Arbetsmarknadsinsatser för unga vuxna',
      'Samverkansteam Värnamo–Gislaved',
      'Förbundsgemensamma utvecklingsinsatser',
      'Region Jönköpings län',
      'Försäkringskassan',
      'Insatser och arbetsmarknadsinsatser',
      'Budget 2025 enligt förbundsstyrelsens beslut',
      'Utvärdering/uppföljning',
      'Prognos 2024 (arbetsmarknadsinsatser)',
      LONG,
    ];
    const measure = await createMeasure(await themeFontStack('kommunal'), labels);
    const width = (text: string) => measure(text, 12);
    for (let max = 50; max <= 220; max += 5) {
      for (const label of labels) {
        const lines = wrapText(label, max, width);
        expect(breaks(label, lines, max, width), `${label} at ${max}: ${JSON.stringify(lines)}`).toEqual([]);
      }
    }
  });
});

/** What is wrong with the lines of a label: a line too wide, a word broken that fits, a break off a syllable or at a stub. */
function breaks(label: string, lines: string[], max: number, width: (text: string) => number): string[] {
  const out: string[] = [];
  let at = 0;
  for (const line of lines) {
    if (width(line) > max) out.push(`"${line}" is wider than ${max}`);
    if (line.includes('…')) out.push(`"${line}" is shortened`);
    const rest = label.slice(at);
    if (rest.startsWith(line)) {
      const next = rest.slice(line.length);
      if (next && !/^\s/.test(next) && !/\p{L}[-–/]$/u.test(line)) out.push(`"${line}" ends inside a word without a hyphen`);
      at = label.length - next.trimStart().length;
      continue;
    }
    const text = line.slice(0, -1);
    if (!line.endsWith('-') || !rest.startsWith(text)) {
      out.push(`"${line}" is not the label's next text "${rest}"`);
      return out;
    }
    // A word broken with a hyphen: the word (up to a space, or a dash or slash after a letter) is too
    // wide for a line, the break is at one of its syllables, and leaves no stub on either side.
    at += text.length;
    const before = /[^\s–/-]*$/u.exec(label.slice(0, at))![0];
    const after = /^[^\s–/-]*[–/-]?/u.exec(label.slice(at))![0];
    const word = `${before}${after}`;
    if (width(word) <= max) out.push(`"${word}" is broken, but fits a line`);
    const syllables = hyphenate(word.replace(/[^\p{L}]/gu, ' ')).split(SOFT_HYPHEN);
    const ends = [...syllables.keys()].map((i) => syllables.slice(0, i + 1).join('').length);
    if (!ends.includes(before.length)) out.push(`"${word}" is broken at "${before}-", not at a syllable`);
    if ((before.match(/\p{L}/gu) ?? []).length < 3) out.push(`"${before}-" is too short a stub`);
    if ((after.match(/\p{L}/gu) ?? []).length < 3) out.push(`"-${after}" is too short a stub`);
  }
  if (at < label.length) out.push(`"${label.slice(at)}" is left out`);
  return out;
}
