// The innehållsförteckning: every heading down to level 3 in document order, the sections' own and the
// sub-headings written in their texts (## Rubrik), numbered ones with their number and unnumbered ones
// indented without, or left out (document.headings.unnumberedInContents).
import type { ComputedSection, ContentsEntry } from '../model.js';
import type { JsonPath } from '../errors.js';
import type { Numbering } from '../load/schema.js';
import { headingLabel } from '../format.js';
import { markdownHeadings } from '../render/markdown.js';
import { sectionPath } from '../check/contents.js';

/** The contents list headings down to this level. */
export const CONTENTS_DEPTH = 3;

export interface ContentsOptions {
  numbering: Numbering;
  unnumberedInContents: boolean;
}

export function contentsEntries(sections: ComputedSection[], options: ContentsOptions): ContentsEntry[] {
  const entries: ContentsEntry[] = [];
  const add = (entry: ContentsEntry) => {
    if (entry.title === '' || entry.level > CONTENTS_DEPTH) return;
    if (entry.label === '' && !options.unnumberedInContents) return;
    entries.push(entry);
  };
  const fromText = (source: string | undefined, docId: string, level: number, path: JsonPath) => {
    if (source === undefined) return;
    for (const h of markdownHeadings(source, docId, level)) add({ anchor: h.anchor, label: '', title: h.title, level: h.level, path });
  };
  const visit = (s: ComputedSection) => {
    add({ anchor: s.anchor, label: headingLabel(s.number, s.level, options.numbering), title: s.title, level: s.level });
    // In the order section.hbs prints them: the heading, its text, its content, the text after, the sub-sections.
    fromText(s.text, s.anchor, s.level, [...sectionPath(s.anchor), 'text']);
    fromText(s.textAfter, `${s.anchor}-efter`, s.level, [...sectionPath(s.anchor), 'textAfter']);
    s.children.forEach(visit);
  };
  sections.forEach(visit);
  return entries;
}
