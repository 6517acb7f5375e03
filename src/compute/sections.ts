// Sections: automatic numbering (three levels), and each typed section's content resolved for the
// templates. Sub-parts that carry a heading (an organ, an insats, a group of goals) become child sections,
// so every heading in the document is a section and numbering, contents and bookmarks see them all.
import type { SectionInput } from '../load/schema.js';
import type { ComputedBudget, ComputedContributions, ComputedDocument, ComputedSection } from '../model.js';
import type { JsonPath, PlanIssue } from '../errors.js';
import type { ReferenceResolver } from './references.js';
import { followUpTable } from './followUp.js';
import { computeCharts, type ChartSources } from '../charts/data.js';

export const MAX_NUMBERED_LEVEL = 3;

const roleTitles = {
  styrelse: 'Styrelse',
  arbetsutskott: 'Arbetsutskott',
  kansli: 'Kansli',
  beredningsgrupp: 'Beredningsgrupp',
  styrgrupper: 'Styrgrupper',
  annat: '',
} as const;

interface Context {
  resolver: ReferenceResolver;
  issues: PlanIssue[];
  document: ComputedDocument;
  /** The plan has a budget (it may have been refused; then figures are checked by name only). */
  hasBudget: boolean;
  /** The computed budget, when it was not refused. */
  budget?: ComputedBudget | undefined;
  contributions: ComputedContributions | undefined;
  /** What the plan's charts are computed from. */
  charts: ChartSources;
}

/** A heading to be numbered: the raw material both sections and their sub-parts are turned into. */
interface Draft {
  type: string;
  title: string;
  numbered: boolean;
  path: JsonPath;
  text: string | undefined;
  textAfter: string | undefined;
  content: Record<string, unknown>;
  children: Draft[];
}

export function computeSections(
  sections: SectionInput[],
  context: Omit<Context, 'issues'>,
  issues: PlanIssue[],
): ComputedSection[] {
  const ctx: Context = { ...context, issues };
  const drafts = sections.map((s, i) => draftSection(s, ['sections', i], ctx));
  return number(drafts, 1, '', true, Math.min(context.document.headings.depth, MAX_NUMBERED_LEVEL));
}

function number(drafts: Draft[], level: number, prefix: string, parentNumbered: boolean, depth: number): ComputedSection[] {
  let counter = 0;
  return drafts.map((draft) => {
    const numbered = parentNumbered && draft.numbered && level <= depth && draft.title !== '';
    const own = numbered ? `${prefix}${++counter}` : null;
    return {
      type: draft.type,
      number: own,
      level,
      title: draft.title,
      anchor: `avsnitt-${draft.path.filter((p) => p !== 'sections').join('-')}`,
      text: draft.text,
      textAfter: draft.textAfter,
      content: draft.content,
      children: number(draft.children, level + 1, own ? `${own}.` : prefix, numbered, depth),
    };
  });
}

