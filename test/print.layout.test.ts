// Layout on the printed page: the vision on the title page, headings and lead lines kept with what they
// introduce, and the tables' zebra shading and group headings. Positions and fonts are read from the PDF.
import { afterAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { printPlan, PrintSession } from '../src/build.js';
import { computePlan } from '../src/compute/computePlan.js';
import type { PlanInput } from '../src/load/schema.js';
import { basePlan } from './helpers/plans.js';
import { textFonts } from './helpers/pdfTextFonts.js';

const session = new PrintSession();
afterAll(() => session.close());

async function print(plan: PlanInput, theme?: string) {
  if (theme) plan.document.theme = theme;
  const outcome = computePlan(plan, path.resolve('test/fixtures/plan.json'));
  expect(outcome.issues).toEqual([]);
  return printPlan(outcome.plan!, session);
}

const withVision = (vision: NonNullable<PlanInput['document']['vision']>) => {
  const plan = basePlan();
  plan.document.vision = vision;
  return plan;
};

describe('the vision on the title page', () => {
  it('stands on the title page without a lead, bold in kommunal and italic in modern (the theme decides)', async () => {
    for (const [theme, face] of [['kommunal', /^Carlito-Bold$/], ['modern', /^OpenSans-Italic$/]] as const) {
      const { pdf, html } = await print(withVision({ statement: 'Plats för alla', showOnTitlePage: true }), theme);
      expect(html).not.toContain('<p class="tp-vision-lead"');
      const runs = (await textFonts(pdf, [1])).filter((r) => r.text.includes('Plats för alla'));
      expect(runs, theme).toHaveLength(1);
      expect(runs[0]!.font, theme).toMatch(face);
    }
  });

  it('shows the lead above it when there is one, and leaves the vision out when showOnTitlePage is false', async () => {
    const led = await textFonts((await print(withVision({ statement: 'Plats för alla', titlePageLead: 'Vår vision:' }))).pdf, [1]);
    expect(led.map((r) => r.text).join(' ')).toMatch(/Vår vision:.*Plats för alla/);
    const hidden = await textFonts(
      (await print(withVision({ statement: 'Plats för alla', titlePageLead: 'Vår vision:', showOnTitlePage: false }))).pdf,
      [1],
    );
    expect(hidden.map((r) => r.text).join(' ')).not.toMatch(/Vår vision|Plats för alla/);
  });
});
