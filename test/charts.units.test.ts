// Amounts in a chart's unit: exact conversion of the budget's integers, Swedish digits and minus sign.
import { describe, expect, it } from 'vitest';
import { chartAmount, chartValue, wholePercent } from '../src/charts/units.js';
import { altText } from '../src/charts/alt.js';

describe('chart amounts', () => {
  it('writes kr, tkr and mkr from a budget in kr or tkr', () => {
    expect(chartAmount(3_336_600, 'kr', 'kr')).toBe('3\u00a0336\u00a0600\u00a0kr');
    expect(chartAmount(3_336_600, 'kr', 'tkr')).toBe('3\u00a0337\u00a0tkr');
    expect(chartAmount(3_336_600, 'kr', 'mkr')).toBe('3,3\u00a0mkr');
    expect(chartAmount(20_435, 'tkr', 'kr')).toBe('20\u00a0435\u00a0000\u00a0kr');
    expect(chartAmount(20_435, 'tkr', 'mkr')).toBe('20,4\u00a0mkr');
    expect(chartAmount(-751, 'kr', 'kr')).toBe('\u2212751\u00a0kr');
    // Half away from zero, as the tables' mkr figures in prose round.
    expect(chartAmount(-1_250_000, 'kr', 'mkr')).toBe('\u22121,3\u00a0mkr');
    // The scale takes the amount itself, not its printed rounding: two rows both printed "0,1 mkr"
    // get bars as long as their amounts.
    expect(chartValue(20_435, 'tkr', 'mkr')).toBe(20.435);
    expect(chartAmount(102_000, 'kr', 'mkr')).toBe(chartAmount(50_000, 'kr', 'mkr'));
    expect(chartValue(102_000, 'kr', 'mkr') / chartValue(50_000, 'kr', 'mkr')).toBeCloseTo(2.04, 10);
  });

  it('rounds shares to whole percent, and gives none of nothing', () => {
    expect(wholePercent(3_336_600, 5_827_100)).toBe('57\u00a0%');
    expect(wholePercent(1, 0)).toBeUndefined();
    expect(wholePercent(0, 5_827_100)).toBe('0\u00a0%');
    expect(wholePercent(5_827_100, 5_827_100)).toBe('100\u00a0%');
    // A small row of a large budget is not "0 %", nor the rest of it "100 %".
    expect(wholePercent(20_000, 5_827_100)).toBe('<1\u00a0%');
    expect(wholePercent(5_807_100, 5_827_100)).toBe('>99\u00a0%');
    expect(wholePercent(29_200, 5_827_100)).toBe('1\u00a0%');
  });

  it('says the chart\'s data in one sentence, with the limit', () => {
    const bar = (label: string, text: string, share?: string) => ({ label, amount: 0, value: 0, text, share });
    expect(
      altText({
        kind: 'capital',
        id: 'x',
        title: 'Utgående eget kapital',
        caption: 'Kapital',
        unit: 'kr',
        orientation: 'vertical',
        bars: [bar('Budget 2025', '1 kr'), bar('Plan 2026', '2 kr')],
        limit: { label: 'Tak', value: 3, text: '3 kr' },
      }),
    ).toBe('Utgående eget kapital: Budget 2025 1 kr, Plan 2026 2 kr; tak 3 kr.');
    expect(altText({ kind: 'costs', id: 'y', title: 'Kostnader 2025', caption: 'K', unit: 'kr', orientation: 'horizontal', bars: [bar('Kansli', '5 kr', '100 %')] })).toBe(
      'Kostnader 2025: Kansli 5 kr (100 %).',
    );
  });
});
