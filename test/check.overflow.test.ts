// The warnings for what a print found wider than the page (check/overflow.ts), without a browser.
import { describe, expect, it } from 'vitest';
import { overflowWarnings } from '../src/check/overflow.js';
import { inPlanForm } from '../src/compute/hintForm.js';

const px = (mm: number) => Math.round((mm * 96) / 25.4);
const page = px(163);

describe('overflow warnings', () => {
  it('advise tkr only for a table of amounts in kr, under the part whose unit it is', () => {
    const table = (unitOf: 'budget' | 'contributions') => ({ kind: 'table' as const, width: px(200), section: 'avsnitt-3', unitOf });
    const [inKr] = overflowWarnings({ items: [table('contributions')], textWidth: page }, { budget: 'tkr', contributions: 'kr' });
    expect(inKr).toEqual({
      path: ['sections', 3],
      message:
        'en tabell är 200 mm bred, men sidans text bara 163 mm; då förminskar webbläsaren varje sida i PDF:en eller skär av det som sticker ut. Gör den smalare: korta radtexterna eller kolumnrubrikerna, ta bort en kolumn, eller visa beloppen i tkr: skriv "unit": "tkr" i delen "contributions"',
    });
    // A YAML plan or a plan folder is told it in YAML.
    expect(inPlanForm([inKr!], 'folder')[0]!.message).toMatch(/eller visa beloppen i tkr: skriv unit: tkr under contributions:$/);
    const [inTkr] = overflowWarnings({ items: [table('budget')], textWidth: page }, { budget: 'tkr' });
    expect(inTkr!.message).toMatch(/Gör den smalare: korta radtexterna eller kolumnrubrikerna, eller ta bort en kolumn$/);
  });

  it('say where a part outside the sections is, keep the widest of a kind per section, and count the rest', () => {
    const items = [
      { kind: 'table' as const, width: px(180), section: 'andringar' },
      { kind: 'text' as const, width: px(170), section: null },
      ...[1, 2, 3, 4, 5].map((i) => ({ kind: 'image' as const, width: px(170 + i), section: `avsnitt-${i}` })),
      { kind: 'image' as const, width: px(190), section: 'avsnitt-5' },
    ];
    const warnings = overflowWarnings({ items, textWidth: page });
    expect(warnings).toHaveLength(5);
    expect(warnings[0]!.message).toMatch(/^i ändringsbilagan: en tabell är 180 mm bred/);
    expect(warnings[1]!.message).toMatch(/^utanför avsnitten: en rad text/);
    expect(warnings[4]!.message).toMatch(/\(och 2 till som är för breda\)$/);
    expect(overflowWarnings({ items, textWidth: page }).filter((w) => w.path.join() === 'sections,5')).toEqual([]);
    expect(overflowWarnings({ items: [], textWidth: page })).toEqual([]);
  });
});
