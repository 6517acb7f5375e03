// Images in a section's text: PNG, JPEG or SVG, written as Markdown ![Alternativtext](bild.png "Bildtext")
// or listed in a section's `images`, printed as tagged figures (/Figure with /Alt) with their caption,
// never wider than the text; a missing alt text, a missing or unsafe file is an error naming the file.
import { afterAll, describe, expect, it } from 'vitest';
import { planError } from './helpers/planError.js';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { checkPlan, printPlan, PrintSession } from '../src/build.js';
import { PlanError } from '../src/errors.js';
import { renderHtml } from '../src/render/html.js';
import { toYaml } from '../src/convert/write.js';
import { basePlan } from './helpers/plans.js';
import { figureAlts, paintedImages } from './helpers/pdfFigures.js';
import { normalize, pdfText } from './helpers/pdfText.js';
import { pngOf } from './helpers/png.js';
import { RULES } from './helpers/pdfaRules.js';
import { useTempDir } from './helpers/tempDir.js';

const session = new PrintSession();
afterAll(() => session.close());
const dir = useTempDir('vplan-figures');

/** Copies the test images into bilder/ beside the plan. */
async function images(): Promise<void> {
  await mkdir(path.join(dir(), 'bilder'), { recursive: true });
  for (const name of ['organisation.svg', 'organisation.png', 'bild.jpg']) await copyFile(path.join('test/fixtures', name), path.join(dir(), 'bilder', name));
  await writeFile(path.join(dir(), 'bilder', 'bred.png'), pngOf(4000, 400));
}

const ORG_ALT = 'Organisationsschema: styrelsen överst, under den arbetsutskott, kansli och beredningsgrupp';

async function yamlPlan(sections: unknown[]): Promise<string> {
  const file = path.join(dir(), 'plan.yaml');
  await writeFile(file, toYaml(basePlan({ sections: sections as never })));
  return file;
}


