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
});
