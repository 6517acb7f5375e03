// The PDF shows its text word by word, not glyph by glyph: with every font size a whole number of
// quarter pixels (templates/style.css), Chromium writes a run of glyphs whose positions follow the
// font's advances as one string. At sizes such as 11pt it placed four glyphs in five on their own:
// twice the text in the PDF, slower for every reader of it.
import { describe, expect, it } from 'vitest';
import { builtExample } from './helpers/examples.js';
import { shownStrings } from './helpers/pdfGlyphs.js';

describe('text runs in the printed PDF', () => {
  for (const name of ['finnveden-2025', 'sodra-vatterbygden-2013', 'botkyrka-huddinge-salem-2018', 'finnveden-2025-modern']) {
    it(`${name}: at least three glyphs a string on average`, async () => {
      const { doc } = await builtExample(name);
      const { strings, glyphs } = shownStrings(doc);
      expect(glyphs).toBeGreaterThan(5000);
      expect(glyphs / strings).toBeGreaterThan(3);
    });
  }
});
