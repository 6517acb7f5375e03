// A table is kept whole on a page (style.css: break-inside: avoid), so that a short one is not split
// and a new page is begun for it instead. A table longer than a page is split however it starts, and
// moving it on leaves the rest of the page empty: such a table starts where it stands, and runs onto the
// next page with its header row repeated. Which tables are that long is measured in the page, at the
// page's text width, before each print.

/** Runs in the page: self-contained, no closure over module scope. Returns how many tables are taller than a page. */
export function markTallTables(): number {
  // The class style.css lets break across pages.
  const TALL = 'taller-than-page';
  const tables = [...document.querySelectorAll<HTMLElement>('.budget-figure, .prose table')];
  for (const table of tables) table.classList.remove(TALL);
  if (tables.length === 0) return 0;

  // The page's text area: its size less the @page margins (as softHyphens.ts measures lines).
  const margins = { top: '0mm', right: '0mm', bottom: '0mm', left: '0mm' };
  let size = '';
  for (const sheet of document.styleSheets) {
    let rules: CSSRuleList;
    try {
      rules = sheet.cssRules;
    } catch {
      continue;
    }
    for (const rule of rules) {
      if (!(rule instanceof CSSPageRule) || rule.selectorText !== '') continue;
      margins.top = rule.style.marginTop || margins.top;
      margins.right = rule.style.marginRight || margins.right;
      margins.bottom = rule.style.marginBottom || margins.bottom;
      margins.left = rule.style.marginLeft || margins.left;
      size = rule.style.getPropertyValue('size') || size;
    }
  }
  const landscape = /landscape/.test(size);
  const given = /^[\d.]+(mm|cm|in|pt|px)\b/.test(size) ? size.split(/\s+/) : [];
  const width = given[0] ?? (landscape ? '297mm' : '210mm');
  const height = given[1] ?? given[0] ?? (landscape ? '210mm' : '297mm');

  const probe = document.createElement('div');
  probe.style.cssText = `position:absolute;visibility:hidden;width:0;height:calc(${height} - ${margins.top} - ${margins.bottom})`;
  document.body.append(probe);
  const pageHeight = probe.getBoundingClientRect().height;
  probe.remove();
  const savedStyle = document.body.getAttribute('style');
  document.body.style.width = `calc(${width} - ${margins.left} - ${margins.right})`;
  try {
    const tall = tables.filter((table) => table.getBoundingClientRect().height > pageHeight);
    for (const table of tall) table.classList.add(TALL);
    return tall.length;
  } finally {
    if (savedStyle === null) document.body.removeAttribute('style');
    else document.body.setAttribute('style', savedStyle);
  }
}
