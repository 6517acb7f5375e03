// vplan import: a Word plan (.docx) as a plan value. mammoth turns the document into HTML; headings become
// sections, the text Markdown, a budget table the budget. The title and the förbund's name are read from
// the front page (frontPage.ts), the budget year from the title or the budget (budgetYear.ts); what had
// to be guessed or could not be read is a note to check.
import mammoth from 'mammoth';
import { VplanError } from '../errors.js';
import { guessBudgetYear, yearInTitle } from './budgetYear.js';
import { readFrontPage } from './frontPage.js';
import { blockTexts, isElement, parseHtml, textOf, type Element } from './html.js';
import { footnoteDefinitions, isFootnoteList, readFootnotes, textNotes, type MarkdownContext } from './markdown.js';
import { readSections, type SectionNote } from './sections.js';
import { attachSourceLines } from './quote.js';
import { findDecision, type FoundDecision } from './decision.js';
import type { ImportedSums } from './sums.js';

export interface ImportResult {
  plan: Record<string, unknown>;
  /** Things to check: where (a section's titles, or [] for the document) and what. */
  notes: SectionNote[];
  /** The budget table's sum rows, left out: the caller compares them with the computed plan's (sums.ts). */
  sums: ImportedSums | undefined;
}

/**
 * Word's styles as HTML, by their names (mammoth compares them without case): Title and Subtitle for the
 * front page; the quotation styles as a quotation, by Word's own names (a Swedish Word writes "Quote" and
 * "Intense Quote" too), Swedish ones a document may have been given, and LibreOffice's. Paragraphs in a
 * row in one kind are one quotation; a Quote paragraph next to an Intense Quote one starts another.
 */
const QUOTE_STYLES = ['Quote', 'Citat', 'Quotations'];
const INTENSE_QUOTE_STYLES = ['Intense Quote', 'Starkt citat'];
/**
 * A quotation's paragraphs; numbered or bulleted ones (a law's list of tasks, quoted) as a list inside
 * it, three levels deep as mammoth's own lists: Word's numbers are no text, and would be lost.
 */
const quoteRules = (name: string, quote: string) => [
  ...(['ordered-list', 'unordered-list'] as const).flatMap((kind) => {
    const list = kind === 'ordered-list' ? 'ol' : 'ul';
    return [
      `p[style-name='${name}']:${kind}(1) => ${quote} > ${list} > li:fresh`,
      `p[style-name='${name}']:${kind}(2) => ${quote} > ul|ol > li > ${list} > li:fresh`,
      `p[style-name='${name}']:${kind}(3) => ${quote} > ul|ol > li > ul|ol > li > ${list} > li:fresh`,
    ];
  }),
  `p[style-name='${name}'] => ${quote} > p:fresh`,
];
const STYLE_MAP = [
  "p[style-name='Title'] => h1.title:fresh",
  "p[style-name='Subtitle'] => p.subtitle:fresh",
  ...QUOTE_STYLES.flatMap((name) => quoteRules(name, 'blockquote')),
  ...INTENSE_QUOTE_STYLES.flatMap((name) => quoteRules(name, 'blockquote.intense')),
];

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

