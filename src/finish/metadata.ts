// Document properties a reader and an archive see: title in the viewer's title bar, author (the
// förbund), subject, keywords with the dnr, and vplan as creator.
import { PDFDocument } from 'pdf-lib';
import { readOutline, setOutlineTitles } from './outline.js';
import type { ComputedDocument } from '../model.js';

export interface DocumentProperties {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  creator: string;
  producer: string;
}

export function propertiesOf(doc: ComputedDocument, generator: string): DocumentProperties {
  return {
    title: [doc.title, doc.subtitle].filter(Boolean).join(' '),
    author: doc.associationName,
    subject: doc.subject,
    keywords: doc.keywords,
    creator: generator,
    producer: `${generator} (Chromium Skia/PDF, pdf-lib)`,
  };
}

/** Sets the document properties, and the bookmarks' titles to the headings' true text. */
export async function finishPdf(
  pdf: Uint8Array,
  properties: DocumentProperties,
  headingTexts: string[],
): Promise<{ pdf: Uint8Array; pages: number }> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const outline = await readOutline(doc);
  if (outline.length === headingTexts.length) setOutlineTitles(outline, headingTexts);
  doc.setTitle(properties.title, { showInWindowTitleBar: true });
  doc.setAuthor(properties.author);
  doc.setSubject(properties.subject);
  doc.setKeywords(properties.keywords);
  doc.setCreator(properties.creator);
  doc.setProducer(properties.producer);
  const bytes = await doc.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false });
  return { pdf: bytes, pages: doc.getPageCount() };
}
