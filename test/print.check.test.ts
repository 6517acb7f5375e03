// The self-check after printing: a template that loses, changes or misplaces a figure, or a contents
// entry that gives the wrong page, fails the build with a message naming the row and column (or the
// heading and page), and the PDF already at the target stays as it was. The printed HTML is tampered
// with between rendering and printing, as a faulty template or theme would.
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildPlan, PrintSession } from '../src/build.js';
import { PrintCheckError } from '../src/check/check.js';
import { basePlan, budget } from './helpers/plans.js';
import { useTempDir } from './helpers/tempDir.js';
import { normalize, pdfText } from './helpers/pdfText.js';
import type { PlanInput } from '../src/load/schema.js';

const tamper = vi.hoisted(() => ({ html: (html: string) => html }));
vi.mock('../src/render/html.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../src/render/html.js')>();
  return {
    ...original,
    renderHtml: async (...args: Parameters<typeof original.renderHtml>) => tamper.html(await original.renderHtml(...args)),
  };
});

const session = new PrintSession();
afterAll(() => session.close());
afterEach(() => {
  tamper.html = (html) => html;
});
const dir = useTempDir('vplan-check');

const NBSP = '\u00a0';
const LONG_LABEL = 'Arbetsmarknadsinsatsutvärderingsprojektsamordningsförbundsgemensamma'.repeat(3);

function plan(costLabel = 'Kansli'): PlanInput {
  return basePlan({
    sections: [
      { type: 'text', title: 'Inledning', text: 'Text.' },
      { type: 'text', title: 'Verksamhet', text: 'Mer text.' },
      { type: 'budget', title: 'Budget' },
    ],
    budget: budget({
      columns: [
        { kind: 'budget', year: 2025 },
        { kind: 'plan', year: 2026 },
      ],
      income: { rows: [{ label: 'Medlemsbidrag', values: { budget2025: 1_250_000, plan2026: 1_300_000 } }] },
      costs: {
        rows: [
          { label: costLabel, values: { budget2025: 812_345, plan2026: 845_000 } },
          { label: 'Hyra', values: { budget2025: 120_000, plan2026: 125_000 } },
        ],
      },
    }),
  });
}

/** Builds the plan over an existing PDF; resolves to the error (if any) and whether the old PDF stayed. */
async function build(input: PlanInput) {
  const file = path.join(dir(), 'plan.json');
  const out = path.join(dir(), 'plan.pdf');
  await writeFile(file, JSON.stringify(input));
  const old = Buffer.from('%PDF-1.7 the earlier build\n');
  await writeFile(out, old);
  const error = await buildPlan(file, out, session).then(
    () => undefined,
    (e: unknown) => e,
  );
  const written = await readFile(out);
  return { error, message: error instanceof Error ? error.message : '', untouched: written.equals(old), written };
}

