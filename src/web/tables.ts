// The web page's tables, finished once the page is rendered: each table's scrolling container is named
// by the table's caption (ids numbered in page order), a table the plan gives no caption is captioned
// for a screen reader with the heading of its section, and a table written in a section's Markdown text
// (its row and column headers are rendered with it, render/markdownTables.ts) gets a caption and a
// container of its own. markdown-it writes such a table as a bare <table> (the
// templates' tables all have a class), plan text cannot contain markup (it is escaped), and tables in
// Markdown do not nest, so the next </table> is its own.

const PIECES =
  /<h([1-6]) class="heading"[^>]*>([\s\S]*?)<\/h\1>|<div class="table-scroll" role="region" tabindex="0">|<caption>([\s\S]*?)<\/caption>|<table>([\s\S]*?)<\/table>/g;

/** A heading's text without its number, still HTML-escaped as the page has it (and without soft hyphens, as all of it). */
function headingText(inner: string): string {
  return inner
    .replace(/<span class="number">[\s\S]*?<\/span>/, '')
    .replace(/<[^>]*>/g, '')
    .trim();
}

const EMPTY_CAPTION = '<span class="table-caption"></span>';

export function finishWebTables(html: string): string {
  let heading = '';
  let count = 0;
  return html.replace(PIECES, (match, _level: string | undefined, headingInner: string | undefined, caption: string | undefined, prose: string | undefined) => {
    if (headingInner !== undefined) {
      heading = headingText(headingInner);
      return match;
    }
    if (caption !== undefined) {
      // The PDF shows no caption there: the heading above says it to the eye, the caption to a screen reader.
      const hidden = `<span class="table-caption visually-hidden">${heading || 'Tabell'}</span>`;
      return `<caption id="vplan-tabell-${count}">${caption.replace(EMPTY_CAPTION, hidden)}</caption>`;
    }
    if (prose !== undefined) {
      count++;
      return (
        `<div class="table-scroll" role="region" tabindex="0" aria-labelledby="vplan-tabell-${count}"><table>` +
        `<caption id="vplan-tabell-${count}"><span class="table-caption visually-hidden">Tabell: ${heading || 'text'}</span></caption>${prose}</table></div>`
      );
    }
    count++;
    return `<div class="table-scroll" role="region" tabindex="0" aria-labelledby="vplan-tabell-${count}">`;
  });
}
