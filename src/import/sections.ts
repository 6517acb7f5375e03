// mammoth's HTML as the plan's sections: each heading starts a section (the highest level used is the
// top, lower ones are subsections), its paragraphs and lists become Markdown, the first table that
// reads as a budget makes the section a budget section; other tables stay as Markdown tables.
import type { SectionInput } from '../load/schema.js';
import { textOf, type Element } from './html.js';
import { block, footnoteDefinitions, tableRows, markdownTable, textNotes, type MarkdownContext } from './markdown.js';
import { plainRows, readBudgetTable, type ReadBudget } from './budgetTable.js';

/** A text or budget section of the plan, as the schema types it; its subsections are imported ones too. */
export type ImportedSection = Pick<Extract<SectionInput, { type: 'text' | 'budget' }>, 'type' | 'title' | 'text' | 'textAfter'> & {
  sections?: ImportedSection[];
};

export interface SectionNote {
  /** Titles from the top-level section down. */
  trail: string[];
  message: string;
}

export interface ReadSections {
  sections: ImportedSection[];
  budget: ReadBudget | undefined;
  /** The budget section's titles, from the top-level section down. */
  budgetTrail: string[];
  notes: SectionNote[];
}

const HEADING = /^h([1-6])$/;

/** "2.1 Mål" → "Mål": vplan numbers headings itself. */
export function headingText(element: Element): string {
  return textOf(element).replace(/^(\d+(\.\d+)*\.?|[IVX]+\.)\s+/, '').trim();
}

interface Open {
  section: ImportedSection;
  level: number;
  before: string[];
  after: string[];
  /** The last paragraph's text, which may say the unit of a table after it ("Belopp i tkr"). */
  lastText: string;
}

export function readSections(blocks: Element[], context: MarkdownContext): ReadSections {
  const roots: ImportedSection[] = [];
  const notes: SectionNote[] = [];
  let budget: ReadBudget | undefined;
  let budgetTrail: string[] = [];
  const stack: Open[] = [];
  const trail = () => stack.map((o) => o.section.title);

  const closeTop = () => {
    const where = trail();
    const open = stack.pop()!;
    const defs = footnoteDefinitions(context);
    const target = open.section.type === 'budget' ? open.after : open.before;
    target.push(...defs);
    notes.push(...textNotes(context).map((message) => ({ trail: where, message })));
    const text = open.before.join('\n\n').trim();
    const after = open.after.join('\n\n').trim();
    if (text) open.section.text = text;
    if (after) open.section.textAfter = after;
    // textAfter prints after the section's subsections: text between the table and the first subheading moves down.
    if (open.section.sections?.length && open.after.some((b) => !b.startsWith('[^'))) {
      notes.push({
        trail: where,
        message: 'texten mellan budgettabellen och första underrubriken står i textAfter, som skrivs efter underavsnitten; flytta den till ett underavsnitt eller till texten före tabellen om den ska stå före dem',
      });
    }
  };

  for (const element of blocks) {
    const heading = HEADING.exec(element.tag);
    if (heading) {
      const title = headingText(element);
      if (!title) continue;
      const level = Number(heading[1]);
      while (stack.length > 0 && stack.at(-1)!.level >= level) closeTop();
      // At most three levels: deeper headings are subsections of the third.
      while (stack.length >= 3) closeTop();
      // The footnotes the open section has cited so far are its own: written in its text, before its
      // new subsection, not in the subsection's.
      const parent = stack.at(-1);
      if (parent) (parent.section.type === 'budget' ? parent.after : parent.before).push(...footnoteDefinitions(context));
      const section: ImportedSection = { type: 'text', title };
      if (stack.length === 0) roots.push(section);
      else (stack.at(-1)!.section.sections ??= []).push(section);
      stack.push({ section, level, before: [], after: [], lastText: '' });
      continue;
    }
    const open = stack.at(-1);
    if (!open) continue; // text before the first heading is read by the caller
    const out = open.section.type === 'budget' ? open.after : open.before;
    if (element.tag === 'table') {
      const read = readBudgetTable(plainRows(element), open.lastText);
      if ('budget' in read && !budget) {
        budget = read;
        open.section.type = 'budget';
        for (const note of read.notes) notes.push({ trail: trail(), message: note });
        budgetTrail = trail();
        continue;
      }
      const reason = 'budget' in read ? 'planen har redan en budget (en tabell tidigare i dokumentet)' : read.reason;
      out.push(markdownTable(tableRows(element, context)));
      notes.push({ trail: trail(), message: `en tabell kunde inte läsas som budget (${reason}); den står kvar som Markdown-tabell i texten – kontrollera den` });
      continue;
    }
    const markdown = block(element, context);
    if (markdown) {
      out.push(markdown);
      open.lastText = textOf(element);
    }
  }
  while (stack.length > 0) closeTop();
  return { sections: roots, budget, budgetTrail, notes };
}

