// Text that only the running headers have (a Greek title: the title page sets it in another weight)
// needs a font face no text of the page has loaded. Printed once, straight after the page was loaded
// (a cached guess of the contents page numbers held), the headers once came out empty, without an error:
// the page's fonts are now all loaded before it prints.
import { afterAll, describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { checkPlan, PrintSession } from '../src/build.js';
import { renderHtml } from '../src/render/html.js';
import { loadDocument } from '../src/print/pdf.js';
import { printWithContents } from '../src/finish/contents.js';
import { GENERATOR } from '../src/version.js';
import { exampleValue } from './helpers/exampleFiles.js';
import { pdfText } from './helpers/pdfText.js';
import { useTempDir } from './helpers/tempDir.js';

const dir = useTempDir('vplan-margin-fonts');
const session = new PrintSession();
afterAll(() => session.close());

describe('running headers in a font face only they use', () => {
  it('print on every page when the plan is printed once, in a page that just loaded it', async () => {
    const value = await exampleValue('finnveden-2025');
    value.document.title = 'Verksamhetsplan 2025 Ωμέγα';
    const file = path.join(dir(), 'plan.json');
    await writeFile(file, JSON.stringify(value));
    const { plan } = await checkPlan(file);
    const html = await renderHtml(plan, { generator: GENERATOR });
    const print = async (guess?: Record<string, string>) => {
      // A page of its own each time: loaded afresh, as in a new `vplan build`.
      const document = await loadDocument(await session.get(), html);
      try {
        return await printWithContents(document, plan.contents ?? [], await document.headings(), guess);
      } finally {
        await document.close();
      }
    };
    const found = await print();
    const once = await print(found.pages);
    expect(once.passes).toBe(1);
    const { pages } = await pdfText(once.pdf);
    for (const page of pages.slice(1)) {
      expect(page).toContain('Verksamhetsplan 2025 Ωμέγα');
      expect(page).toContain('Finnvedens Samordningsförbund');
    }
  }, 60_000);
});
