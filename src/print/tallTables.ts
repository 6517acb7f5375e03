// A table is kept whole on a page (style.css: break-inside: avoid), so that a short one is not split
// and a new page is begun for it instead. A table longer than a page is split however it starts, and
// moving it on leaves the rest of the page empty: such a table starts where it stands, and runs onto the
// next page with its header row repeated. Which tables are that long is measured in the page, at the
// page's text width, before each print.

/**
 * Runs in the page: self-contained, no closure over module scope. `area`: the page's text area as
 * settleSoftHyphens measured it (CSS lengths). Returns how many tables are taller than a page.
 */
export function markTallTables(area: { width: string; height: string }): number {
  // The class style.css lets break across pages.
  const TALL = 'taller-than-page';
  const tables = [...document.querySelectorAll<HTMLElement>('.budget-figure, .prose table')];
  for (const table of tables) table.classList.remove(TALL);
  if (tables.length === 0) return 0;

  const probe = document.createElement('div');
  probe.style.cssText = `position:absolute;visibility:hidden;width:0;height:${area.height}`;
  document.body.append(probe);
  const pageHeight = probe.getBoundingClientRect().height;
  probe.remove();
  const savedStyle = document.body.getAttribute('style');
  document.body.style.width = area.width;
  try {
    const tall = tables.filter((table) => table.getBoundingClientRect().height > pageHeight);
    for (const table of tall) table.classList.add(TALL);
    return tall.length;
  } finally {
    if (savedStyle === null) document.body.removeAttribute('style');
    else document.body.setAttribute('style', savedStyle);
  }
}