function draftSection(section: SectionInput, path: JsonPath, ctx: Context): Draft {
  // Every prose field gets its figures filled in; a missing optional field stays missing.
  function fill(value: string, at: JsonPath): string;
  function fill(value: string | undefined, at: JsonPath): string | undefined;
  function fill(value: string | undefined, at: JsonPath): string | undefined {
    return value === undefined ? undefined : ctx.resolver.resolve(value, at, ctx.issues);
  }
  const charts = (list: Parameters<typeof computeCharts>[0] | undefined) =>
    list && computeCharts(list, ctx.charts, [...path, 'charts'], ctx.issues);
  const draft: Draft = {
    type: section.type,
    title: section.title,
    numbered: section.numbered !== false,
    path,
    text: fill(section.text, [...path, 'text']),
    textAfter: fill(section.textAfter, [...path, 'textAfter']),
    content: {},
    children: [],
  };

  switch (section.type) {
    case 'text':
      break;
    case 'targetGroup':
      draft.content = {
        ageRange: section.ageRange,
        priorityGroups: section.priorityGroups && {
          intro: section.priorityGroups.intro,
          items: section.priorityGroups.items.map((item, i) => fill(item, [...path, 'priorityGroups', 'items', i])),
        },
      };
      if (section.ageRange && section.ageRange.from > section.ageRange.to) {
        ctx.issues.push({ path: [...path, 'ageRange'], message: `åldern "från" (${section.ageRange.from}) är större än "till" (${section.ageRange.to})` });
      }
      break;
    case 'vision': {
      const showStatement = section.showStatement !== false;
      if (showStatement && !ctx.document.vision) {
        ctx.issues.push({ path, message: 'avsnittet visar visionen, men document.vision saknas (eller sätt "showStatement": false)' });
      }
      draft.content = {
        lead: section.lead,
        statement: showStatement ? ctx.document.vision?.statement : undefined,
        cornerstones: (section.cornerstones ?? []).map((c, i) => ({
          title: c.title,
          subtitle: c.subtitle,
          text: fill(c.text, [...path, 'cornerstones', i, 'text']),
        })),
      };
      break;
    }
    case 'organisation': {
      const style = section.bodyHeadings ?? 'none';
      const bodies = section.bodies.map((body, i) => {
        const at = [...path, 'bodies', i];
        return {
          title: body.title ?? roleTitles[body.role],
          role: body.role,
          text: fill(body.text, [...at, 'text']),
          dutiesIntro: body.dutiesIntro,
          duties: (body.duties ?? []).map((d, j) => fill(d, [...at, 'duties', j])),
          textAfter: fill(body.textAfter, [...at, 'textAfter']),
          path: at,
        };
      });
      if (style === 'none') {
        draft.content = { bodies };
      } else {
        bodies.forEach((body) => {
          if (body.title === '') ctx.issues.push({ path: [...body.path, 'title'], message: 'organet behöver en rubrik ("title") när organen har rubriker' });
        });
        draft.children = bodies.map((body) => ({
          type: 'organisationBody',
          title: body.title,
          numbered: style === 'numbered',
          path: body.path,
          text: body.text,
          textAfter: body.textAfter,
          content: { dutiesIntro: body.dutiesIntro, duties: body.duties, role: body.role },
          children: [],
        }));
      }
      break;
    }
    case 'initiatives':
      draft.children = section.items.map((item, i) => {
        const at = [...path, 'items', i];
        const p = item.participants;
        let participants: string | undefined;
        if (p) {
          const per = p.per ?? 'år';
          if (p.count !== undefined && (p.min !== undefined || p.max !== undefined)) {
            ctx.issues.push({ path: [...at, 'participants'], message: 'ange antingen "count" eller "min" och "max"' });
          } else if (p.count !== undefined) {
            participants = `${p.approximate ? 'ca ' : ''}${p.count} deltagare per ${per}`;
          } else if (p.min !== undefined && p.max !== undefined) {
            if (p.min > p.max) ctx.issues.push({ path: [...at, 'participants'], message: `"min" (${p.min}) är större än "max" (${p.max})` });
            participants = `${p.approximate ? 'ca ' : ''}${p.min}–${p.max} deltagare per ${per}`;
          } else {
            ctx.issues.push({ path: [...at, 'participants'], message: 'ange "count", eller både "min" och "max"' });
          }
        }
        return {
          type: 'initiative',
          title: item.name,
          numbered: false,
          path: at,
          text: fill(item.text, [...at, 'text']),
          textAfter: undefined,
          content: {
            targetGroup: fill(item.targetGroup, [...at, 'targetGroup']),
            participants,
            goalsIntro: item.goalsIntro ?? 'Mål:',
            goals: (item.goals ?? []).map((g, j) => fill(g, [...at, 'goals', j])),
          },
          children: [],
        };
      });
      break;
    case 'goals': {
      const numbered = section.groupHeadings === 'numbered';
      const labelled = new Map<string, string>();
      section.groups.forEach((group, i) =>
        (group.goals ?? []).forEach((goal, j) => {
          if (!goal.id) return;
          if (labelled.has(goal.id)) {
            ctx.issues.push({
              path: [...path, 'groups', i, 'goals', j, 'id'],
              message: `beteckningen "${goal.id}" har redan ett annat mål i avsnittet; ge varje mål en egen beteckning (t.ex. ${goal.id}b)`,
            });
            return;
          }
          labelled.set(goal.id, goal.text);
        }),
      );
      draft.children = section.groups.map((group, i) => {
        const at = [...path, 'groups', i];
        const goals = (group.goals ?? []).map((goal, j) => ({
          label: goal.id,
          parent: goal.parent,
          text: fill(goal.text, [...at, 'goals', j, 'text']),
          path: [...at, 'goals', j],
        }));
        const byParent: { parent: { label: string; text: string }; goals: typeof goals }[] = [];
        for (const goal of goals) {
          if (goal.parent === undefined) continue;
          const parentText = labelled.get(goal.parent);
          if (parentText === undefined) {
            ctx.issues.push({ path: [...goal.path, 'parent'], message: `inget mål i avsnittet har beteckningen "${goal.parent}"` });
            continue;
          }
          let bucket = byParent.find((b) => b.parent.label === goal.parent);
          if (!bucket) {
            bucket = { parent: { label: goal.parent, text: fill(parentText, [...goal.path, 'parent']) }, goals: [] };
            byParent.push(bucket);
          }
          bucket.goals.push(goal);
        }
        const loose = goals.filter((g) => g.parent === undefined);
        const style = group.style ?? (loose.some((g) => g.label) ? 'labelled' : 'bullets');
        return {
          type: 'goalGroup',
          title: group.title ?? '',
          numbered,
          path: at,
          text: fill(group.text, [...at, 'text']),
          textAfter: fill(group.textAfter, [...at, 'textAfter']),
          content: { kind: group.kind, style, goals: loose, byParent, parentStyle: group.style ?? 'paragraphs' },
          children: [],
        };
      });
      break;
    }
    case 'budget':
      if (!ctx.hasBudget) ctx.issues.push({ path: [...path, 'type'], message: 'avsnittet visar budgeten, men planen har ingen "budget"' });
      draft.content = { showDetails: section.showDetails !== false, charts: charts(section.charts) };
      break;
    case 'followUp':
      if (!ctx.hasBudget) ctx.issues.push({ path: [...path, 'type'], message: 'uppföljningen jämför budgetens kolumner, men planen har ingen "budget"' });
      else if (ctx.budget) draft.content = { table: followUpTable(section, ctx.budget, path, ctx.issues) };
      break;
    case 'contributions':
      if (!ctx.contributions) {
        ctx.issues.push({ path: [...path, 'type'], message: 'avsnittet visar medlemsbidragen, men planen har ingen "contributions"' });
      }
      draft.content = { charts: charts(section.charts) };
      break;
    case 'chart':
      draft.content = { charts: charts(section.charts) };
      break;
  }
  draft.children.push(...(section.sections ?? []).map((s, i) => draftSection(s, [...path, 'sections', i], ctx)));
  return draft;
}

/** Every section, depth first. */
export function walkSections(sections: ComputedSection[]): ComputedSection[] {
  return sections.flatMap((s) => [s, ...walkSections(s.children)]);
}
