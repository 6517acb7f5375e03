// Bad values that used to pass validation and then printed something wrong (or failed late): each is
// now an error at validation, or behaves as the README says. No browser needed.
import { describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { checkPlan } from '../src/build.js';
import { PlanError } from '../src/errors.js';
import { computeBudget, type BudgetContext } from '../src/compute/budget.js';
import { renderMarkdown } from '../src/render/markdown.js';
import { firstHtmlTag } from '../src/compute/rawHtml.js';
import { inspectImage } from '../src/load/images.js';
import type { PlanInput } from '../src/load/schema.js';
import { basePlan, budget } from './helpers/plans.js';
import { useTempDir } from './helpers/tempDir.js';

const dir = useTempDir('vplan-bad-more');
const none: BudgetContext = { contributionTotals: new Map() };

async function problems(plan: PlanInput, files: Record<string, Buffer | string> = {}): Promise<string> {
  for (const [name, content] of Object.entries(files)) await writeFile(path.join(dir(), name), content);
  const file = path.join(dir(), 'plan.json');
  await writeFile(file, JSON.stringify(plan, null, 2));
  try {
    await checkPlan(file);
    return '';
  } catch (error) {
    if (error instanceof PlanError) return error.describe();
    throw error;
  }
}

/** A valid 2×1 PNG, built here so that it can be broken on purpose. */
function png(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    return Buffer.concat([length, Buffer.from(type, 'latin1'), data, Buffer.alloc(4)]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(2, 0);
  header.writeUInt32BE(1, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  const pixels = deflateSync(Buffer.from([0, 255, 0, 0, 0, 0, 255]));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))]);
}

const withLogo = (file: string) => basePlan({ document: { ...basePlan().document, logo: { file, alt: 'Förbundets logotyp' } } });

describe('logo', () => {
  it('accepts a real PNG and reads its size', async () => {
    expect(inspectImage(png())).toEqual({ type: 'png', width: 2, height: 1 });
    expect(await problems(withLogo('logo.png'), { 'logo.png': png() })).toBe('');
  });

  it('refuses a corrupt, truncated, empty or mislabelled image at validation, naming document.logo.file', async () => {
    const truncated = png().subarray(0, 40);
    expect(await problems(withLogo('logo.png'), { 'logo.png': truncated })).toMatch(/document\.logo\.file: bilden logo\.png går inte att använda: PNG-filen är avkortad/);
    expect(await problems(withLogo('logo.png'), { 'logo.png': 'inte en bild' })).toMatch(/document\.logo\.file: .*filen är ingen PNG-, JPEG- eller SVG-bild/);
    expect(await problems(withLogo('logo.png'), { 'logo.png': '' })).toMatch(/filen är tom/);
    const garbled = png();
    garbled.fill(7, 41, 45); // inside the compressed pixels
    expect(await problems(withLogo('logo.png'), { 'logo.png': garbled })).toMatch(/PNG-filens bilddata/);
    expect(await problems(withLogo('logo.jpg'), { 'logo.jpg': png() })).toMatch(/heter \.jpg men är en PNG-bild/);
    expect(await problems(withLogo('logo.svg'), { 'logo.svg': '<svg xmlns="http://www.w3.org/2000/svg"><rect/>' })).toMatch(/ingen fullständig SVG-bild/);
    expect(await problems(withLogo('saknas.png'))).toMatch(/document\.logo\.file: bilden .*saknas\.png finns inte/);
  });

  it('reports a bad logo together with the plan\'s other errors, in one run', async () => {
    const plan = withLogo('logo.png');
    plan.budget = budget({ costs: { rows: [{ label: 'Kansli', values: { budget2025: 800 }, varav: [{ label: 'Lön', values: { budget2025: 900 } }] }] } });
    const text = await problems(plan, { 'logo.png': 'x' });
    expect(text).toMatch(/document\.logo\.file/);
    expect(text).toMatch(/varav-raderna under "Kansli" summerar till 900/);
  });
});

