// Status and decision: utkast, förslag, fastställd, beslutad and ingen, each with its mark, and the
// decision line in the plan's own wording ({datum}, {organ}, {paragraf}), read back from the PDF.
import { afterAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { printPlan, PrintSession } from '../src/build.js';
import { computePlan } from '../src/compute/computePlan.js';
import { nextYear } from '../src/next/nextYear.js';
import type { PlanInput, StatusInput } from '../src/load/schema.js';
import { planSchema } from '../src/load/schema.js';
import { basePlan } from './helpers/plans.js';
import { normalize, pdfText } from './helpers/pdfText.js';

const session = new PrintSession();
afterAll(() => session.close());

const FILE = path.resolve('test/fixtures/plan.json');
const withStatus = (status: StatusInput, dateStyle?: 'iso' | 'long') => {
  const plan = basePlan();
  plan.document.status = status;
  if (dateStyle) plan.document.dateStyle = dateStyle;
  return plan;
};

async function pages(plan: PlanInput): Promise<string[]> {
  expect(planSchema.safeParse(plan).success).toBe(true);
  const outcome = computePlan(plan, FILE);
  expect(outcome.issues).toEqual([]);
  const { pdf } = await printPlan(outcome.plan!, session);
  return (await pdfText(pdf)).pages.map(normalize);
}

describe('status in the PDF', () => {
  it('prints a beslutad plan in its own wording, without any proposal mark', async () => {
    const printed = await pages(
      withStatus({
        state: 'beslutad',
        decisionDate: '2015-12-10',
        decisionBody: 'styrelsen',
        paragraph: '§ 48',
        decisionText: 'Beslutad av {organ} {datum} {paragraf}',
        closingText: '',
      }),
    );
    expect(printed[0]).toContain('Beslutad av styrelsen 2015-12-10 § 48');
    expect(printed.join(' ')).not.toMatch(/FÖRSLAG|Förslag till|Verksamhetsplanen (fastställ|beslut)/);
  });

  it('prints a fastställd plan whose date is not known as fastställd, and its body in its own words', async () => {
    const printed = await pages(withStatus({ state: 'fastställd', decisionBody: 'förbundsstyrelsen' }));
    expect(printed[0]).toMatch(/Fastställd av förbundsstyrelsen(?! \d)/);
    expect(printed.join(' ')).not.toMatch(/FÖRSLAG|Förslag till/);
  });

  it('marks an utkast UTKAST on every page after the title page and "Utkast till" on it', async () => {
    const printed = await pages(withStatus({ state: 'utkast' }));
    expect(printed[0]).toMatch(/Utkast till.*Verksamhetsplan 2025/);
    for (const page of printed.slice(1)) expect(page.replace(/\s/g, '')).toContain('UTKAST');
    expect(printed.join(' ')).not.toContain('FÖRSLAG');
  });

  it('marks nothing on a published copy (ingen) and prints only the lines it writes', async () => {
    const printed = await pages(
      withStatus({ state: 'ingen', decisionDate: '2024-11-28', closingText: 'Planen antogs av förbundsstyrelsen den {datum}.' }, 'long'),
    );
    const all = printed.join(' ');
    expect(all).not.toMatch(/FÖRSLAG|UTKAST|Förslag till|Utkast till|Fastställd|Beslutad/);
    expect(printed.at(-1)).toContain('Planen antogs av förbundsstyrelsen den 28 november 2024.');
  });
});

describe('status when computed', () => {
  const status = (s: StatusInput, dateStyle?: 'iso' | 'long') => computePlan(withStatus(s, dateStyle), FILE);

  it('keeps the wording of existing plans', () => {
    const adopted = status({ state: 'fastställd', decisionDate: '2024-11-28', decisionBody: 'styrelsen', paragraph: '§ 34' }).plan!.document.status;
    expect(adopted.decisionLine).toBe('Fastställd av styrelsen 2024-11-28');
    expect(adopted.closingLine).toBe('Verksamhetsplanen fastställdes av styrelsen 2024-11-28, § 34.');
    const proposal = status({ state: 'förslag', decisionDate: '2024-11-28' }, 'long').plan!.document.status;
    expect(proposal).toMatchObject({ mark: 'FÖRSLAG', titleMark: 'Förslag till', decisionLine: undefined });
    expect(proposal.closingLine).toBe('Verksamhetsplanen fastställs av styrelsen den 28 november 2024.');
  });

  it('refuses a placeholder it does not know, or one whose value the plan does not give, naming what to write', () => {
    const unknown = status({ state: 'beslutad', decisionText: 'Beslutad {dag}' });
    expect(unknown.issues).toEqual([
      { path: ['document', 'status', 'decisionText'], message: 'okänd platshållare {dag}; skriv {datum}, {organ} eller {paragraf}' },
    ]);
    const missing = status({ state: 'beslutad', decisionBody: 'styrelsen', decisionText: 'Beslutad av {organ} {datum}' });
    expect(missing.issues).toEqual([
      { path: ['document', 'status', 'decisionText'], message: '{datum} fylls i med "decisionDate", som saknas; ange "decisionDate" eller ta bort {datum}' },
    ]);
  });

  it('makes next year\'s plan an utkast: a decision line that says it is decided, or quotes the date, is left out and given back in a warning; others stay', () => {
    const plan = withStatus({ state: 'beslutad', decisionDate: '2015-12-10', decisionBody: 'styrelsen', paragraph: '§ 48', decisionText: 'Beslutad av {organ} {datum} {paragraf}', closingText: 'Planen gäller för 2025.' });
    const next = nextYear(plan as never, undefined);
    // Before, the draft kept "Beslutad av …": on the title page of an UTKAST, or four errors once the date was gone.
    expect((next.value as unknown as PlanInput).document.status).toEqual({ state: 'utkast', decisionBody: 'styrelsen', closingText: 'Planen gäller för 2025.' });
    expect(next.warnings).toContainEqual({
      path: ['document', 'status'],
      message: expect.stringMatching(/^decisionText "Beslutad av \{organ\} \{datum\} \{paragraf\}" säger att planen är beslutad \("Beslutad"\), och nästa års plan är ett utkast; raden togs bort\. När planen är fastställd: skriv tillbaka den/),
    });
    // The kept line's years are read as every other text's: 2025 is past in the plan for 2026.
    expect(next.warnings).toContainEqual({
      path: ['document', 'status', 'closingText'],
      message: 'texten nämner 2025, som nu är förfluten tid i planen för 2026; kontrollera att det ska stå så',
      snippet: 'för 2025',
    });
  });

  it('says where next year\'s draft still reads as decided: the subtitle, the preface; not a sentence about another decision', () => {
    const plan = withStatus({ state: 'fastställd', decisionBody: 'styrelsen' });
    plan.document.subtitle = 'Fastställd av styrelsen';
    plan.document.preface = 'Verksamhetsplanen fastställdes av styrelsen i november.\n\nStyrelsen har beslutat att använda eget kapital.';
    const { warnings } = nextYear(plan as never, undefined);
    expect(warnings.filter((w) => w.message.startsWith('texten säger att planen är beslutad'))).toEqual([
      { path: ['document', 'preface'], message: expect.stringContaining('("fastställdes"), men nästa års plan är ett utkast'), snippet: 'fastställdes' },
      { path: ['document', 'subtitle'], message: expect.stringContaining('("Fastställd")'), snippet: 'Fastställd' },
    ]);
  });
});
