// vplan import: a Word plan (.docx) as a plan value. mammoth turns the document into HTML; headings become
// sections, the text Markdown, a budget table the budget. The title, the budget year and the förbund's
// name are guessed from the text; what had to be guessed or could not be read is a note to check.
import mammoth from 'mammoth';
import { dnrProblem } from '../archive/dnr.js';
import { VplanError } from '../errors.js';
import { isElement, parseHtml, textOf, type Element } from './html.js';
import { block, footnoteDefinitions, isFootnoteList, readFootnotes, type MarkdownContext } from './markdown.js';
import { readSections, type SectionNote } from './sections.js';

export interface ImportResult {
  plan: Record<string, unknown>;
  /** Things to check: where (a section's titles, or [] for the document) and what. */
  notes: SectionNote[];
}

const STYLE_MAP = ["p[style-name='Title'] => h1.title:fresh", "p[style-name='Subtitle'] => p.subtitle:fresh"];

export async function docxToHtml(file: string): Promise<string> {
  try {
    const result = await mammoth.convertToHtml({ path: file }, { styleMap: STYLE_MAP });
    return result.value;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ENOENT') throw new VplanError(`${file}: filen finns inte.`, 'Ange sökvägen till Word-filen (.docx).');
    throw new VplanError(`${file}: kunde inte läsas som en Word-fil (.docx).`, 'Spara dokumentet i Word som .docx (inte .doc eller PDF) och försök igen.');
  }
}

const YEAR = /\b((?:19|20)\d\d)\b/;
/** A förbund's name: capitalised words around "Samordningsförbund(et)". */
const NAME = /((?:[A-ZÅÄÖ][\wåäöÅÄÖ-]*\s+)*[Ss]amordningsförbund(?:et)?(?:\s+[A-ZÅÄÖ][\wåäöÅÄÖ-]*)*)/;

function sentenceCase(text: string): string {
  return text === text.toUpperCase() ? text.charAt(0) + text.slice(1).toLowerCase() : text;
}

export function importHtml(html: string, now: Date = new Date()): ImportResult {
  const root = parseHtml(html);
  const context: MarkdownContext = { footnotes: new Map(), cited: [], dropped: [] };
  const blocks: Element[] = [];
  for (const child of root.children.filter(isElement)) {
    if (isFootnoteList(child)) readFootnotes(child, context);
    else blocks.push(child);
  }
  const notes: SectionNote[] = [];
  const isHeading = (e: Element) => /^h[1-6]$/.test(e.tag);

  // The title: Word's Title style, else a first heading that names the plan, else a line before the first heading.
  let title: string | undefined;
  let subtitle: string | undefined;
  const first = blocks.findIndex(isHeading);
  const titled = blocks.findIndex((b) => b.attrs.class === 'title');
  if (titled >= 0) title = textOf(blocks.splice(titled, 1)[0]!);
  else if (first >= 0 && /verksamhetsplan/i.test(textOf(blocks[first]!)) && blocks.slice(first + 1).some(isHeading)) {
    title = textOf(blocks.splice(first, 1)[0]!);
  }
  const start = blocks.findIndex(isHeading);
  const preamble = start < 0 ? [] : blocks.splice(0, start);
  let name: string | undefined;
  let dnr: string | undefined;
  const preface: string[] = [];
  for (const element of preamble) {
    const text = textOf(element);
    if (!text) continue;
    if (!title && element.tag === 'p' && /^(förslag till\s+)?verksamhetsplan\b/i.test(text) && text.length < 120) {
      title = text.replace(/^förslag till\s+/i, '');
      continue;
    }
    if (!subtitle && (element.attrs.class === 'subtitle' || /^med budget\b/i.test(text))) {
      subtitle = text;
      continue;
    }
    const d = /^\(?\s*dnr\.?:?\s*([^)]+?)\s*\)?$/i.exec(text);
    if (d && !dnr && !dnrProblem(d[1]!)) {
      dnr = d[1]!;
      continue;
    }
    const n = NAME.exec(text);
    if (n && !name && text.length <= n[1]!.length + 25) {
      name = n[1]!.trim();
      continue;
    }
    if (/^förslag( till)?$/i.test(text)) continue;
    const markdown = block(element, context);
    if (markdown) preface.push(markdown);
  }
  title = title ? sentenceCase(title.replace(/\s+/g, ' ').trim()) : undefined;
  if (!name && title) name = NAME.exec(title)?.[1]?.trim();

  if (start < 0) {
    // No headings: the whole text is one section.
    blocks.unshift({ tag: 'h1', attrs: {}, children: ['Verksamhetsplan'] });
    notes.push({ trail: [], message: 'dokumentet har inga rubriker (formatmallarna Rubrik 1, Rubrik 2 …); hela texten står i ett avsnitt – dela upp det med rubriker' });
  }
  const read = readSections(blocks, context);
  notes.push(...read.notes);

  const columns = read.budget?.budget.columns ?? [];
  let budgetYear = Number(YEAR.exec(title ?? '')?.[1] ?? NaN) || columns.find((c) => c.kind === 'budget')?.year;
  if (!budgetYear) {
    const anywhere = YEAR.exec(textOf(root));
    budgetYear = anywhere ? Number(anywhere[1]) : now.getFullYear() + 1;
    notes.push({ trail: [], message: `budgetåret kunde inte läsas ur titeln eller budgeten; ${budgetYear} är en gissning – kontrollera document.budgetYear i plan.yaml` });
  }
  if (!title) {
    title = `Verksamhetsplan ${budgetYear}`;
    notes.push({ trail: [], message: `dokumentet har ingen titel; titeln blev "${title}" – kontrollera document.title i plan.yaml` });
  }
  if (!name) {
    const inText = /(?:[A-ZÅÄÖ][\wåäöÅÄÖ-]*\s+)+[Ss]amordningsförbund(?:et)?|Samordningsförbundet(?:\s+[A-ZÅÄÖ][\wåäöÅÄÖ-]*)+/.exec(textOf(root));
    name = inText?.[0]?.trim() ?? 'Samordningsförbundet';
    notes.push({
      trail: [],
      message: inText
        ? `förbundets namn är gissat ur texten: "${name}" – kontrollera document.association.name i plan.yaml`
        : 'förbundets namn stod inte i dokumentet; skriv det i document.association.name i plan.yaml',
    });
  }
  const planYears = [...new Set(columns.filter((c) => c.kind === 'plan' && c.year > budgetYear!).map((c) => c.year))].sort();
  const defs = footnoteDefinitions(context);
  if (defs.length > 0) preface.push(...defs);
  if (preface.length > 0) {
    notes.push({ trail: [], message: 'texten före första rubriken står på titelsidan (document.preface i plan.yaml) – kontrollera den' });
  }
  const document: Record<string, unknown> = {
    association: { name },
    title,
    ...(subtitle ? { subtitle } : {}),
    budgetYear,
    ...(planYears.length > 0 ? { planYears } : {}),
    ...(dnr ? { dnr } : {}),
    status: { state: 'förslag' },
    ...(preface.length > 0 ? { preface: preface.join('\n\n') } : {}),
  };
  const plan: Record<string, unknown> = { version: 1, document, sections: read.sections };
  if (read.budget) plan.budget = read.budget.budget;
  else notes.push({ trail: [], message: 'ingen tabell kunde läsas som budget (en första rad med "Budget 2025", "Plan 2026" … och belopp i cellerna); planen har ingen budget' });
  return { plan, notes };
}

export async function importDocx(file: string, now?: Date): Promise<ImportResult> {
  return importHtml(await docxToHtml(file), now);
}
