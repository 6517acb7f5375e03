// Structure element ids renumbered in the order of the elements in the file (src/finish/normalize.ts):
// the references to them and the id tree follow, and no other string is touched.
import { describe, expect, it } from 'vitest';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { normalizeStructureIds } from '../src/finish/normalize.js';

describe('normalizeStructureIds', () => {
  it('numbers the ids as the elements come, renames the cells’ references and sorts the id tree', async () => {
    const doc = await PDFDocument.create();
    const { context } = doc;
    const id = (n: number) => PDFString.of(`node${String(n).padStart(8, '0')}`);
    // Chromium's numbers say the second element came first.
    const first = context.register(context.obj({ Type: 'StructElem', S: 'TH', ID: id(50) }));
    const second = context.register(context.obj({ Type: 'StructElem', S: 'TH', ID: id(7) }));
    const cell = context.obj({ Type: 'StructElem', S: 'TD', A: [{ O: 'Table', Headers: [id(50), id(7)] }] });
    context.register(cell);
    const bookmark = context.obj({ Title: id(7) });
    context.register(bookmark);
    const leaf = context.obj({ Limits: [id(7), id(50)], Names: [id(7), second, id(50), first] });
    const root = context.obj({ Type: 'StructTreeRoot', IDTree: context.obj({ Kids: [context.register(leaf)] }) });
    doc.catalog.set(PDFName.of('StructTreeRoot'), context.register(root));

    normalizeStructureIds(doc);

    const text = (value: unknown) => (value as PDFString).asString();
    expect(text(context.lookup(first, PDFDict).get(PDFName.of('ID')))).toBe('node00000001');
    expect(text(context.lookup(second, PDFDict).get(PDFName.of('ID')))).toBe('node00000002');
    const headers = (cell.lookup(PDFName.of('A'), PDFArray).lookup(0, PDFDict).lookup(PDFName.of('Headers'), PDFArray)).asArray();
    expect(headers.map(text)).toEqual(['node00000001', 'node00000002']);
    // A title that happens to read like an id stays as written.
    expect(text(bookmark.get(PDFName.of('Title')))).toBe('node00000007');
    const names = leaf.lookup(PDFName.of('Names'), PDFArray).asArray();
    expect([text(names[0]), names[1], text(names[2]), names[3]]).toEqual(['node00000001', first, 'node00000002', second]);
    expect(leaf.lookup(PDFName.of('Limits'), PDFArray).asArray().map(text)).toEqual(['node00000001', 'node00000002']);
  });

  it('keeps an id tree of several leaves in order, with the limits of every node', async () => {
    const doc = await PDFDocument.create();
    const { context } = doc;
    const id = (n: number) => PDFString.of(`node${String(n).padStart(8, '0')}`);
    // File order: 30, 10, 40, 20; Chromium's leaves hold 10, 20 and 30, 40.
    const elements = [30, 10, 40, 20].map((n) => context.register(context.obj({ Type: 'StructElem', S: 'TH', ID: id(n) })));
    const [e30, e10, e40, e20] = elements;
    const low = context.obj({ Limits: [id(10), id(20)], Names: [id(10), e10, id(20), e20] });
    const high = context.obj({ Limits: [id(30), id(40)], Names: [id(30), e30, id(40), e40] });
    const middle = context.obj({ Limits: [id(10), id(40)], Kids: [context.register(low), context.register(high)] });
    const root = context.obj({ Type: 'StructTreeRoot', IDTree: context.obj({ Kids: [context.register(middle)] }) });
    doc.catalog.set(PDFName.of('StructTreeRoot'), context.register(root));

    normalizeStructureIds(doc);

    const text = (value: unknown) => (value as PDFString).asString();
    const entries = (leaf: PDFDict) => leaf.lookup(PDFName.of('Names'), PDFArray).asArray();
    const limits = (node: PDFDict) => node.lookup(PDFName.of('Limits'), PDFArray).asArray().map(text);
    expect(entries(low).filter((_, i) => i % 2 === 0).map(text)).toEqual(['node00000001', 'node00000002']);
    expect(entries(low).filter((_, i) => i % 2 === 1)).toEqual([e30, e10]);
    expect(entries(high).filter((_, i) => i % 2 === 1)).toEqual([e40, e20]);
    expect(limits(low)).toEqual(['node00000001', 'node00000002']);
    expect(limits(high)).toEqual(['node00000003', 'node00000004']);
    expect(limits(middle)).toEqual(['node00000001', 'node00000004']);
  });
});
