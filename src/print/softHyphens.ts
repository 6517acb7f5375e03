// Soft hyphens that do not break a line are taken out before printing. Chromium prints every soft
// hyphen, used or not, as an invisible glyph that reads back as a space, so a reader copying
// "Sam­ord­nings­för­bund" from the PDF (or searching it) would get "Sam ord nings för bund". Taking out
// a soft hyphen that is not at the end of a line changes no line: each line still ends where it did,
// and the soft hyphens that do end a line stay and print their hyphen. Runs in the page through the
// DevTools protocol (the page's own scripts stay off), and keeps the hyphenated text so that it can run
// again before each print of the contents pass. While the text is laid out at the page's width for
// that, it also finds what is wider than the page (see SoftHyphenResult.overflow).

export interface SoftHyphenResult {
  /** Soft hyphens that end a line and stay. */
  kept: number;
  removed: number;
  /** Text nodes left with all their soft hyphens because taking some out moved a line break. */
  restored: number;
  /** What went wrong, if anything: then every text keeps all its soft hyphens. */
  failed?: string;
  /**
   * What is wider than the page's text, measured at that width while the soft hyphens are: Chromium
   * shrinks every page of the PDF to fit the widest, so each is a warning (see build.ts).
   */
  overflow: Overflow[];
  /** The width of the page's text, in CSS px (96 to the inch). */
  textWidth: number;
  /** The page's text area as CSS lengths: the page's size less the @page margins (for tallTables.ts). */
  textArea: { width: string; height: string };
}

/** What a print found wider than the page's text, and that width (CSS px). */
export interface PageOverflow {
  items: Overflow[];
  textWidth: number;
}

/** Something wider than the page's text: a table or an image, or a line of text (a long word, an address). */
export interface Overflow {
  kind: 'table' | 'image' | 'text';
  /** Its width in CSS px. */
  width: number;
  /** The section it is in (its id, "avsnitt-2-sections-1"), if any. */
  section: string | null;
  /** A table of the plan's amounts: the part whose `unit` sets them (budget, contributions). */
  unitOf?: 'budget' | 'contributions' | undefined;
}

