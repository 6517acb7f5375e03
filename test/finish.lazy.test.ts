// Finishing opens the browser's print without parsing all of it (src/finish/lazyPdf.ts): objects are
// parsed when looked up, node ids are found and renumbered in the bytes as printed (nodeIds.ts), the
// rest is copied as it is. What it writes must be what finishing a fully parsed file writes, object for
// object; a file laid out otherwise is parsed whole, as before.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { PDFContext, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFString, type PDFObject } from 'pdf-lib';
import { checkPlan, PrintSession } from '../src/build.js';
import { renderHtml } from '../src/render/html.js';
import { loadDocument } from '../src/print/pdf.js';
import { printWithContents } from '../src/finish/contents.js';
import { finishPdf, propertiesOf } from '../src/finish/metadata.js';
import { openLazily, openPdf, RawObject } from '../src/finish/lazyPdf.js';
import { normalizeStructureIds } from '../src/finish/normalize.js';
import { findNodeIds } from '../src/finish/nodeIds.js';
import { readXref } from '../src/finish/xref.js';
import { GENERATOR } from '../src/version.js';
import { EXAMPLE_FILES, type ExampleName } from './helpers/exampleFiles.js';

const fullyParsed = (pdf: Uint8Array) => PDFDocument.load(pdf, { updateMetadata: false, parseSpeed: Infinity });
const latin1 = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));

/** Every object of a written PDF, as pdf-lib reads it back, by reference; and its trailer. */
async function objectsOf(pdf: Uint8Array) {
  const doc = await fullyParsed(pdf);
  const objects = new Map(doc.context.enumerateIndirectObjects().map(([ref, object]) => [ref.toString(), object.toString()]));
  const { Root, Info, ID } = doc.context.trailerInfo;
  return { objects, trailer: [Root?.toString(), Info?.toString(), ID?.toString(), doc.context.largestObjectNumber] };
}

async function expectSameObjects(lazy: Uint8Array, full: Uint8Array) {
  // The lazily written file's table points at each of its objects (pdf-lib's own load would not notice).
  expect(readXref(lazy, PDFContext.create())?.objects.length).toBe((await fullyParsed(lazy)).context.enumerateIndirectObjects().length);
  const [a, b] = await Promise.all([objectsOf(lazy), objectsOf(full)]);
  expect(a.trailer).toEqual(b.trailer);
  expect([...a.objects.keys()].sort()).toEqual([...b.objects.keys()].sort());
  const differing = [...a.objects].filter(([ref, text]) => b.objects.get(ref) !== text).map(([ref]) => ref);
  expect(differing).toEqual([]);
}

describe('finishing a Chromium print without parsing all of it', () => {
  const session = new PrintSession();
  afterAll(() => session.close());

  async function print(name: ExampleName) {
    const { plan } = await checkPlan(EXAMPLE_FILES[name]);
    const html = await renderHtml(plan, { generator: GENERATOR });
    const document = await loadDocument(await session.page(), html, session.release);
    try {
      const headings = await document.headings();
      const result = await printWithContents(document, plan.contents ?? [], headings);
      return { raw: result.pdf.slice(), properties: propertiesOf(plan.document, GENERATOR, plan.source), titles: headings.map((h) => h.text) };
    } finally {
      await document.close();
    }
  }
  it.each([
    ['botkyrka-huddinge-salem-2018', false],
    ['botkyrka-huddinge-salem-2018', true],
    ['finnveden-2025', false],
    ['sodra-vatterbygden-2013', true],
  ] as const)('writes for %s the objects that finishing the fully parsed file writes (PDF/A: %s)', async (name, pdfa) => {
    const { raw, properties, titles } = await print(name);
    const doc = openLazily(raw);
    expect(doc).toBeDefined();
    const lazy = await finishPdf(doc!, properties, titles, { pdfa });
    // Most of the file was never parsed: content streams, fonts, images went out as printed.
    const objects = doc!.context.enumerateIndirectObjects();
    const unparsed = objects.filter(([, object]) => object instanceof RawObject);
    expect(unparsed.length).toBeGreaterThan(objects.length / 3);
    // Yet the ids in them were renumbered: none but node00000001… is left.
    const ids = [...Buffer.from(lazy.pdf).toString('latin1').matchAll(/\/ID \(node(\d+)\)/g)].map((m) => Number(m[1]));
    expect(ids.length).toBeGreaterThan(10);
    expect(new Set(ids)).toEqual(new Set(Array.from({ length: ids.length }, (_, i) => i + 1)));

    const full = await finishPdf(await fullyParsed(raw), properties, titles, { pdfa });
    expect(lazy.pages).toBe(full.pages);
    await expectSameObjects(lazy.pdf, full.pdf);
  });
});

