// The PDF/A-2 rules this project can check without veraPDF, each returning the problems it found.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { PDFArray, PDFBool, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRawStream, PDFRef, PDFStream, PDFString } from 'pdf-lib';
import { FALLBACK_FONTS } from '../../src/render/fonts.js';
import { notdefGlyphs, pdfFonts } from './pdfGlyphs.js';
import { findAll, parseXml } from './xml.js';

export type Rule = (doc: PDFDocument, bytes: Uint8Array) => string[];

const dictOf = (doc: PDFDocument, v: unknown): PDFDict | undefined => {
  const r = v instanceof PDFRef ? doc.context.lookup(v) : v;
  return r instanceof PDFDict ? r : r instanceof PDFStream ? r.dict : undefined;
};
const textOf = (v: unknown) => (v instanceof PDFString || v instanceof PDFHexString ? v.decodeText() : undefined);
const info = (doc: PDFDocument) => doc.context.lookup(doc.context.trailerInfo.Info, PDFDict);
const xmpOf = (doc: PDFDocument): string | undefined => {
  const ref = doc.catalog.get(PDFName.of('Metadata'));
  const stream = ref instanceof PDFRef ? doc.context.lookup(ref) : ref;
  return stream instanceof PDFRawStream ? Buffer.from(stream.contents).toString('utf8') : undefined;
};
const xmlText = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
const pdfDateToXmp = (d: string) => {
  const m = /^D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z?/.exec(d);
  return m ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z` : d;
};

/** PostScript name stems of every font vplan bundles: each theme's and the fallbacks (e.g. "NotoSansSymbols2"). */
export function bundledFontNames(): Set<string> {
  const themes = path.resolve('templates/themes');
  const families = readdirSync(themes).flatMap(
    (theme) => (JSON.parse(readFileSync(path.join(themes, theme, 'theme.json'), 'utf8')) as { fonts: { family: string }[] }).fonts,
  );
  return new Set([...families, ...FALLBACK_FONTS].map((f) => f.family.replace(/\s+/g, '')));
}

function allObjects(doc: PDFDocument): PDFDict[] {
  return doc.context.enumerateIndirectObjects().flatMap(([, o]) => (o instanceof PDFDict ? [o] : o instanceof PDFStream ? [o.dict] : []));
}

export const RULES: Record<string, Rule> = {
  '6.1.2 header: %PDF-1.n followed by a comment of at least four bytes above 127': (_doc, bytes) => {
    const head = Buffer.from(bytes.subarray(0, 32));
    const ok = /^%PDF-1\.[4-7]\r?\n%/.test(head.toString('latin1')) && [...head.subarray(head.indexOf(10) + 2, head.indexOf(10) + 6)].every((b) => b > 127);
    return ok ? [] : ['header or binary comment missing'];
  },
  '6.1.3 trailer: file identifier /ID, no /Encrypt': (doc) => {
    const id = doc.context.trailerInfo.ID;
    const problems: string[] = [];
    if (!(id instanceof PDFArray) || id.size() !== 2) problems.push('no /ID with two strings');
    if (doc.context.trailerInfo.Encrypt) problems.push('document is encrypted');
    return problems;
  },
  '6.6.2 metadata: catalog /Metadata is an XMP stream that parses as XML, with pdfaid part 2 and conformance U': (doc) => {
    const xmp = xmpOf(doc);
    if (!xmp) return ['no uncompressed /Metadata stream'];
    let root;
    try {
      root = parseXml(xmp);
    } catch (error) {
      return [`XMP is not XML: ${(error as Error).message}`];
    }
    const problems: string[] = [];
    if (findAll(root, 'pdfaid:part').map((e) => e.text).join() !== '2') problems.push('pdfaid:part is not 2');
    if (findAll(root, 'pdfaid:conformance').map((e) => e.text).join() !== 'U') problems.push('pdfaid:conformance is not U');
    if (!xmp.startsWith('<?xpacket begin=')) problems.push('no xpacket header');
    return problems;
  },
  '6.6.3 metadata: the document information dictionary agrees with the XMP': (doc) => {
    const xmp = xmpOf(doc) ?? '';
    const d = info(doc);
    const pairs: [string, RegExp][] = [
      ['Title', /<dc:title><rdf:Alt><rdf:li xml:lang="x-default">([^<]*)</],
      ['Author', /<dc:creator><rdf:Seq><rdf:li>([^<]*)</],
      ['Subject', /<dc:description><rdf:Alt><rdf:li xml:lang="x-default">([^<]*)</],
      ['Keywords', /<pdf:Keywords>([^<]*)</],
      ['Producer', /<pdf:Producer>([^<]*)</],
      ['Creator', /<xmp:CreatorTool>([^<]*)</],
      ['CreationDate', /<xmp:CreateDate>([^<]*)</],
      ['ModDate', /<xmp:ModifyDate>([^<]*)</],
    ];
    const problems: string[] = [];
    for (const [key, pattern] of pairs) {
      const value = d.get(PDFName.of(key));
      const infoValue = key.endsWith('Date') ? (value instanceof PDFString ? pdfDateToXmp(value.asString()) : undefined) : textOf(value);
      const match = pattern.exec(xmp);
      const xmpValue = match ? xmlText(match[1]!) : undefined;
      if (infoValue !== xmpValue) problems.push(`${key}: info ${JSON.stringify(infoValue)} ≠ XMP ${JSON.stringify(xmpValue)}`);
    }
    return problems;
  },
  '6.2.3 output intent: GTS_PDFA1 with an embedded RGB display ICC profile': (doc) => {
    const intents = doc.catalog.lookupMaybe(PDFName.of('OutputIntents'), PDFArray);
    if (!intents || intents.size() === 0) return ['no /OutputIntents'];
    const intent = dictOf(doc, intents.get(0))!;
    const problems: string[] = [];
    if (intent.get(PDFName.of('S'))?.toString() !== '/GTS_PDFA1') problems.push('intent subtype is not GTS_PDFA1');
    const ref = intent.get(PDFName.of('DestOutputProfile'));
    const profile = ref instanceof PDFRef ? doc.context.lookup(ref) : undefined;
    if (!(profile instanceof PDFRawStream)) return [...problems, 'no DestOutputProfile stream'];
    if ((profile.dict.get(PDFName.of('N')) as PDFNumber | undefined)?.asNumber() !== 3) problems.push('profile /N is not 3');
    const icc = Buffer.from(profile.contents);
    if (icc.toString('ascii', 36, 40) !== 'acsp') problems.push('not an ICC profile');
    if (icc.toString('ascii', 12, 16) !== 'mntr' || icc.toString('ascii', 16, 20) !== 'RGB ') problems.push('not an RGB display profile');
    if (![2, 4].includes(icc[8]!)) problems.push('ICC version is not 2 or 4');
    if (icc.readUInt32BE(0) !== icc.length) problems.push('ICC size field does not match');
    return problems;
  },
  '6.2.11 fonts: every font embedded, with a ToUnicode map (level U)': (doc) => {
    const problems: string[] = [];
    for (const o of allObjects(doc)) {
      if (o.get(PDFName.of('Type'))?.toString() !== '/Font') continue;
      const subtype = o.get(PDFName.of('Subtype'))?.toString();
      if (subtype === '/Type0') {
        if (!o.get(PDFName.of('ToUnicode'))) problems.push(`${o.get(PDFName.of('BaseFont'))} has no ToUnicode`);
        continue;
      }
      const descriptor = dictOf(doc, o.get(PDFName.of('FontDescriptor')));
      if (!descriptor || !['FontFile', 'FontFile2', 'FontFile3'].some((k) => descriptor.get(PDFName.of(k)))) {
        problems.push(`${o.get(PDFName.of('BaseFont'))} is not embedded`);
      }
    }
    return problems;
  },
  '6.2.11.4 fonts: only vplan\'s bundled fonts, no Type 3': (doc) => {
    const bundled = bundledFontNames();
    return pdfFonts(doc).flatMap((font) => [
      ...(font.subtype === 'Type3' ? [`Type 3 font ${font.name}`] : []),
      ...(font.subtype !== 'Type3' && !bundled.has(font.name.split('-')[0]!) ? [`${font.name} is not a bundled font`] : []),
    ]);
  },
  '6.2.11.8 fonts: no reference to the .notdef glyph': (doc) => notdefGlyphs(doc),
  '6.6.1 / 6.5 actions: no JavaScript, no Launch, no additional actions': (doc) => {
    const problems: string[] = [];
    const names = doc.catalog.lookupMaybe(PDFName.of('Names'), PDFDict);
    if (names?.get(PDFName.of('JavaScript'))) problems.push('JavaScript name tree');
    if (doc.catalog.get(PDFName.of('AA'))) problems.push('catalog /AA');
    for (const o of allObjects(doc)) {
      const s = o.get(PDFName.of('S'))?.toString();
      if (s && ['/JavaScript', '/Launch', '/ImportData', '/ResetForm', '/Sound', '/Movie', '/Hide', '/SetOCGState', '/Rendition', '/Trans', '/GoTo3DView'].includes(s)) {
        problems.push(`action ${s}`);
      }
      if (o.get(PDFName.of('JS'))) problems.push('/JS entry');
      if (o.get(PDFName.of('Type'))?.toString() === '/Annot' && o.get(PDFName.of('AA'))) problems.push('annotation /AA');
    }
    return problems;
  },
  '6.3.2 annotations: Print flag set, Hidden, Invisible and NoView clear; only link annotations without appearance': (doc) => {
    const problems: string[] = [];
    for (const o of allObjects(doc)) {
      if (o.get(PDFName.of('Type'))?.toString() !== '/Annot' && !o.get(PDFName.of('Rect'))) continue;
      if (!o.get(PDFName.of('Subtype'))) continue;
      const flags = (o.get(PDFName.of('F')) as PDFNumber | undefined)?.asNumber() ?? 0;
      if ((flags & 4) === 0 || (flags & (1 | 2 | 32)) !== 0) problems.push(`annotation flags ${flags}`);
      const subtype = o.get(PDFName.of('Subtype'))!.toString();
      if (!['/Link', '/Popup'].includes(subtype) && !o.get(PDFName.of('AP'))) problems.push(`${subtype} annotation without appearance`);
    }
    return problems;
  },
  '6.1.7 / 6.1.10 external content: no external streams, PostScript XObjects, OPI or embedded files': (doc) => {
    const problems: string[] = [];
    for (const o of allObjects(doc)) {
      if (o.get(PDFName.of('F')) && o.get(PDFName.of('Length'))) problems.push('stream with external file');
      if (o.get(PDFName.of('Subtype'))?.toString() === '/PS') problems.push('PostScript XObject');
      if (o.get(PDFName.of('OPI'))) problems.push('OPI');
    }
    const names = doc.catalog.lookupMaybe(PDFName.of('Names'), PDFDict);
    if (names?.get(PDFName.of('EmbeddedFiles'))) problems.push('embedded files');
    return problems;
  },
  'accessibility kept: tagged, /Lang, bookmarks, Unicode title shown in the title bar': (doc) => {
    const problems: string[] = [];
    if (!doc.catalog.get(PDFName.of('StructTreeRoot'))) problems.push('no structure tree');
    const mark = doc.catalog.lookupMaybe(PDFName.of('MarkInfo'), PDFDict);
    if (mark?.get(PDFName.of('Marked')) !== PDFBool.True) problems.push('MarkInfo /Marked is not true');
    if (textOf(doc.catalog.get(PDFName.of('Lang'))) !== 'sv-SE') problems.push('no /Lang sv-SE');
    if (!doc.catalog.get(PDFName.of('Outlines'))) problems.push('no bookmarks');
    const viewer = doc.catalog.lookupMaybe(PDFName.of('ViewerPreferences'), PDFDict);
    if (viewer?.get(PDFName.of('DisplayDocTitle'))?.toString() !== 'true') problems.push('DisplayDocTitle not set');
    return problems;
  },
};
