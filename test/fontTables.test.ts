import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { create, type Font } from 'fontkit';
import { describe, expect, it } from 'vitest';
import { projectRequire } from '../src/root.js';
import { FALLBACK_FONTS } from '../src/render/fonts.js';
import { advances, characterSet } from '../src/render/fontTables.js';

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