describe('images in the text', () => {
  it('prints Markdown and listed images as figures with /Alt and caption, no wider than the text, in a valid PDF/A', async () => {
    await images();
    const file = await yamlPlan([
      {
        type: 'text',
        title: 'Organisation',
        text: `Förbundet leds av en styrelse.\n\n![${ORG_ALT}](bilder/organisation.svg "Förbundets organisation 2026")\n\nText efter bilden.`,
      },
      {
        type: 'text',
        title: 'Bilder',
        text: 'Bilder i en lista.',
        images: [
          { file: 'bilder/organisation.png', alt: 'Organisationsschemat som PNG', caption: 'Schemat som bild [PNG]' },
          { file: 'bilder/bild.jpg', alt: 'Ett foto' },
          { file: 'bilder/bred.png', alt: 'En mycket bred bild', caption: 'Bred bild' },
        ],
      },
    ]);
    const { plan } = await checkPlan(file);
    expect(plan.usedFiles?.map((f) => f.jsonPath)).toEqual(['sections[0].text', 'sections[1].images[0].file', 'sections[1].images[1].file', 'sections[1].images[2].file']);
    const { pdf } = await printPlan(plan, session, { pdfa: true });
    expect(await figureAlts(pdf)).toEqual([ORG_ALT, 'Organisationsschemat som PNG', 'Ett foto', 'En mycket bred bild']);
    const text = normalize((await pdfText(pdf)).all);
    expect(text).toMatch(/Förbundet leds av en styrelse\. Styrelse .*Förbundets organisation 2026 Text efter bilden\./);
    expect(text).toContain('Schemat som bild [PNG]');
    expect(text).toContain('Bred bild');
    // The PNG (480 px) and the JPEG (210 px) at their size; the 4 000 px wide PNG at the text's width (163 mm).
    const painted = await paintedImages(pdf);
    expect(painted).toHaveLength(3);
    const [png, jpeg, wide] = painted as [(typeof painted)[number], (typeof painted)[number], (typeof painted)[number]];
    expect(png.width).toBeCloseTo(360, 0);
    expect(jpeg.width).toBeCloseTo(157.5, 0);
    expect(Math.abs(wide.width - (163 / 25.4) * 72)).toBeLessThan(1.5);
    expect(wide.height / wide.width).toBeCloseTo(0.1, 2);
    const doc = await PDFDocument.load(pdf, { updateMetadata: false });
    for (const [name, rule] of Object.entries(RULES)) expect([name, rule(doc, pdf)]).toEqual([name, []]);
  });

  it('works in a JSON plan and a plan folder, relative to the plan', async () => {
    await images();
    const json = path.join(dir(), 'plan.json');
    await writeFile(json, JSON.stringify(basePlan({ sections: [{ type: 'text', title: 'Organisation', images: [{ file: 'bilder/organisation.svg', alt: 'Schemat' }] }] })));
    const fromJson = await renderHtml((await checkPlan(json)).plan, { generator: 'test' });
    expect(fromJson).toMatch(/<figure class="figure"><img src="data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+" alt="Schemat" width="480" height="240"><\/figure>/);

    const folder = path.join(dir(), 'planmapp');
    await mkdir(path.join(folder, 'avsnitt'), { recursive: true });
    await mkdir(path.join(folder, 'bilder'));
    await copyFile('test/fixtures/organisation.png', path.join(folder, 'bilder', 'organisation.png'));
    await copyFile('test/fixtures/organisation.png', path.join(folder, 'bilder', 'schema.png'));
    const { sections: _s, ...rest } = basePlan();
    await writeFile(path.join(folder, 'plan.yaml'), toYaml(rest));
    await writeFile(path.join(folder, 'avsnitt', '01-organisation.md'), '---\ntitle: Organisation\n---\nStyrelsen leder.\n\n![Schemat](bilder/organisation.png "Organisationen")\n');
    const fromFolder = await renderHtml((await checkPlan(folder)).plan, { generator: 'test' });
    expect(fromFolder).toMatch(/<figure class="figure"><img src="data:image\/png;base64,[^"]+" alt="Schemat" width="480" height="240"><figcaption>Organisationen<\/figcaption><\/figure>/);
    // Relative to the plan folder, not to avsnitt/: a wrong path names the section file, and the line and
    // column of the file name (not the text's first line).
    await writeFile(path.join(folder, 'avsnitt', '01-organisation.md'), '---\ntitle: Organisation\n---\nStyrelsen leder.\n\n![Schemat](../bilder/schema.png)\n');
    expect(await planError(folder)).toContain(`avsnitt/01-organisation.md:6:12 sections[0].text: bilden ${path.resolve(dir(), 'bilder/schema.png')} finns inte; sökvägen räknas från planmappen (där plan.yaml ligger), inte avsnitt/`);
  });

  it('refuses an image without alt text, inside a paragraph, from the web, or where no figure can stand', async () => {
    const message = await planError(
      await yamlPlan([
        { type: 'text', title: 'A', text: 'Före.\n\n![](bilder/org.png)\n\nText med ![Schema](bilder/org.png) inne i stycket.\n\n![Logga](https://example.org/logga.png)' },
        { type: 'goals', title: 'Mål', groups: [{ goals: [{ text: 'Ett mål ![Bild](bilder/org.png)' }] }] },
      ]),
    );
    expect(message).toContain('sections[0].text: bilden bilder/org.png saknar alternativtext; skriv vad bilden visar mellan [ och ], t.ex. ![Organisationsschema för förbundet](bilder/org.png)');
    expect(message).toContain('sections[0].text: bilden ![Schema](bilder/org.png) står inne i ett stycke; ställ den i ett eget stycke, med en tom rad före och efter');
    expect(message).toContain('sections[0].text: bilden "https://example.org/logga.png" är ingen fil i planens mapp; vplan hämtar inget från webben');
    expect(message).toContain('sections[1].groups[0].goals[0].text: bilden bilder/org.png kan inte stå här');
    const schema = await planError(await yamlPlan([{ type: 'text', title: 'B', images: [{ file: 'bilder/org.png' }] }]));
    expect(schema).toMatch(/plan\.yaml:\d+:\d+ sections\[0\]\.images\[0\]\.alt: saknas/);
    // A missing file is named in the same run as the missing alt text.
    const both = await planError(await yamlPlan([{ type: 'text', title: 'C', text: '![](bilder/saknas.png)' }]));
    expect(both).toContain('sections[0].text: bilden bilder/saknas.png saknar alternativtext');
    expect(both).toMatch(/sections\[0\]\.text: bilden .*bilder\/saknas\.png finns inte/);
  });

  it('refuses a missing, mislabelled or unsafe file, naming it and where the plan names it', async () => {
    await images();
    const svg = (body: string) => `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10">${body}</svg>`;
    await writeFile(path.join(dir(), 'bilder', 'skript.svg'), svg('<script>alert(1)</script><rect width="10" height="10"/>'));
    await writeFile(path.join(dir(), 'bilder', 'extern.svg'), svg('<image xlink:href="https://example.org/spår.png" width="10" height="10"/>'));
    await writeFile(path.join(dir(), 'bilder', 'inbaddad.svg'), svg(`<image href="data:image/png;base64,${pngOf(2, 2).toString('base64')}" width="10" height="10"/>`));
    await copyFile('test/fixtures/bild.jpg', path.join(dir(), 'bilder', 'foto.png'));
    const message = await planError(
      await yamlPlan([
        {
          type: 'text',
          title: 'Bilder',
          images: [
            { file: 'bilder/saknas.png', alt: 'Saknas' },
            { file: 'bilder/skript.svg', alt: 'Skript' },
            { file: 'bilder/extern.svg', alt: 'Extern' },
            { file: 'bilder/foto.png', alt: 'Fel ändelse' },
            { file: 'bilder/bild.gif', alt: 'GIF' },
            { file: 'bilder/inbaddad.svg', alt: 'En SVG med en inbäddad PNG går bra' },
          ],
        },
      ]),
    );
    expect(message).toContain(`sections[0].images[0].file: bilden ${path.join(dir(), 'bilder/saknas.png')} finns inte; sökvägen räknas från planfilens mapp`);
    expect(message).toContain('sections[0].images[1].file: bilden bilder/skript.svg går inte att använda: SVG-bilden innehåller ett skript (<script>); vplan skriver bara ut bilder utan skript och utan hänvisningar till andra filer eller webbadresser');
    expect(message).toContain('sections[0].images[2].file: bilden bilder/extern.svg går inte att använda: SVG-bilden innehåller en hänvisning till en annan fil eller webbadress (https://example.org/spår.png)');
    expect(message).toContain('sections[0].images[3].file: bilden bilder/foto.png heter .png men är en JPEG-bild');
    expect(message).toContain('sections[0].images[4].file: "bilder/bild.gif" är inte en png-, jpg- eller svg-fil');
    expect(message).not.toContain('images[5]');
    expect(message).toContain('5 fel');
  });
});