export function importHtml(html: string, now: Date = new Date()): ImportResult {
  const root = parseHtml(html);
  const context: MarkdownContext = { footnotes: new Map(), cited: [], dropped: [], guessed: [] };
  const blocks: Element[] = [];
  for (const child of root.children.filter(isElement)) {
    if (isFootnoteList(child)) readFootnotes(child, context);
    else blocks.push(child);
  }
  attachSourceLines(blocks);
  // A plan whose text tells of its decision was adopted: a paragraph that says only that goes, for vplan
  // prints the decision itself, last in the plan.
  const frontCount = blocks.findIndex((b) => /^h[1-6]$/.test(b.tag) && b.attrs.class !== 'title');
  const frontBlocks = frontCount < 0 ? blocks : blocks.slice(0, frontCount);
  // The plan's year as the front page names it ("Verksamhetsplan 2013"), read as a title's (not a dnr's).
  const planYear = frontBlocks
    .map((b) => textOf(b))
    .filter((text) => /verksamhetsplan|budget/i.test(text))
    .map((text) => yearInTitle(text)?.year)
    .find((y) => y !== undefined);
  const decided = findDecision(blocks, frontCount < 0 ? blocks.length : frontCount, planYear);
  if (decided?.decision.wholeParagraph) blocks.splice(blocks.indexOf(decided.block), 1);
  const notes: SectionNote[] = [];
  notes.push(...textNotes(context).map((message) => ({ trail: [], message: `fotnoterna: ${message}` })));
  const front = readFrontPage(blocks, context);
  const { subtitle, dnr, preface } = front;
  notes.push(...front.notes.map((message) => ({ trail: [], message })));
  // What the front page's text lost or had guessed is the document's, not the first section's.
  notes.push(...textNotes(context).map((message) => ({ trail: [], message: `titelsidan: ${message}` })));

  if (!blocks.some((b) => /^h[1-6]$/.test(b.tag))) {
    // No headings: the whole text is one section.
    blocks.unshift({ tag: 'h1', attrs: {}, children: ['Verksamhetsplan'] });
    notes.push({ trail: [], message: 'dokumentet har inga rubriker (formatmallarna Rubrik 1, Rubrik 2 …); hela texten står i ett avsnitt – dela upp det med rubriker' });
  }
  const read = readSections(blocks, context);
  notes.push(...read.notes);

  const columns = read.budget?.budget.columns ?? [];
  const lines = blockTexts(root);
  const guessed = guessBudgetYear(front.title, subtitle, columns, lines, now);
  const budgetYear = guessed.year;
  notes.push(...guessed.notes.map((message) => ({ trail: [], message })));
  let title = front.title;
  if (!title) {
    title = `Verksamhetsplan ${budgetYear}`;
    const styled = front.nameInTitleStyle ? ` (formatmallen Rubrik har förbundets namn, "${front.nameInTitleStyle}")` : '';
    notes.push({ trail: [], message: `dokumentet har ingen titel${styled}; titeln blev "${title}" – kontrollera document.title i plan.yaml` });
  }
  let name = front.name;
  if (!name) {
    // Within one paragraph, heading or cell: a heading's last word is no part of the name under it.
    const named = /(?:[A-ZÅÄÖ][\wåäöÅÄÖ-]*\s+)+[Ss]amordningsförbund(?:et)?|Samordningsförbundet(?:\s+[A-ZÅÄÖ][\wåäöÅÄÖ-]*)+/;
    const inText = lines.map((line) => named.exec(line)).find((m) => m !== null);
    name = inText?.[0]?.trim() ?? 'Samordningsförbundet';
    notes.push({
      trail: [],
      message: inText
        ? `förbundets namn är gissat ur texten: "${name}" – kontrollera document.association.name i plan.yaml`
        : 'förbundets namn stod inte i dokumentet; skriv det i document.association.name i plan.yaml',
    });
  }
  const planYears = [...new Set(columns.filter((c) => c.kind === 'plan' && c.year > budgetYear).map((c) => c.year))].sort();
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
    status: decided ? statusOf(decided.decision) : { state: 'förslag' },
    ...(preface.length > 0 ? { preface: preface.join('\n\n') } : {}),
  };
  if (decided) {
    const { sentence, wholeParagraph } = decided.decision;
    notes.push({
      trail: [],
      message: `texten säger att planen är antagen ("${sentence}"), så den blev ${decided.decision.state} (document.status i plan.yaml)${wholeParagraph ? ' och stycket togs bort, för vplan skriver beslutet själv sist i planen' : ''}; kontrollera datum och organ`,
    });
  }
  const plan: Record<string, unknown> = { version: 1, document, sections: read.sections };
  if (read.budget) plan.budget = read.budget.budget;
  else notes.push({ trail: [], message: 'ingen tabell kunde läsas som budget (en första rad med "Budget 2025", "Plan 2026" … och belopp i cellerna); planen har ingen budget' });
  const sums = read.budget && read.budget.sums.length > 0
    ? { trail: read.budgetTrail, rows: read.budget.sums, negativeCosts: read.budget.budget.costSign === 'negative' }
    : undefined;
  return { plan, notes, sums };
}

export async function importDocx(file: string, now?: Date): Promise<ImportResult> {
  return importHtml(await docxToHtml(file), now);
}

function statusOf({ state, decisionDate, decisionBody, paragraph }: FoundDecision): Record<string, unknown> {
  return { state, decisionDate, decisionBody, ...(paragraph ? { paragraph } : {}) };
}