describe('a PDF not laid out as Chromium prints', () => {
  async function sample() {
    const doc = await PDFDocument.create();
    const page = doc.addPage();
    page.drawText('Budget 2026');
    doc.context.register(doc.context.obj({ Type: 'StructElem', ID: PDFString.of('node00000042') }));
    return doc;
  }

  it('is parsed whole: with a cross-reference stream, with a later update, with a wrong offset', async () => {
    const plain = await (await sample()).save({ useObjectStreams: false });
    expect(openLazily(plain)).toBeDefined();
    const streams = await (await sample()).save({ useObjectStreams: true });
    expect(openLazily(streams)).toBeUndefined();
    const text = Buffer.from(plain).toString('latin1');
    const updated = latin1(text.replace(/trailer\s*<</, (t) => `${t}\n/Prev 9`));
    expect(openLazily(updated)).toBeUndefined();
    const shifted = latin1(text.replace(/(\d{10}) 00000 n/, (_, offset: string) => `${String(Number(offset) + 3).padStart(10, '0')} 00000 n`));
    expect(openLazily(shifted)).toBeUndefined();
    // And finished all the same.
    const opened = await openPdf(streams);
    normalizeStructureIds(opened);
    expect(Buffer.from(await opened.save({ useObjectStreams: false })).toString('latin1')).toContain('/ID (node00000001)');
  });
});

describe('renumbering a lazily opened file', () => {
  const options = { useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false };
  const id = (n: number) => PDFString.of(`node${n}`);

  it('renames ids in the objects the id tree is made of, and gives the same on a second call', async () => {
    const doc = await PDFDocument.create();
    const { context } = doc;
    // The structure tree's root holds a table and its cell directly; the cell names the header by id.
    const th = context.register(context.obj({ Type: 'StructElem', S: 'TH', ID: id(3) }));
    const leaf = context.register(context.obj({ Names: [id(3), th], Limits: [id(3), id(3)] }));
    const cell = { Type: 'StructElem', S: 'TD', A: { O: 'Table', Headers: [id(3)] } };
    const root = context.obj({ Type: 'StructTreeRoot', IDTree: { Kids: [leaf] }, K: [{ Type: 'StructElem', S: 'Table', K: [th, cell] }] });
    doc.catalog.set(PDFName.of('StructTreeRoot'), context.register(root));
    const file = await doc.save(options);
    const lazy = openLazily(file)!;
    const full = await fullyParsed(file);
    for (const d of [lazy, full]) normalizeStructureIds(d);
    const once = await lazy.save(options);
    expect(Buffer.from(once).toString('latin1')).toContain('/Headers [ (node00000001) ]');
    await expectSameObjects(once, await full.save(options));
    for (const d of [lazy, full]) normalizeStructureIds(d);
    await expectSameObjects(await lazy.save(options), await full.save(options));
  });

  it('numbers new objects after the largest in the file, whatever the trailer counts', async () => {
    const doc = await PDFDocument.create();
    const last = doc.context.register(doc.context.obj({ Type: 'StructElem', ID: id(1) }));
    doc.context.delete(last);
    const text = Buffer.from(await doc.save(options)).toString('latin1');
    // The table still counts the deleted object: /Size says one more than there are.
    expect(text).toMatch(new RegExp(`/Size ${last.objectNumber + 1}\\b`));
    const lazy = openLazily(new Uint8Array(Buffer.from(text, 'latin1')))!;
    const full = await fullyParsed(new Uint8Array(Buffer.from(text, 'latin1')));
    expect(lazy.context.largestObjectNumber).toBe(full.context.largestObjectNumber);
    expect(lazy.context.nextRef().toString()).toBe(full.context.nextRef().toString());
  });
});