describe('text', () => {
  it('refuses an unclosed {{, and a }} with one brace too few before it, at their place in the file', async () => {
    const plan = basePlan({ sections: [{ type: 'text', title: 'Ekonomi', text: 'Första stycket.\n\nBudgeten är {{ costs.budget2025 | mkr mkr.' }] });
    plan.budget = budget();
    const unclosed = await problems(plan);
    expect(unclosed).toMatch(/sections\[0\]\.text: "\{\{ costs\.budget2025 \| mkr mkr\.": "\{\{" stängs aldrig med "\}\}"/);
    // The file's line and column of the braces (the JSON text is on one line of the file).
    const json = JSON.stringify(plan, null, 2).split('\n');
    const line = json.findIndex((l) => l.includes('{{ costs')) + 1;
    expect(unclosed).toContain(`plan.json:${line}:${json[line - 1]!.indexOf('{{ costs') + 1} sections[0].text`);

    // "{ costs… }}": before, printed in the PDF as written.
    const stray = basePlan({ sections: [{ type: 'text', title: 'Ekonomi', text: 'Första stycket.\n\nKostnaderna är ca { costs.budget2025 | mkr }} miljoner.' }] });
    stray.budget = budget();
    expect(await problems(stray)).toMatch(/sections\[0\]\.text: "[^"]*ca \{ costs\.budget2025 \| mkr \}\}": "\}\}" har inget "\{\{" före sig \(en klammer för lite\?\)/);

    const escaped = basePlan({ sections: [{ type: 'text', title: 'Ekonomi', text: 'Mallen skrivs \\{{ namn \\}}, och {{ costs.budget2025 }} kr.' }] });
    escaped.budget = budget();
    expect(await problems(escaped)).toBe('');
  });

  it('warns of HTML in a text, at its line, for it prints as it stands', async () => {
    const plan = basePlan({ sections: [{ type: 'text', title: 'Om', text: 'Första stycket.\n\nDet här är <b>viktigt</b>.\n\nKod: `<br>` är kod.' }] });
    const file = path.join(dir(), 'html.json');
    await writeFile(file, JSON.stringify(plan, null, 2));
    const { warnings } = await checkPlan(file);
    expect(warnings.map((w) => w.message)).toEqual([
      expect.stringMatching(/^texten har HTML \(<b>\), som skrivs ut som den står: vplan använder ingen HTML ur planen\. Skriv Markdown i stället: \*\*fet\*\*, \*kursiv\*, en tom rad mellan stycken, - för en lista \[sections\[0\]\.text; kvitteras med/),
    ]);
    const line = JSON.stringify(plan, null, 2).split('\n').findIndex((l) => l.includes('<b>')) + 1;
    expect(warnings[0]!.line).toBe(line);
    // Acknowledged like any other warning.
    await writeFile(file, JSON.stringify({ ...plan, acknowledgedWarnings: [{ warning: 'sections[0].text', reason: 'Citerar en webbsida.' }] }, null, 2));
    expect((await checkPlan(file)).warnings).toEqual([]);
    // Not a tag: comparisons, words and addresses in brackets (links in Markdown).
    for (const text of ['a < b och c > d, <Budget 2025>', 'Skriv till <a.nilsson@gislaved.se>.', '<i samverkan med regionen>', '<https://finsam.se>']) {
      expect(firstHtmlTag(text), text).toBeUndefined();
    }
    expect(firstHtmlTag('Läs <a href="https://x.se">här</a>')).toBe('<a href="https://x.se">');
    expect(firstHtmlTag('rad ett<br/>rad två')).toBe('<br/>');
    expect(firstHtmlTag('rad ett<br />rad två')).toBe('<br />');
  });

  it('prints raw HTML as text and drops links that are not to the web, mail or the document (keeping their words)', () => {
    const html = renderMarkdown('<b>fet</b> [klicka](javascript:alert(1)) [fil](file:///etc/passwd) [webb](https://finsam.se) [e-post](mailto:a@b.se)', 'd');
    expect(html).toContain('&lt;b&gt;fet&lt;/b&gt;');
    expect(html).not.toMatch(/javascript:|file:|\]\(/);
    expect(html).toContain(' klicka ');
    expect(html).toContain('<a href="https://finsam.se">webb</a>');
    expect(html).toContain('<a href="mailto:a@b.se">e-post</a>');
  });

  it('refuses two goals with the same id in a section', async () => {
    const plan = basePlan({
      sections: [{ type: 'goals', title: 'Mål', groups: [{ goals: [{ id: 'A', text: 'Första' }] }, { goals: [{ id: 'A', text: 'Andra' }, { id: 'B', text: 'Tredje', parent: 'A' }] }] }],
    });
    expect(await problems(plan)).toMatch(/sections\[0\]\.groups\[1\]\.goals\[0\]\.id: beteckningen "A" har redan ett annat mål/);
  });
});

describe('budget', () => {
  it('refuses a negative varav that would hide varav rows adding up to more than their row', () => {
    const outcome = computeBudget(
      budget({ costs: { rows: [{ label: 'Kansli', values: { budget2025: 1000 }, varav: [{ label: 'Lön', values: { budget2025: 1400 } }, { label: 'Rättelse', values: { budget2025: -500 } }] }] } }),
      none,
    );
    expect(outcome.budget).toBeUndefined();
    expect(outcome.issues.map((i) => i.message).join('\n').replace(/\u00a0/g, ' ')).toMatch(/varav-raden är −500 i Budget 2025, men "Kansli" är 1 000; en varav-rad är en del av raden och ska ha samma tecken/);
  });

  it('balances the result, not the closing capital, under the result convention with opening capital', () => {
    const outcome = computeBudget(
      budget({
        capital: { opening: { budget2025: 300 } },
        costs: { rows: [{ label: 'Kansli', values: { budget2025: 600 } }, { label: 'Ej fördelat', balance: true }] },
      }),
      none,
    );
    expect(outcome.issues).toEqual([]);
    const rows = outcome.budget!.table.rows;
    expect(rows.find((r) => r.label === 'Ej fördelat')!.cells).toEqual([400]);
    expect(rows.find((r) => r.label === 'Resultat')!.cells).toEqual([0]);
  });

  it('still balances the closing capital under the balance convention', () => {
    const outcome = computeBudget(
      budget({
        convention: 'balance',
        capital: { opening: { budget2025: 300 } },
        costs: { rows: [{ label: 'Kansli', values: { budget2025: 600 } }, { label: 'Ej fördelat', balance: true }] },
      }),
      none,
    );
    expect(outcome.issues).toEqual([]);
    expect(outcome.budget!.table.rows.find((r) => r.label === 'Ej fördelat')!.cells).toEqual([700]);
  });

  it('leaves the balancing row blank, like every other row, in a column with nothing in it', () => {
    const outcome = computeBudget(
      budget({
        columns: [{ kind: 'budget', year: 2025 }, { kind: 'plan', year: 2026 }],
        costs: { rows: [{ label: 'Kansli', values: { budget2025: 600 } }, { label: 'Ej fördelat', balance: true }] },
      }),
      none,
    );
    expect(outcome.issues).toEqual([]);
    const rows = outcome.budget!.table.rows;
    expect(rows.find((r) => r.label === 'Kansli')!.cells).toEqual([600, null]);
    expect(rows.find((r) => r.label === 'Ej fördelat')!.cells).toEqual([400, null]);
    expect(rows.find((r) => r.label === 'Summa kostnader')!.cells).toEqual([1000, null]);
  });
});
