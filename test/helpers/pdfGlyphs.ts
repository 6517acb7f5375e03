// The fonts a PDF uses and the glyphs it shows: each text-showing operator of every page (and of the
// form XObjects it draws) read back with the font selected at that point, so a .notdef (glyph 0) is
// found wherever it is.
import { decodePDFRawStream, PDFArray, PDFDict, PDFName, PDFRawStream, PDFRef, PDFStream, type PDFDocument, type PDFObject } from 'pdf-lib';

export interface PdfFont {
  /** BaseFont without the subset tag, e.g. "Carlito-Regular". */
  name: string;
  subtype: string;
}

const lookup = (doc: PDFDocument, value: PDFObject | undefined) => (value instanceof PDFRef ? doc.context.lookup(value) : value);

/** Every font dictionary in the file. */
export function pdfFonts(doc: PDFDocument): PdfFont[] {
  return doc.context
    .enumerateIndirectObjects()
    .map(([, o]) => o)
    .filter((o): o is PDFDict => o instanceof PDFDict && o.get(PDFName.of('Type'))?.toString() === '/Font')
    .map((o) => ({
      name: (o.get(PDFName.of('BaseFont'))?.toString() ?? '/[none]').slice(1).replace(/^[A-Z]{6}\+/, ''),
      subtype: o.get(PDFName.of('Subtype'))?.toString().slice(1) ?? '?',
    }));
}

type Token = { kind: 'op'; value: string } | { kind: 'string'; bytes: number[] } | { kind: 'name'; value: string } | { kind: 'other' };

/** Content stream tokens; strings as bytes, arrays flattened (TJ's numbers are "other"). */
function* tokens(src: string): Generator<Token> {
  let i = 0;
  const n = src.length;
  while (i < n) {
    const c = src[i]!;
    if (/\s/.test(c)) i++;
    else if (c === '%') while (i < n && src[i] !== '\n' && src[i] !== '\r') i++;
    else if (c === '(') {
      const bytes: number[] = [];
      let depth = 1;
      i++;
      while (i < n && depth > 0) {
        const ch = src[i]!;
        if (ch === '\\') {
          const next = src[i + 1]!;
          const octal = /^[0-7]{1,3}/.exec(src.slice(i + 1, i + 4));
          if (octal) {
            bytes.push(parseInt(octal[0], 8) & 0xff);
            i += 1 + octal[0].length;
            continue;
          }
          const map: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12 };
          if (next === '\r' || next === '\n') i += next === '\r' && src[i + 2] === '\n' ? 3 : 2;
          else {
            bytes.push(map[next] ?? next.charCodeAt(0));
            i += 2;
          }
          continue;
        }
        if (ch === '(') depth++;
        if (ch === ')' && --depth === 0) break;
        bytes.push(ch.charCodeAt(0));
        i++;
      }
      i++;
      yield { kind: 'string', bytes };
    } else if (c === '<' && src[i + 1] === '<') {
      i += 2;
      yield { kind: 'other' };
    } else if (c === '>' && src[i + 1] === '>') {
      i += 2;
      yield { kind: 'other' };
    } else if (c === '<') {
      const end = src.indexOf('>', i);
      const hex = src.slice(i + 1, end).replace(/\s/g, '');
      const padded = hex.length % 2 ? `${hex}0` : hex;
      yield { kind: 'string', bytes: padded.match(/../g)?.map((h) => parseInt(h, 16)) ?? [] };
      i = end + 1;
    } else if (c === '[' || c === ']' || c === '{' || c === '}') {
      i++;
    } else if (c === '/') {
      const m = /^\/[^\s/<>[\]()%{}]*/.exec(src.slice(i))!;
      i += m[0].length;
      yield { kind: 'name', value: m[0].slice(1) };
    } else {
      const m = /^[^\s/<>[\]()%{}]+/.exec(src.slice(i))!;
      i += m[0].length;
      if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(m[0])) yield { kind: 'other' };
      else if (m[0] === 'BI') {
        const end = src.indexOf('EI', src.indexOf('ID', i));
        i = end + 2;
      } else yield { kind: 'op', value: m[0] };
    }
  }
}

