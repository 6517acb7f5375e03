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
    // In the order section.hbs prints them: the heading, its text, its content, the sub-sections, the text after.
    fromText(s.text, s.anchor, s.level, [...sectionPath(s.anchor), 'text']);
    for (const { source, docId, at } of contentTexts(s)) fromText(source, docId, s.level, [...sectionPath(s.anchor), ...at]);
    s.children.forEach(visit);
    fromText(s.textAfter, `${s.anchor}-efter`, s.level, [...sectionPath(s.anchor), 'textAfter']);
  };
  sections.forEach(visit);
  return entries;
}

/**
 * The texts a section's content prints between its text and its text after, in order, with the ids
 * section-organisation.hbs and section-vision.hbs give them: their headings are the section's
 * sub-headings like those of its own text.
 */
function contentTexts(s: ComputedSection): { source: string | undefined; docId: string; at: JsonPath }[] {
  if (s.type === 'organisation') {
    return s.content.bodies.flatMap((body, i) => [
      { source: body.text, docId: `${s.anchor}-organ-${i}`, at: ['bodies', i, 'text'] },
      { source: body.textAfter, docId: `${s.anchor}-organ-efter-${i}`, at: ['bodies', i, 'textAfter'] },
    ]);
  }
  if (s.type === 'vision') {
    return s.content.cornerstones.map((c, i) => ({ source: c.text, docId: `${s.anchor}-hornsten-${i}`, at: ['cornerstones', i, 'text'] }));
  }
  return [];
}
