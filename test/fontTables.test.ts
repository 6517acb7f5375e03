import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { create, type Font } from 'fontkit';
import { describe, expect, it } from 'vitest';
import { projectRequire } from '../src/root.js';
import { FALLBACK_FONTS } from '../src/render/fonts.js';
import { advances, characterSet, pairWidths } from '../src/render/fontTables.js';

const packages = [{ package: '@fontsource/carlito' }, ...FALLBACK_FONTS].map((f) => path.join(path.dirname(projectRequire.resolve(`${f.package}/package.json`)), 'files'));

describe('font tables made at npm run build', () => {
  it("give each bundled font file the same code points and advance widths as fontkit reading the file", async () => {
    for (const dir of packages) {
      const files = await readdir(dir);
      for (const file of files.filter((f) => /-latin-400-normal\.woff2?$/.test(f))) {
        const data = await readFile(path.join(dir, file));
        const font = create(data) as Font;
        if (file.endsWith('.woff')) {
          expect(await characterSet(data), file).toEqual(font.characterSet);
          continue;
        }
        const table = (await advances(data))!;
        expect(table.unitsPerEm, file).toBe(font.unitsPerEm);
        for (let cp = 0; cp < 0x3000; cp++) {
          expect(table.hasGlyphForCodePoint(cp), `${file} U+${cp.toString(16)}`).toBe(font.hasGlyphForCodePoint(cp));
          if (font.hasGlyphForCodePoint(cp)) expect(table.glyphForCodePoint(cp).advanceWidth, `${file} U+${cp.toString(16)}`).toBe(font.glyphForCodePoint(cp).advanceWidth);
        }
      }
    }
  });
});

describe('pair widths for chart texts', () => {
  it('measure every text of their characters exactly as fontkit lays it out (kerning, ligatures)', async () => {
    const fc = await import('fast-check');
    for (const dir of packages) {
      for (const file of (await readdir(dir)).filter((f) => /-latin-400-normal\.woff2$/.test(f))) {
        const data = await readFile(path.join(dir, file));
        const table = await pairWidths(data);
        if (!table) continue;
        const font = create(data) as Font;
        const exact = (text: string): void => {
          expect(table.width(text), `${file}: "${text}"`).toBe(font.layout(text).advanceWidth);
        };
        ['Budget 2025', 'Information', 'Kostnader totalt', 'Finsam-medel', 'Plan 2026–2027', '1 234 567 kr (57 %)', 'AVATAR Wave', 'Tåg Yo', 'ffi office', 'Effekt Ett'].forEach(exact);
        // Random texts of the characters, with the letters of ligatures (f, t, i, l) often.
        const chars = [...'Budget 2025 Kostnader Intäkter Övrigt Tåg Å 1 234 567 kr −4 699 % … Wa Yo Te ffffttttiiiill'].filter((c) => table.width(c) !== undefined);
        expect(chars.length, file).toBeGreaterThan(30);
        fc.assert(
          fc.property(fc.array(fc.constantFrom(...chars), { minLength: 1, maxLength: 24 }), (cs) => {
            exact(cs.join(''));
          }),
          { numRuns: 500 },
        );
        expect(table.width('日本'), file).toBeUndefined();
      }
    }
  });
});
