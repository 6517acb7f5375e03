// The glyph check, before printing: every character of the plan's text is in one of the bundled fonts
// (fonts.ts). One that is not would print as a box (.notdef); the user hears which character, where in
// the plan, and with --pdfa it is an error, because PDF/A-2 forbids references to .notdef (ISO 19005-2,
// 6.2.11.8).
import MarkdownIt from 'markdown-it';
import { PlanError, type JsonPath, type PlanIssue } from '../errors.js';
import { withPosition } from '../load/loadPlan.js';
import type { ComputedPlan } from '../model.js';
import { isControl, lacksGlyph, missingGlyphs, type BundledFont } from './fonts.js';

export interface GlyphIssue extends PlanIssue {
  /** The characters without a glyph, in the order they first appear. */
  codePoints: number[];
}

const SHOWN = 5;

/** Text as printed: Markdown prose may write a character as an entity (&#x1F600;, &hearts;). */
const unescape = new MarkdownIt().utils.unescapeAll;

const codePoint = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

function describe(cp: number): string {
  return isControl(cp) ? `${codePoint(cp)} (ett styrtecken)` : `"${String.fromCodePoint(cp)}" (${codePoint(cp)})`;
}

function message(codePoints: number[], pdfa: boolean): string {
  const shown = codePoints.slice(0, SHOWN).map(describe);
  const rest = codePoints.length - shown.length;
  const list = rest > 0 ? `${shown.join(', ')} och ${rest} till` : shown.length > 1 ? `${shown.slice(0, -1).join(', ')} och ${shown.at(-1)}` : shown[0]!;
  const one = codePoints.length === 1;
  const what = `${one ? 'tecknet' : 'tecknen'} ${list} finns inte i vplans typsnitt och ${one ? 'blir en ruta' : 'blir rutor'} i PDF:en`;
  const fix = `ta bort ${one ? 'det' : 'dem'} eller skriv med ord i stället`;
  return pdfa ? `${what}, vilket PDF/A inte tillåter (ISO 19005-2, 6.2.11.8); ${fix}` : `${what}; ${fix}`;
}

/** Every string of the plan (as written, paths as in the file) with characters no bundled font has. */
export function glyphIssues(value: unknown, stack: readonly BundledFont[], pdfa = false): GlyphIssue[] {
  const issues: GlyphIssue[] = [];
  const known = new Map<number, boolean>(); // a large plan repeats its characters many times over
  const lacks = (cp: number) => {
    let result = known.get(cp);
    if (result === undefined) known.set(cp, (result = lacksGlyph(stack, cp)));
    return result;
  };
  const visit = (node: unknown, path: JsonPath) => {
    if (typeof node === 'string') {
      const missing = new Set<number>();
      for (const text of /[&\\]/.test(node) ? [node, unescape(node)] : [node]) {
        for (const char of text) if (lacks(char.codePointAt(0)!)) missing.add(char.codePointAt(0)!);
      }
      if (missing.size > 0) issues.push({ path, codePoints: [...missing], message: message([...missing], pdfa) });
    } else if (Array.isArray(node)) {
      node.forEach((item, i) => visit(item, [...path, i]));
    } else if (node && typeof node === 'object') {
      for (const [key, item] of Object.entries(node)) if (key !== '$schema') visit(item, [...path, key]);
    }
  };
  visit(value, []);
  return issues;
}

/**
 * For --pdfa: the error when the document about to be printed has characters no bundled font has,
 * naming each place in the plan they come from; undefined when every character has its glyph.
 */
export function pdfaGlyphError(plan: ComputedPlan, stack: readonly BundledFont[], html: string): PlanError | undefined {
  const missing = new Set(missingGlyphs(stack, html));
  if (missing.size === 0) return undefined;
  const parsed = plan.read;
  const issues: PlanIssue[] = [];
  const found = new Set<number>();
  for (const issue of parsed ? glyphIssues(parsed.value, stack, true) : []) {
    const here = issue.codePoints.filter((cp) => missing.has(cp));
    if (here.length === 0) continue;
    here.forEach((cp) => found.add(cp));
    issues.push(withPosition(parsed!, { path: issue.path, message: message(here, true) }));
  }
  // Text that is not the plan's own (a template, a theme) is named by its characters alone.
  const elsewhere = [...missing].filter((cp) => !found.has(cp));
  if (elsewhere.length > 0) issues.push({ path: [], message: `mallen: ${message(elsewhere, true)}` });
  return new PlanError(plan.file, issues, 'render');
}
