// Document properties a reader and an archive see: title in the viewer's title bar, author (the
// förbund), subject, keywords with the dnr, and vplan as creator.
import { createHash } from 'node:crypto';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName } from 'pdf-lib';
import { readOutline, setOutlineTitles } from './outline.js';
import { openPdf } from './lazyPdf.js';
import { makePdfA } from './pdfa.js';
import { normalizeStructureIds } from './normalize.js';
import type { ComputedDocument } from '../model.js';

export interface DocumentProperties {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  creator: string;
  producer: string;
  /** From the plan, never the clock: the same plan gives the same bytes. */
  date: Date | undefined;
  /** Identifies the document's content: the same plan and vplan version give the same id. */
  documentId: string;
}

/**
 * Text for the document information: control characters (a U+000B pasted from Word), lone surrogates
 * and non-characters become a space, so the /Info entries and the XMP packet, which XML forbids them
 * in, say the same.
 */
export function metadataText(text: string): string {
  return text.replace(/\s*[\p{Cc}\p{Cs}\uFFFE\uFFFF]+\s*/gu, ' ').trim();
}

export function propertiesOf(doc: ComputedDocument, generator: string, source: string): DocumentProperties {
  return {
    date: doc.date ? new Date(`${doc.date}T12:00:00Z`) : undefined,
    documentId: createHash('sha256')
      .update(generator)
      .update('\0')
      .update(source)
      .update(doc.archiveVersion === undefined ? '' : `\0version ${doc.archiveVersion}`)
      .digest('hex')
      .slice(0, 32),
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
  pdf: Uint8Array | PDFDocument,
  properties: DocumentProperties,
  headingTexts: string[],
  options: { pdfa?: boolean } = {},
): Promise<{ pdf: Uint8Array; pages: number }> {
  const doc = pdf instanceof PDFDocument ? pdf : await openPdf(pdf);
  const outline = await readOutline(doc);
  if (outline.length === headingTexts.length) setOutlineTitles(outline, headingTexts);
  normalizeStructureIds(doc);
  doc.setTitle(metadataText(properties.title), { showInWindowTitleBar: true });
  doc.setAuthor(metadataText(properties.author));
  doc.setSubject(metadataText(properties.subject));
  doc.setKeywords(properties.keywords.map(metadataText));
  doc.setCreator(properties.creator);
  doc.setProducer(properties.producer);
  // Chromium stamps the wall clock; the plan's own date (or none) keeps builds byte-identical.
  const info = doc.context.lookup(doc.context.trailerInfo.Info, PDFDict);
  if (properties.date) {
    doc.setCreationDate(properties.date);
    doc.setModificationDate(properties.date);
  } else {
    info.delete(PDFName.of('CreationDate'));
    info.delete(PDFName.of('ModDate'));
  }
  const id = PDFHexString.of(properties.documentId);
  doc.context.trailerInfo.ID = doc.context.obj([id, id]) as PDFArray;
  if (options.pdfa) makePdfA(doc, properties.documentId);
  const bytes = await doc.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false, objectsPerTick: Infinity });
  return { pdf: bytes, pages: doc.getPageCount() };
}