/** Runs in the page: self-contained, no closure over module scope. */
export function settleSoftHyphens(): SoftHyphenResult {
  const SHY = '\u00ad';
  // Kept per document body: a page that shows another document (loaded afresh, which keeps the
  // window, or put in by swap.ts) starts anew and holds no text of the one before.
  const store = window as unknown as { __vplanSoftHyphens?: { body: HTMLElement; originals: Map<Text, string> } };
  if (store.__vplanSoftHyphens?.body !== document.body) store.__vplanSoftHyphens = { body: document.body, originals: new Map() };
  const originals = store.__vplanSoftHyphens.originals;
  // Back to the hyphenated text of the templates, then measure afresh.
  for (const [node, text] of originals) if (node.isConnected) node.data = text;

  const range = document.createRange();
  // The letter after a used soft hyphen has two boxes, the hyphen's at the end of the line and its
  // own on the next: its own is the last.
  const rectAt = (node: Text, index: number, which: 'first' | 'last' = 'last'): DOMRect | undefined => {
    range.setStart(node, index);
    range.setEnd(node, index + 1);
    const rects = range.getClientRects();
    return rects.length > 0 ? rects[which === 'first' ? 0 : rects.length - 1] : undefined;
  };
  const breaksAt = (node: Text, index: number): boolean => {
    const before = rectAt(node, index - 1, 'first');
    const after = rectAt(node, index + 1);
    return before !== undefined && after !== undefined && after.top > before.top + before.height / 2;
  };
  /** How many letters (soft hyphens aside) each line of a text node holds: where its lines break. */
  const lines = (node: Text): string => {
    // On one line (most labels) there is nothing to count.
    range.selectNodeContents(node);
    if (range.getClientRects().length <= 1) return '1';
    const counts: number[] = [];
    let top: number | undefined;
    for (let i = 0; i < node.data.length; i++) {
      if (node.data[i] === SHY) continue;
      const rect = rectAt(node, i);
      if (!rect) continue;
      if (top === undefined || rect.top > top + rect.height / 2) counts.push(0);
      top = rect.top;
      counts[counts.length - 1]!++;
    }
    return counts.join(' ');
  };
  const count = (text: string) => text.split(SHY).length - 1;

  // Lines are measured as they will print: the body as wide as the page's text area (the page's
  // width less the @page margins), not as wide as the browser's window.
  let left = '0mm';
  let right = '0mm';
  let top = '0mm';
  let bottom = '0mm';
  let size = '';
  for (const sheet of document.styleSheets) {
    let rules: CSSRuleList;
    try {
      rules = sheet.cssRules;
    } catch {
      continue; // a stylesheet from elsewhere (never in vplan's own documents) cannot be read
    }
    for (const rule of rules) {
      if (!(rule instanceof CSSPageRule) || rule.selectorText !== '') continue;
      left = rule.style.marginLeft || left;
      right = rule.style.marginRight || right;
      top = rule.style.marginTop || top;
      bottom = rule.style.marginBottom || bottom;
      size = rule.style.getPropertyValue('size') || size;
    }
  }
  const landscape = /landscape/.test(size);
  const given = /^[\d.]+(mm|cm|in|pt|px)\b/.test(size) ? size.split(/\s+/) : [];
  const pageWidth = given[0] ?? (landscape ? '297mm' : '210mm');
  const pageHeight = given[1] ?? given[0] ?? (landscape ? '210mm' : '297mm');
  const textArea = { width: `calc(${pageWidth} - ${left} - ${right})`, height: `calc(${pageHeight} - ${top} - ${bottom})` };
  const savedStyle = document.body.getAttribute('style');
  document.body.style.width = textArea.width;

  const result: SoftHyphenResult = { kept: 0, removed: 0, restored: 0, overflow: [], textWidth: document.body.clientWidth, textArea };
  try {
    const nodes: Text[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if ((n as Text).data.includes(SHY)) nodes.push(n as Text);
    }
    for (const node of nodes) if (!originals.has(node)) originals.set(node, node.data);
    wholeColumnHeadings(nodes);
    // First a word that fits on a line of its box by itself loses its soft hyphens: it moves to the
    // next line whole, as in text without hyphenation. Only a word too long for its box is broken.
    const fitted = nodes.map(withoutFittingWords);
    nodes.forEach((node, i) => {
      if (fitted[i] !== node.data) node.data = fitted[i]!;
    });
    // Then, of the soft hyphens left, those not at the end of a line. Everything is measured first
    // (one layout), then the text is changed, then checked.
    const plans = nodes.map((node) => {
      const text = node.data;
      let settled = '';
      for (let i = 0; i < text.length; i++) {
        if (text[i] !== SHY || breaksAt(node, i)) settled += text[i];
      }
      return { node, text, settled, lines: settledLines(node, text, settled) };
    });
    for (const plan of plans) if (plan.settled !== plan.text) plan.node.data = plan.settled;
    for (const plan of plans) {
      const original = originals.get(plan.node)!;
      if (plan.settled !== plan.text && lines(plan.node) !== plan.lines) {
        // Kerning across a removed soft hyphen moved a line break: this text keeps them all.
        plan.node.data = plan.text;
        result.restored++;
        result.kept += count(plan.text);
        result.removed += count(original) - count(plan.text);
      } else {
        result.kept += count(plan.settled);
        result.removed += count(original) - count(plan.settled);
      }
    }
  } catch (error) {
    // Never a reason not to print: the text as the templates wrote it is always right, if less tidy.
    for (const [node, text] of originals) if (node.isConnected) node.data = text;
    result.failed = String(error);
  }
  try {
    result.overflow = overflowing();
  } catch {
    // Measuring is no reason not to print.
  }
  if (savedStyle === null) document.body.removeAttribute('style');
  else document.body.setAttribute('style', savedStyle);
  return result;

  /**
   * Each outermost element wider than the body (at the page's text width), or whose own content (text)
   * runs past it; only branches that overflow are walked, and an element that clips its content
   * (the contents' dot leaders) overflows nothing.
   */
  function overflowing(): Overflow[] {
    const body = document.body;
    const found: Overflow[] = [];
    if (body.scrollWidth <= body.clientWidth + 1) return found;
    const limit = body.getBoundingClientRect().right + 1;
    const walk = (element: Element) => {
      for (const child of element.children) {
        const rect = child.getBoundingClientRect();
        const tag = child.tagName.toLowerCase();
        if (rect.right > limit) {
          const kind = tag === 'table' ? 'table' : ['img', 'svg', 'figure', 'picture'].includes(tag) ? 'image' : 'text';
          const classes = child.classList;
          const unitOf = classes.contains('changes-table') ? undefined : classes.contains('contributions') ? 'contributions' : classes.contains('budget') ? 'budget' : undefined;
          found.push({ kind, width: Math.round(rect.right - body.getBoundingClientRect().left), section: child.closest('section[id]')?.id ?? null, unitOf });
        } else if (child.scrollWidth > child.clientWidth + 1 && getComputedStyle(child).overflowX === 'visible') {
          const before = found.length;
          walk(child);
          // None of its elements is too wide: its own text is.
          if (found.length === before && child.clientWidth > 0) {
            const width = Math.round(child.scrollWidth + rect.left - body.getBoundingClientRect().left);
            found.push({ kind: 'text', width, section: child.closest('section[id]')?.id ?? null });
          }
        }
      }
    };
    walk(body);
    return found;
  }

  /**
   * A table's column headings with their words whole where the table can make their columns wide
   * enough and still fit its box: first with each year by its word ("Budget 2027"), else broken at the
   * space before the year ("Medlemsbidrag" over "2026 (kr)"). A table that cannot breaks a word only
   * where five letters or more stand on each side ("Medlems-" over "bidrag", not "Med-lemsbi-drag");
   * only one that cannot do even that keeps all its headings' soft hyphens.
   */
  function wholeColumnHeadings(nodes: Text[]): void {
    const byTable = new Map<HTMLTableElement, Text[]>();
    for (const node of nodes) {
      const table = node.parentElement?.closest('th[scope="col"]')?.closest('table');
      if (table) byTable.set(table, [...(byTable.get(table) ?? []), node]);
    }
    const whole = (text: string) => text.replaceAll(SHY, '');
    const yearOnNextLine = (text: string) => whole(text).replace(/\u00a0(?=\d{4})/g, ' ');
    const longParts = (text: string) =>
      text.replace(/\u00a0(?=\d{4})/g, ' ').replace(/\S+/g, (word) => {
        const parts = word.split(SHY);
        const letters = parts.join('').length;
        let out = parts[0]!;
        let run = out.length;
        let done = run;
        for (const part of parts.slice(1)) {
          if (run >= 5 && letters - done >= 5) {
            out += SHY;
            run = 0;
          }
          out += part;
          run += part.length;
          done += part.length;
        }
        return out;
      });
    for (const [table, headings] of byTable) {
      const box = table.parentElement;
      if (!box) continue;
      const fits = () => table.getBoundingClientRect().width <= box.clientWidth + 0.5;
      const before = headings.map((node) => node.data);
      const kept = [whole, yearOnNextLine, longParts].some((form) => {
        headings.forEach((node, i) => (node.data = form(before[i]!)));
        return fits();
      });
      if (!kept) headings.forEach((node, i) => (node.data = before[i]!));
    }
  }

  /** The text without the soft hyphens of each word that fits the width of the box it is set in. */
  function withoutFittingWords(node: Text): string {
    let box = node.parentElement;
    while (box && box.parentElement && ['inline', 'contents'].includes(getComputedStyle(box).display)) box = box.parentElement;
    if (!box) return node.data;
    const style = getComputedStyle(box);
    const width = box.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    return node.data.replace(/[^\s]+/g, (word, start: number) => {
      if (!word.includes(SHY)) return word;
      range.setStart(node, start);
      range.setEnd(node, start + word.length);
      const wide = [...range.getClientRects()].reduce((sum, rect) => sum + rect.width, 0);
      return wide <= width ? word.replaceAll(SHY, '') : word;
    });
  }

  /** The lines before the change, measured only when there is a change to check. */
  function settledLines(node: Text, text: string, settled: string): string {
    return settled === text ? '' : lines(node);
  }
}
