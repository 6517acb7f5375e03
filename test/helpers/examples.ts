// The example PDFs built once by globalSetup, read back as bytes, text and PDF objects.
import { inject } from 'vitest';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { normalize, pdfText, type PdfText } from './pdfText.js';

export interface BuiltExample {
  bytes: Uint8Array;
  text: PdfText & { normalized: string };
  doc: PDFDocument;
}

const cache = new Map<string, Promise<BuiltExample>>();

export function builtExample(name: string): Promise<BuiltExample> {
  let entry = cache.get(name);
  if (!entry) {
    entry = (async () => {
      const bytes = new Uint8Array(await readFile(path.join(inject('examplesDir'), `${name}.pdf`)));
      const text = await pdfText(bytes);
      return { bytes, text: { ...text, normalized: normalize(text.all) }, doc: await PDFDocument.load(bytes, { updateMetadata: false }) };
    })();
    cache.set(name, entry);
  }
  return entry;
}
