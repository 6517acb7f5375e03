// PDF/A-2u from Chromium's own tagged PDF: XMP metadata that matches the document information, an
// sRGB output intent and printable annotations. The tags, /Lang, bookmarks and links stay as they are.
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString } from 'pdf-lib';
import { srgbProfile } from './srgb.js';

export const PDFA_PART = 2;
export const PDFA_CONFORMANCE = 'U';

/** Characters XML 1.0 does not allow at all, not even escaped: controls but tab and line breaks, lone surrogates, U+FFFE/FFFF. */
const XML_ILLEGAL = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text for the XMP packet: markup characters escaped, characters XML cannot carry dropped. */
export const escapeXml = (s: string) =>
  s.replace(XML_ILLEGAL, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function infoText(info: PDFDict, key: string): string | undefined {
  const value = info.get(PDFName.of(key));
  return value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : undefined;
}

/** D:20241128120000Z → 2024-11-28T12:00:00Z */
function xmpDate(pdfDate: string | undefined): string | undefined {
  const m = pdfDate && /^D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(Z|[+-]\d{2}'?\d{2}'?)?/.exec(pdfDate);
  if (!m) return undefined;
  const zone = !m[7] || m[7] === 'Z' ? 'Z' : `${m[7].slice(0, 3)}:${m[7].replace(/'/g, '').slice(3, 5)}`;
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${zone}`;
}

function rawInfoString(info: PDFDict, key: string): string | undefined {
  const value = info.get(PDFName.of(key));
  return value instanceof PDFString ? value.asString() : undefined;
}

/** The XMP packet: pdfaid part and conformance, and the same title, author, subject, keywords and dates as /Info. */
export function xmpPacket(info: PDFDict, documentId: string): string {
  const title = infoText(info, 'Title') ?? '';
  const author = infoText(info, 'Author');
  const subject = infoText(info, 'Subject');
  const keywords = infoText(info, 'Keywords');
  const creator = infoText(info, 'Creator');
  const producer = infoText(info, 'Producer');
  const created = xmpDate(rawInfoString(info, 'CreationDate'));
  const modified = xmpDate(rawInfoString(info, 'ModDate'));
  const alt = (text: string) => `<rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(text)}</rdf:li></rdf:Alt>`;
  const lines = [
    `<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>`,
    `<x:xmpmeta xmlns:x="adobe:ns:meta/">`,
    `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">`,
    `<rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">`,
    `<pdfaid:part>${PDFA_PART}</pdfaid:part>`,
    `<pdfaid:conformance>${PDFA_CONFORMANCE}</pdfaid:conformance>`,
    `</rdf:Description>`,
    `<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">`,
    `<dc:format>application/pdf</dc:format>`,
    `<dc:title>${alt(title)}</dc:title>`,
    ...(author ? [`<dc:creator><rdf:Seq><rdf:li>${escapeXml(author)}</rdf:li></rdf:Seq></dc:creator>`] : []),
    ...(subject ? [`<dc:description>${alt(subject)}</dc:description>`] : []),
    `<dc:language><rdf:Bag><rdf:li>sv-SE</rdf:li></rdf:Bag></dc:language>`,
    `</rdf:Description>`,
    `<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">`,
    ...(keywords ? [`<pdf:Keywords>${escapeXml(keywords)}</pdf:Keywords>`] : []),
    ...(producer ? [`<pdf:Producer>${escapeXml(producer)}</pdf:Producer>`] : []),
    `</rdf:Description>`,
    `<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">`,
    ...(creator ? [`<xmp:CreatorTool>${escapeXml(creator)}</xmp:CreatorTool>`] : []),
    ...(created ? [`<xmp:CreateDate>${created}</xmp:CreateDate>`] : []),
    ...(modified ? [`<xmp:ModifyDate>${modified}</xmp:ModifyDate>`, `<xmp:MetadataDate>${modified}</xmp:MetadataDate>`] : []),
    `</rdf:Description>`,
    `<rdf:Description rdf:about="" xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/">`,
    `<xmpMM:DocumentID>uuid:${uuidFrom(documentId)}</xmpMM:DocumentID>`,
    `<xmpMM:InstanceID>uuid:${uuidFrom(documentId)}</xmpMM:InstanceID>`,
    `</rdf:Description>`,
    `</rdf:RDF>`,
    `</x:xmpmeta>`,
    `<?xpacket end="r"?>`,
  ];
  return lines.join('\n');
}

const uuidFrom = (hex: string) => `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;

const PRINT_FLAG = 4;
const FORBIDDEN_FLAGS = 1 | 2 | 32; // Invisible, Hidden, NoView

/** Turns a finished (properties set) document into PDF/A-2u, in place. */
export function makePdfA(doc: PDFDocument, documentId: string): void {
  const context = doc.context;
  const info = context.lookup(context.trailerInfo.Info, PDFDict);

  const xmp = context.stream(Buffer.from(xmpPacket(info, documentId), 'utf8'), { Type: 'Metadata', Subtype: 'XML' });
  doc.catalog.set(PDFName.of('Metadata'), context.register(xmp));

  const profile = context.stream(srgbProfile(), { N: 3 });
  const intent = context.obj({
    Type: 'OutputIntent',
    S: 'GTS_PDFA1',
    OutputConditionIdentifier: PDFString.of('sRGB IEC61966-2.1'),
    Info: PDFString.of('sRGB IEC61966-2.1'),
    RegistryName: PDFString.of('http://www.color.org'),
    DestOutputProfile: context.register(profile),
  });
  doc.catalog.set(PDFName.of('OutputIntents'), context.obj([intent]));

  // Every annotation (Chromium writes links) must print and be visible.
  for (const page of doc.getPages()) {
    const annots = page.node.Annots();
    if (!annots) continue;
    for (let i = 0; i < annots.size(); i++) {
      const ref = annots.get(i);
      const annot = ref instanceof PDFRef ? context.lookup(ref, PDFDict) : (annots.lookup(i, PDFDict) as PDFDict);
      const flags = annot.get(PDFName.of('F'));
      const current = flags instanceof PDFNumber ? flags.asNumber() : 0;
      annot.set(PDFName.of('F'), PDFNumber.of((current | PRINT_FLAG) & ~FORBIDDEN_FLAGS));
    }
  }
  // PDF/A forbids these outright; Chromium does not write them, but a theme's content must not add them.
  doc.catalog.delete(PDFName.of('AA'));
  const names = doc.catalog.lookupMaybe(PDFName.of('Names'), PDFDict);
  names?.delete(PDFName.of('JavaScript'));
}