describe('findNodeIds', () => {
  const ids = (text: string) => findNodeIds(latin1(text))?.map(({ number, own, at, length }) => [number, own, text.slice(at, at + length)]);

  it('finds an element’s id and the ids its cells name, where they stand', () => {
    const text = '<< /Type /StructElem /S /TD /ID (node00000012) /P 7 0 R /A [<< /O /Table /Headers [(node00000003) (node00000009)] >>] /K [0 1] >>';
    expect(ids(text)).toEqual([
      [12, true, 'node00000012'],
      [3, false, 'node00000003'],
      [9, false, 'node00000009'],
    ]);
  });

  it('leaves other strings alone, even ones that read like ids or hold "/ID (node…)"', () => {
    expect(ids('<< /Alt (/ID \\(node00000099\\)) /ID (node00000004) >>')).toEqual([[4, true, 'node00000004']]);
    expect(ids('<< /Alt (/ID (node00000099)) /T (node00000005) /ID <6e6f646531> >>')).toEqual([]);
    expect(ids('<< /ActualText (a \\) /ID \\(node7\\() /ID (node00000001) >>')).toEqual([[1, true, 'node00000001']]);
    // A /Headers array's own arrays and dictionaries are not looked into (nor are they by pdf-lib's walk).
    expect(ids('<< /Headers [[(node1)] << /ID (node2) >> (node3)] >>')).toEqual([[3, false, 'node3']]);
  });

  it('reads numbers, references, keywords, comments and nested dictionaries', () => {
    const text = '<< /K [12 0 R -3 +.5 4.] % a comment (node1)\n /N null /B true /Kids [<< /ID (node00000002) /R 1 0 R >>] >>';
    expect(ids(text)).toEqual([[2, true, 'node00000002']]);
  });

  it('finds none in a stream and does not read its data', () => {
    expect(ids('<< /ID (node00000001) /Length 9 >>\nstream\n(((\u0000\u00ff>>\nendstream')).toEqual([]);
  });

  it('gives up where pdf-lib must decide: names with #-escapes, broken syntax, trailing bytes', () => {
    expect(ids('<< /I#44 (node1) >>')).toBeUndefined();
    expect(ids('<< /ID (node1 >>')).toBeUndefined();
    expect(ids('<< /ID (node1) ')).toBeUndefined();
    expect(ids('<< /ID (node1) >> junk')).toBeUndefined();
    expect(ids('<< /ID (node1) /X 1 0 Q >>')).toBeUndefined();
    // pdf-lib keeps the last of a key given twice; cannot read a number too large for a double.
    expect(ids('<< /ID (node1) /ID (node2) >>')).toBeUndefined();
    expect(ids(`<< /W ${'9'.repeat(400)} /ID (node1) >>`)).toBeUndefined();
    // Only a dictionary is a stream's.
    expect(ids('[<< /ID (node1) >>] stream\nxyz')).toBeUndefined();
  });
});

describe('renumbering in the bytes as printed', () => {
  const idValues = ['node00000012', 'node3', 'node00000003', 'node00000012', 'node3', 'node', 'nodes1', '(node00000005)', '/ID (node2)', 'node7\\)', ' node8'];
  const strings = fc.oneof(
    fc.constantFrom(...idValues).map((v) => PDFString.of(v)),
    fc.constantFrom('6e6f646531', '').map((v) => PDFHexString.of(v)),
  );
  const leaf = fc.oneof(strings, fc.integer({ min: -5, max: 99 }).map((n) => PDFNumber.of(n)), fc.constantFrom('Table', 'TD', 'I D').map((n) => PDFName.of(n)));
  // Weighted towards the keys that hold ids.
  const key = fc.constantFrom('ID', 'Headers', 'ID', 'Headers', 'Alt', 'A', 'K', 'I D');
  type Tree = { dict: [string, Tree][] } | { array: Tree[] } | { leaf: PDFObject };
  const { tree } = fc.letrec<{ tree: Tree }>((self) => ({
    tree: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf.map((l) => ({ leaf: l })),
      fc.array(fc.tuple(key, self('tree')), { maxLength: 4 }).map((dict) => ({ dict })),
      fc.array(self('tree'), { maxLength: 4 }).map((array) => ({ array })),
    ),
  }));

  /** A file of the generated objects, some as streams, written by pdf-lib (one plain table). */
  async function fileOf(trees: { tree: Tree; stream: boolean }[]) {
    const doc = await PDFDocument.create();
    const { context } = doc;
    const build = (t: Tree): PDFObject =>
      'leaf' in t ? t.leaf : 'array' in t ? context.obj(t.array.map(build)) : context.obj(Object.fromEntries(t.dict.map(([k, v]) => [k, build(v)])));
    for (const { tree: t, stream } of trees) {
      const object = build(t);
      if (stream && 'dict' in t) context.register(context.stream('(node00000001) /ID (node2)', Object.fromEntries(t.dict.map(([k, v]) => [k, build(v)]))));
      else context.register(object);
    }
    return doc.save({ useObjectStreams: false });
  }

  it('gives what renumbering the fully parsed file gives, for any objects', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ tree, stream: fc.boolean() }), { minLength: 1, maxLength: 8 }), async (trees) => {
        const file = await fileOf(trees);
        const lazy = openLazily(file);
        expect(lazy).toBeDefined();
        const full = await fullyParsed(file);
        normalizeStructureIds(lazy!);
        normalizeStructureIds(full);
        const options = { useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false };
        await expectSameObjects(await lazy!.save(options), await full.save(options));
      }),
      { numRuns: 300 },
    );
  });
});