function streamText(doc: PDFDocument, value: PDFObject | undefined): string {
  const object = lookup(doc, value);
  if (object instanceof PDFArray) return object.asArray().map((v) => streamText(doc, v)).join('\n');
  if (object instanceof PDFRawStream) return Buffer.from(decodePDFRawStream(object).decode()).toString('latin1');
  return '';
}

/** Glyph ids of a Type0 font's two-byte codes (Identity-H), through its CIDToGIDMap. */
function glyphIds(doc: PDFDocument, font: PDFDict, bytes: number[]): number[] | undefined {
  if (font.get(PDFName.of('Subtype'))?.toString() !== '/Type0') return undefined;
  const descendants = lookup(doc, font.get(PDFName.of('DescendantFonts')));
  const cidFont = descendants instanceof PDFArray ? lookup(doc, descendants.get(0)) : undefined;
  const map = cidFont instanceof PDFDict ? lookup(doc, cidFont.get(PDFName.of('CIDToGIDMap'))) : undefined;
  const table = map instanceof PDFRawStream ? decodePDFRawStream(map).decode() : undefined;
  const ids: number[] = [];
  for (let k = 0; k + 1 < bytes.length; k += 2) {
    const cid = (bytes[k]! << 8) | bytes[k + 1]!;
    ids.push(table ? (table[cid * 2]! << 8) | table[cid * 2 + 1]! : cid);
  }
  return ids;
}

/**
 * Every string a text-showing operator shows, on every page and in the form XObjects it draws, with the
 * font selected at that point and the page's number.
 */
function eachShownString(doc: PDFDocument, visit: (font: PDFDict, bytes: number[], page: number) => void): void {
  const walk = (content: string, resources: PDFDict | undefined, page: number, depth: number) => {
    const fonts = resources?.lookupMaybe(PDFName.of('Font'), PDFDict);
    const xobjects = resources?.lookupMaybe(PDFName.of('XObject'), PDFDict);
    let font: PDFDict | undefined;
    let operands: Token[] = [];
    for (const token of tokens(content)) {
      if (token.kind !== 'op') {
        operands.push(token);
        continue;
      }
      if (token.value === 'Tf') {
        const name = operands.find((t) => t.kind === 'name') as { value: string } | undefined;
        font = name ? fonts?.lookupMaybe(PDFName.of(name.value), PDFDict) : undefined;
      } else if (['Tj', 'TJ', "'", '"'].includes(token.value) && font) {
        for (const operand of operands) if (operand.kind === 'string') visit(font, operand.bytes, page);
      } else if (token.value === 'Do' && depth < 8) {
        const name = operands.find((t) => t.kind === 'name') as { value: string } | undefined;
        const form = name ? lookup(doc, xobjects?.get(PDFName.of(name.value))) : undefined;
        if (form instanceof PDFStream && form.dict.get(PDFName.of('Subtype'))?.toString() === '/Form') {
          const own = form.dict.lookupMaybe(PDFName.of('Resources'), PDFDict);
          walk(streamText(doc, form), own ?? resources, page, depth + 1);
        }
      }
      operands = [];
    }
  };
  doc.getPages().forEach((page, i) => {
    walk(streamText(doc, page.node.get(PDFName.of('Contents'))), page.node.Resources(), i + 1, 0);
  });
}

/** Each place a .notdef glyph (glyph 0 of a CID font) is shown, as "page N: font". Type 3 and simple fonts are not read. */
export function notdefGlyphs(doc: PDFDocument): string[] {
  const found: string[] = [];
  eachShownString(doc, (font, bytes, page) => {
    if (glyphIds(doc, font, bytes)?.includes(0)) found.push(`page ${page}: .notdef in ${font.get(PDFName.of('BaseFont'))}`);
  });
  return found;
}

/** How many strings the text is shown in, and how many glyphs of CID fonts they hold (two bytes each). */
export function shownStrings(doc: PDFDocument): { strings: number; glyphs: number } {
  let strings = 0;
  let glyphs = 0;
  eachShownString(doc, (font, bytes) => {
    strings++;
    glyphs += glyphIds(doc, font, bytes)?.length ?? 0;
  });
  return { strings, glyphs };
}
