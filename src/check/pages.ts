// Which pages the self-check reads: only those that can hold what it looks for. Everything it checks is
// in a table (every computed figure) or in the contents (each entry and the heading it names), and the
// print's bookmarks, one per heading, tell on which page each heading begins: a table lies between the
// pages of the headings around it, the contents from its own heading to the next. Pages of prose between
// other headings are left unread: the benchmark's plan of 190 pages needs 126 of them. The main thread
// says which pages in headings (it knows the document, not yet the print); the reader's worker finds
// their pages with pdf.js, as soon as the print comes (finish/outline.ts reads the same bookmarks with
// pdf-lib, but only after parsing the whole file on the main thread).

/** The pages the check needs, by heading: an index among the document's headings (h1–h6, in order). */
export interface NeededPages {
  /** How many headings the document has: a print with another number of bookmarks is read whole. */
  headings: number;
  /** Headings whose first page is read: those the contents lists. */
  at: number[];
  /**
   * Stretches read whole, each from the page of one heading to the page of another: -1 stands for the
   * first page, `headings` for the last.
   */
  spans: [number, number][];
}

/**
 * What the check needs of a document: `headingAnchors` are its headings' section anchors (null where
 * none), `spans` the headings around each table and around the contents (see LoadedDocument).
 */
export function neededPagesOf(
  plan: { contents?: readonly { anchor: string }[] | undefined },
  headingAnchors: (string | null)[],
  spans: [number, number][],
): NeededPages {
  const listed = new Set((plan.contents ?? []).map((entry) => entry.anchor));
  const at = headingAnchors.flatMap((anchor, i) => (anchor !== null && listed.has(anchor) ? [i] : []));
  return { headings: headingAnchors.length, at, spans };
}

/** One bookmark as pdf.js gives it: where it points, and the bookmarks under it. */
interface OutlineItem {
  dest: string | unknown[] | null;
  items: OutlineItem[];
}

/** The part of a pdf.js document this needs. */
export interface OutlineSource {
  numPages: number;
  getOutline(): Promise<OutlineItem[] | null>;
  getDestination(id: string): Promise<unknown[] | null>;
  getPageIndex(ref: { num: number; gen: number }): Promise<number>;
}

/** The 1-based page a bookmark points to, or undefined. */
async function pageOf(doc: OutlineSource, item: OutlineItem): Promise<number | undefined> {
  const dest = typeof item.dest === 'string' ? await doc.getDestination(item.dest) : item.dest;
  const target: unknown = dest?.[0];
  if (typeof target === 'number') return target + 1;
  if (typeof target === 'object' && target !== null && 'num' in target && 'gen' in target) {
    const { num, gen } = target;
    if (typeof num === 'number' && typeof gen === 'number') return (await doc.getPageIndex({ num, gen })) + 1;
  }
  return undefined;
}

/**
 * The numbers of the pages the check needs (1-based, ascending), from the print's bookmarks; undefined
 * when they cannot tell (not one bookmark per heading, one that points nowhere or that pdf.js cannot
 * follow): then every page.
 */
export async function resolveNeededPages(doc: OutlineSource, needed: NeededPages): Promise<number[] | undefined> {
  try {
    return await fromBookmarks(doc, needed);
  } catch {
    return undefined;
  }
}

async function fromBookmarks(doc: OutlineSource, needed: NeededPages): Promise<number[] | undefined> {
  const flat: OutlineItem[] = [];
  const walk = (items: OutlineItem[]) => {
    for (const item of items) {
      flat.push(item);
      walk(item.items ?? []);
    }
  };
  walk((await doc.getOutline()) ?? []);
  if (flat.length !== needed.headings) return undefined;
  const pages = await Promise.all(flat.map((item) => pageOf(doc, item)));
  if (pages.some((page) => page === undefined || page < 1 || page > doc.numPages)) return undefined;
  const headingPage = (index: number) => (index < 0 ? 1 : index >= needed.headings ? doc.numPages : pages[index]!);
  const wanted = new Set<number>();
  for (const index of needed.at) wanted.add(headingPage(index));
  for (const [from, to] of needed.spans) {
    for (let page = headingPage(from); page <= headingPage(to); page++) wanted.add(page);
  }
  return [...wanted].sort((a, b) => a - b);
}
