// The images a plan's texts and sections name: a section's `images` list, and Markdown images
// ![Alternativtext](bild.png "Bildtext") in its texts. Each is checked where it is written: alt text
// required, a file in the plan's folder (never a web address), and a paragraph of its own.
import type { JsonPath, PlanIssue } from '../errors.js';
import type { ImageInput, PlanInput, SectionInput } from './schema.js';
import { markdownImages } from '../render/figures.js';
import { markdownParser } from '../render/markdown.js';

export interface ImageRef {
  file: string;
  /** Where the plan names the file. */
  path: JsonPath;
  /** In a text, the file name as written there: what finds its line in the file (see loadPlan.ts's withPosition). */
  snippet?: string;
}

/** Text fields printed as Markdown paragraphs (a goal's text is printed inline, as a list item). */
function isBlockText(path: JsonPath): boolean {
  const key = path[path.length - 1];
  return (key === 'text' || key === 'textAfter' || key === 'preface') && path[path.length - 3] !== 'goals';
}

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

function scan(value: unknown, path: JsonPath, refs: ImageRef[], issues: PlanIssue[]): void {
  if (Array.isArray(value)) {
    value.forEach((v, i) => scan(v, [...path, i], refs, issues));
    return;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) if (key !== 'sections' && key !== 'images') scan(v, [...path, key], refs, issues);
    return;
  }
  if (typeof value !== 'string') return;
  for (const image of markdownImages(markdownParser(), value)) {
    const shown = `![${image.alt}](${image.file})`;
    if (!isBlockText(path)) {
      issues.push({ path, snippet: image.file, message: `bilden ${image.file} kan inte stå här; en bild står i ett avsnitts text (text eller textAfter), i ett eget stycke` });
    } else if (SCHEME.test(image.file) || image.file.trim() === '') {
      issues.push({ path, snippet: image.file, message: `bilden "${image.file}" är ingen fil i planens mapp; vplan hämtar inget från webben. Spara bilden bredvid planen och skriv filens namn, t.ex. ![${image.alt || 'Organisationsschema'}](bilder/organisation.png)` });
    } else {
      // How it is written and the file itself, both in the same run.
      if (image.alt === '') {
        issues.push({ path, snippet: image.file, message: `bilden ${image.file} saknar alternativtext; skriv vad bilden visar mellan [ och ], t.ex. ![Organisationsschema för förbundet](${image.file})` });
      } else if (!image.alone) {
        issues.push({ path, snippet: image.file, message: `bilden ${shown} står inne i ett stycke; ställ den i ett eget stycke, med en tom rad före och efter` });
      }
      refs.push({ file: image.file, path, snippet: image.file });
    }
  }
}

function section(s: SectionInput, path: JsonPath, refs: ImageRef[], issues: PlanIssue[]): void {
  scan(s, path, refs, issues);
  s.images?.forEach((image, j) => {
    if (SCHEME.test(image.file)) {
      issues.push({ path: [...path, 'images', j, 'file'], message: `"${image.file}" är ingen fil i planens mapp; vplan hämtar inget från webben. Spara bilden bredvid planen och skriv filens namn` });
    } else refs.push({ file: image.file, path: [...path, 'images', j, 'file'] });
  });
  s.sections?.forEach((child, k) => section(child, [...path, 'sections', k], refs, issues));
}

/** Every image file the plan's texts and sections name, and what is wrong with how they are written. */
export function imageRefs(plan: PlanInput): { refs: ImageRef[]; issues: PlanIssue[] } {
  const refs: ImageRef[] = [];
  const issues: PlanIssue[] = [];
  scan(plan.document.preface, ['document', 'preface'], refs, issues);
  plan.sections.forEach((s, i) => section(s, ['sections', i], refs, issues));
  return { refs, issues };
}

/** Markdown for an image of an `images` list: every character of the text escaped, the file in <…>. */
export function imageMarkdown(image: ImageInput): string {
  const escape = (s: string) => s.replace(/\s+/g, ' ').trim().replace(/[!-/:-@[-`{-~]/g, (c) => `\\${c}`);
  const title = image.caption?.trim() ? ` "${escape(image.caption)}"` : '';
  return `![${escape(image.alt)}](<${image.file.replace(/[<>\\]/g, (c) => `\\${c}`)}>${title})`;
}

/** The plan with each section's `images` written as Markdown figures at the end of its text. */
export function withImagesInText(plan: PlanInput): PlanInput {
  const move = (s: SectionInput): SectionInput => {
    const children = s.sections?.map(move);
    if (!s.images?.length) return children ? { ...s, sections: children } : s;
    const text = [s.text?.trimEnd(), ...s.images.map(imageMarkdown)].filter((t) => t).join('\n\n');
    const { images: _images, ...rest } = s;
    return { ...rest, text, ...(children ? { sections: children } : {}) };
  };
  return { ...plan, sections: plan.sections.map(move) };
}