describe('the self-check after printing', () => {
  it('passes a normal build, which then writes its PDF', async () => {
    const { error, written } = await build(plan());
    expect(error).toBeUndefined();
    expect(normalize((await pdfText(new Uint8Array(written))).all)).toContain('Kansli 812 345 845 000');
  });

  it('passes labels with characters no bundled font has (they print as boxes that read back as nothing)', async () => {
    const { error } = await build(plan('Projekt 🚀 ภาษาไทย 日本語 Ελληνικά Русский'));
    expect(error).toBeUndefined();
  });

  it('passes a theme that sets headings and labels in capitals and centres the column headings', async () => {
    tamper.html = (html) =>
      html.replace('</head>', '<style>.heading, .contents, table.budget th { text-transform: uppercase; } table.budget thead th { text-align: center; }</style></head>');
    const { error, written } = await build(plan());
    expect(error).toBeUndefined();
    expect(normalize((await pdfText(new Uint8Array(written))).all)).toContain('KANSLI 812 345 845 000');
  });

  it('fails when a printed figure differs from the computed one, naming row and column', async () => {
    tamper.html = (html) => html.replace(`>812${NBSP}345<`, `>812${NBSP}354<`);
    const { error, message, untouched } = await build(plan());
    expect(error).toBeInstanceOf(PrintCheckError);
    expect(message).toContain('budgettabellen, raden "Kansli", kolumnen "Budget 2025": PDF:en visar 812 354 men budgeten räknade fram 812 345');
    expect(message).toMatch(/plan\.json:\d+:\d+ budget\.costs\.rows\[0\]:/);
    expect(untouched).toBe(true);
  });

  it('fails when a figure is missing from its cell', async () => {
    tamper.html = (html) => html.replace(`>845${NBSP}000<`, '><');
    const { error, message, untouched } = await build(plan());
    expect(error).toBeInstanceOf(PrintCheckError);
    expect(message).toContain('raden "Kansli", kolumnen "Plan 2026": beloppet 845 000 syns inte i PDF:en');
    expect(untouched).toBe(true);
  });

  it('fails when a figure stands in another column', async () => {
    // The row's first cell left empty and its figure moved one column on.
    tamper.html = (html) => html.replace(`<td class="num">812${NBSP}345</td><td class="num">845${NBSP}000</td>`, `<td class="num"></td><td class="num">812${NBSP}345</td>`);
    const { message, untouched } = await build(plan());
    expect(message).toContain('raden "Kansli", kolumnen "Budget 2025": beloppet 812 345 står under kolumnen "Plan 2026"');
    expect(untouched).toBe(true);
  });

  it('fails when a row is pushed off the page', async () => {
    tamper.html = (html) =>
      html
        .replace('</head>', '<style>tr.pushed td { position: relative; left: 120mm; }</style></head>')
        .replace('<tr class="row"><th scope="row" class="label">Hyra', '<tr class="row pushed"><th scope="row" class="label">Hyra');
    const { message, untouched } = await build(plan());
    // Chromium does not even paint what lies off the page: the figures are not in the PDF at all.
    expect(message).toContain('raden "Hyra", kolumnen "Budget 2025": beloppet 120 000 syns inte i PDF:en (det saknas eller står utanför sidan)');
    expect(message).toContain('raden "Hyra", kolumnen "Plan 2026": beloppet 125 000 syns inte i PDF:en');
    expect(untouched).toBe(true);
  });

  it('fails when a long label is not allowed to wrap and pushes the amounts off the page (the old stylesheet)', async () => {
    tamper.html = (html) => html.replace('</head>', '<style>table.budget .label { white-space: nowrap; overflow-wrap: normal; }</style></head>');
    const { message, untouched } = await build(plan(LONG_LABEL));
    // The label itself runs off the page, and every figure right of it is gone.
    expect(message).toMatch(/budgettabellen, raden "Arbetsmarknads[^"]*…" syns inte i PDF:en/);
    expect(message).toContain('budgettabellen, raden "Medlemsbidrag", kolumnen "Budget 2025": beloppet 1 250 000 syns inte i PDF:en');
    expect(untouched).toBe(true);
  });

  it('fails when the contents gives a heading the wrong page', async () => {
    // "Budget" on a page of its own, and the contents shows its page number against "Inledning".
    tamper.html = (html) =>
      html
        .replace('</head>', '<style>#avsnitt-2 { break-before: page; }</style></head>')
        .replace('data-toc-page="avsnitt-0"', 'data-toc-page="swap"')
        .replace('data-toc-page="avsnitt-2"', 'data-toc-page="avsnitt-0"')
        .replace('data-toc-page="swap"', 'data-toc-page="avsnitt-2"');
    const { message, untouched } = await build(plan());
    expect(message).toContain('sections[0].title: rubriken "1. Inledning" står på sidan 3, men innehållsförteckningen anger sidan 4');
    expect(message).toContain('sections[2].title: rubriken "3. Budget" står på sidan 4, men innehållsförteckningen anger sidan 3');
    expect(untouched).toBe(true);
  });

  it('fails when a heading listed in the contents is not printed', async () => {
    // The templates hyphenate "Verk\u00adsam\u00adhet"; the heading's text is replaced whole.
    tamper.html = (html) => html.replace(/(data-anchor="avsnitt-1"><span class="number">2\.<\/span> )[^<]*/, '$1Verksamheten');
    const { message, untouched } = await build(plan());
    expect(message).toContain('sections[1].title: rubriken "2. Verksamhet" finns inte på sidan 3 som innehållsförteckningen anger');
    expect(untouched).toBe(true);
  });
});
