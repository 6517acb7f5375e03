// The same plan built twice, by two browsers, gives the same bytes: no clock in the file, stable id.
import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { inject } from 'vitest';
import path from 'node:path';
import { PDFDocument, PDFArray, PDFHexString } from 'pdf-lib';
import { checkPlan, printPlan, PrintSession } from '../src/build.js';

describe('reproducible PDFs', () => {
  it('builds byte-identical PDFs from the same plan in two separate browser runs', async () => {
    const first = new Uint8Array(await readFile(path.join(inject('examplesDir'), 'botkyrka-huddinge-salem-2018.pdf')));
    const session = new PrintSession();
    try {
      const { plan } = await checkPlan('data/botkyrka-huddinge-salem-2018');
      const { pdf: second } = await printPlan(plan, session);
      expect(Buffer.compare(Buffer.from(first), Buffer.from(second))).toBe(0);
    } finally {
      await session.close();
    }
  });

  it('dates the PDF from the plan and gives it an id derived from its content', async () => {
    const bytes = await readFile(path.join(inject('examplesDir'), 'sodra-vatterbygden-2013.pdf'));
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(doc.getCreationDate()?.toISOString()).toBe('2012-11-26T12:00:00.000Z');
    expect(doc.getModificationDate()?.toISOString()).toBe('2012-11-26T12:00:00.000Z');
    const id = doc.context.trailerInfo.ID as PDFArray;
    expect((id.get(0) as PDFHexString).asString()).toMatch(/^[0-9a-f]{32}$/);
  });
});
