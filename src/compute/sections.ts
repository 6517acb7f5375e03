// Sections: automatic numbering (three levels), and each typed section's content resolved for the
// templates by its builder in sections/. Sub-parts that carry a heading (an organ, an insats, a group of
// goals) become child sections, so every heading in the document is a section and numbering, contents
// and bookmarks see them all.
import type { SectionInput } from '../load/schema.js';
import type { ComputedBudget, ComputedContributions, ComputedDocument, ComputedSection } from '../model.js';
import type { JsonPath, PlanIssue } from '../errors.js';
import type { ReferenceResolver } from './references.js';
import type { ChartSources } from '../charts/data.js';
import { filler, type SectionContext } from './sections/context.js';
import type { Draft, SectionContent } from './sections/types.js';
import { buildTargetGroup } from './sections/targetGroup.js';
import { buildVision } from './sections/vision.js';
import { buildOrganisation } from './sections/organisation.js';
import { buildInitiatives } from './sections/initiatives.js';
import { buildGoals } from './sections/goals.js';
import { buildBudget } from './sections/budget.js';
import { buildFollowUp } from './sections/followUp.js';
import { buildContributions } from './sections/contributions.js';
import { buildChart } from './sections/charts.js';

export const MAX_NUMBERED_LEVEL = 3;

interface Context {
  resolver: ReferenceResolver;
  document: ComputedDocument;
  /** The plan has a budget (it may have been refused; then figures are checked by name only). */
  hasBudget: boolean;
  /** The computed budget, when it was not refused. */
  budget?: ComputedBudget | undefined;
  contributions: ComputedContributions | undefined;
  /** What the plan's charts are computed from. */
  charts: ChartSources;
}

export function computeSections(sections: SectionInput[], context: Context, issues: PlanIssue[]): ComputedSection[] {
  const ctx: SectionContext = {
    resolver: context.resolver,
    issues,
    visionStatement: context.document.vision?.statement,
    hasBudget: context.hasBudget,
    budget: context.budget,
    contributions: context.contributions,
    charts: context.charts,
  };
  const drafts = sections.map((s, i) => draftSection(s, ['sections', i], ctx));
  return number(drafts, 1, '', true, Math.min(context.document.headings.depth, MAX_NUMBERED_LEVEL));
}

function number(drafts: Draft[], level: number, prefix: string, parentNumbered: boolean, depth: number): ComputedSection[] {
  let counter = 0;
  return drafts.map(({ numbered: own, path, children, ...section }) => {
    const numbered = parentNumbered && own && level <= depth && section.title !== '';
    const label = numbered ? `${prefix}${++counter}` : null;
    return {
      ...section,
      number: label,
      level,
      anchor: `avsnitt-${path.filter((p) => p !== 'sections').join('-')}`,
      children: number(children, level + 1, label ? `${label}.` : prefix, numbered, depth),
    };
  });
}

function draftSection(section: SectionInput, path: JsonPath, ctx: SectionContext): Draft {
  // Every prose field gets its figures filled in; a missing optional field stays missing.
  const fill = filler(ctx);
  const text = fill(section.text, [...path, 'text']);
  const textAfter = fill(section.textAfter, [...path, 'textAfter']);
  const { children, ...typed } = build(section, path, ctx);
  children.push(...(section.sections ?? []).map((s, i) => draftSection(s, [...path, 'sections', i], ctx)));
  return { ...typed, title: section.title, numbered: section.numbered !== false, path, text, textAfter, children };
}

/** The section's typed content and sub-parts, from the builder of its type. */
function build(section: SectionInput, path: JsonPath, ctx: SectionContext): SectionContent & { children: Draft[] } {
  switch (section.type) {
    case 'text':
      return { type: section.type, content: {}, children: [] };
    case 'targetGroup':
      return { type: section.type, ...buildTargetGroup(section, path, ctx) };
    case 'vision':
      return { type: section.type, ...buildVision(section, path, ctx) };
    case 'organisation':
      return { type: section.type, ...buildOrganisation(section, path, ctx) };
    case 'initiatives':
      return { type: section.type, ...buildInitiatives(section, path, ctx) };
    case 'goals':
      return { type: section.type, ...buildGoals(section, path, ctx) };
    case 'budget':
      return { type: section.type, ...buildBudget(section, path, ctx) };
    case 'followUp':
      return { type: section.type, ...buildFollowUp(section, path, ctx) };
    case 'contributions':
      return { type: section.type, ...buildContributions(section, path, ctx) };
    case 'chart':
      return { type: section.type, ...buildChart(section, path, ctx) };
  }
}

/** Every section, depth first. */
export function walkSections(sections: ComputedSection[]): ComputedSection[] {
  return sections.flatMap((s) => [s, ...walkSections(s.children)]);
}
