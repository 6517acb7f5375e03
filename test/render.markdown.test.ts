// Prose rendering: lists, emphasis, quotations with attribution, footnotes, and nothing unsafe.
import { describe, expect, it } from 'vitest';
import { markdownHeadings, renderInlineMarkdown, renderMarkdown } from '../src/render/markdown.js';

describe('Markdown in a plan', () => {
  it('reads a heading with a line break in it as its words with a space between (contents, bookmarks, checks)', () => {
    expect(markdownHeadings('Mål för\\\nåret\n===\n\nText.', 'a', 1).map((h) => h.title)).toEqual(['Mål för året']);
  });
  it('renders lists and emphasis', () => {
    const html = renderMarkdown('Text med *kursiv* och **fet**.\n\n- ett\n- två\n\n1. första\n2. andra', 'a');
    expect(html).toContain('<em>kursiv</em>');
    expect(html).toContain('<strong>fet</strong>');
    expect(html).toContain('<ul>\n<li>ett</li>');
    expect(html).toContain('<ol>\n<li>första</li>');
  });

  it('keeps a quotation that is only a dash line as quoted text, not as a source without a quotation', () => {
    const html = renderMarkdown('> – Vi samverkar, säger hon.', 'a');
    expect(html).not.toContain('attribution');
    expect(html).toContain('<p>– Vi samverkar, säger hon.</p>');
  });

  it('turns the last line of a quotation into its attribution', () => {
    const html = renderMarkdown('> Plats för alla!\n>\n> -- Styrelsens ordförande', 'a');
    expect(html).toContain('<p class="attribution">— Styrelsens ordförande</p>');
    expect(html).toContain('<p>Plats för alla!</p>');
  });

  it('writes footnotes as asterisk notes under the text, with ids unique per section', () => {
    const html = renderMarkdown('Försörjningsmåttet[^1] följs.\n\n[^1]: En sammanställning av data.', 'avsnitt-6');
    expect(html).toContain('<sup class="footnote-ref"><a href="#fn-avsnitt-6-1"');
    expect(html).toMatch(/<div class="footnotes" role="note">\n<div class="footnote" id="fn-avsnitt-6-1"><span class="footnote-marker">\*<\/span> <p>En sammanställning av data\.<\/p>/);
  });

  it('shows raw HTML as text, drops unsafe links and never loads an image', () => {
    const html = renderMarkdown(
      '<script>alert(1)</script> <img src=x onerror=alert(1)>\n\n[a](javascript:alert(1)) [b](file:///etc/passwd) [c](https://example.se) ![logo](http://example.com/x.png)',
      'a',
    );
    expect(html).not.toMatch(/<script|<img|href="javascript|href="file/);
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('<a href="https://example.se">c</a>');
    expect(html).toContain('<span class="image-alt">[logo]</span>');
  });

  it('heads each column of a table, and each row with its first cell: label first, numbers to the right', () => {
    const html = renderMarkdown('| Insats | 2024 | 2025 |\n|---|--:|--:|\n| Samverkansteam | 120 | 130 |\n| **Summa** | **120** | **130** |', 'a');
    expect(html).toContain('<thead>\n<tr>\n<th scope="col">Insats</th>\n<th scope="col" style="text-align:right">2024</th>');
    expect(html).toContain('<tr>\n<th scope="row">Samverkansteam</th>\n<td style="text-align:right">120</td>\n<td style="text-align:right">130</td>\n</tr>');
    expect(html).toContain('<th scope="row"><strong>Summa</strong></th>');
    expect(html).not.toMatch(/<th(?![^>]*scope="(col|row)")[\s>]/);
  });

  it('heads a row only with a cell that says something, and a one-column table only by its column', () => {
    // An empty corner heads nothing; a row whose first cell is empty has no header of its own.
    const html = renderMarkdown('| | 2024 |\n|---|--:|\n| Kansli | 800 |\n| | 200 |', 'a');
    expect(html).toContain('<tr>\n<td></td>\n<th scope="col" style="text-align:right">2024</th>');
    expect(html).toContain('<th scope="row">Kansli</th>');
    expect(html).toContain('<tr>\n<td></td>\n<td style="text-align:right">200</td>');
    const list = renderMarkdown('| Insats |\n|---|\n| Samverkansteam |', 'a');
    expect(list).toContain('<th scope="col">Insats</th>');
    expect(list).toContain('<td>Samverkansteam</td>');
  });

  it('renders one line without a paragraph', () => {
    expect(renderInlineMarkdown('att *verka* för')).toBe('att <em>verka</em> för');
  });
});

describe('numbers in prose', () => {
  const N = '\u00a0';
  it('keep their digit groups and unit on one line, as typed by hand and across a line break in the source', () => {
    const html = renderMarkdown('Omkring 2 400 personer, 1 255 000 kr och 933 tkr; ekonom 50 % och\nkapitalet 1 618\n333 kr, under 20\n% av bidragen.', 'a');
    expect(html).toContain(`Omkring 2${N}400 personer, 1${N}255${N}000${N}kr och 933${N}tkr; ekonom 50${N}% och\nkapitalet 1${N}618${N}333${N}kr, under 20${N}% av bidragen.`);
    expect(renderInlineMarkdown('Minst 35 % av 2 400')).toBe(`Minst 35${N}% av 2${N}400`);
    // In a Markdown table too.
    expect(renderMarkdown('| Mål | Värde |\n|---|--:|\n| Andel | 35 % |', 'a')).toContain(`35${N}%`);
  });

  it('leave years, words after a number, code and addresses as written', () => {
    const html = renderMarkdown('Under 2025 400 nya, 5 kronor, 3 krukor, `2 400 %` och [rapport 2](https://example.se/a?x=2%20400) samt https://example.se/2 400 och −1 200', 'a');
    expect(html).toContain('Under 2025 400 nya, 5 kronor, 3 krukor, <code>2 400 %</code>');
    expect(html).toContain('href="https://example.se/a?x=2%20400"');
    expect(html).toContain(`https://example.se/2 400 och −1${N}200`);
  });
});
