// A goals section: each group of goals becomes a sub-section; a goal that names a parent ("parent": "A")
// is listed under that goal (in the parent's list when both are in one group, else under the parent's text
// repeated in the sub-goal's group), and labels must be unique within the section.
import type { JsonPath } from '../../errors.js';
import { filler, type SectionContext } from './context.js';
import type { Built, Draft, Goal, GoalGroupContent, ListedGoal, NoContent, SectionInputOf } from './types.js';

type GoalGroupInput = SectionInputOf<'goals'>['groups'][number];

export function buildGoals(section: SectionInputOf<'goals'>, path: JsonPath, ctx: SectionContext): Built<NoContent> {
  const labelled = goalsByLabel(section, path, ctx);
  const numbered = section.groupHeadings === 'numbered';
  const fill = filler(ctx);
  const children = section.groups.map((group, i): Draft => {
    const at = [...path, 'groups', i];
    const content = goalGroupContent(group, at, labelled, ctx);
    return {
      type: 'goalGroup',
      title: group.title ?? '',
      numbered,
      path: at,
      text: fill(group.text, [...at, 'text']),
      textAfter: fill(group.textAfter, [...at, 'textAfter']),
      content,
      children: [],
    };
  });
  return { content: {}, children };
}

/** A labelled goal: its text, and the label it is printed with where its group lists it. */
interface Labelled {
  text: string;
  shown: string;
}

/**
 * Each labelled goal in the section, by label; a label given twice is an issue. A goal in a numbered
 * group is printed with its number there ("1."), not its label: that number is what it is shown as.
 */
function goalsByLabel(section: SectionInputOf<'goals'>, path: JsonPath, ctx: SectionContext): Map<string, Labelled> {
  const labelled = new Map<string, Labelled>();
  section.groups.forEach((group, i) => {
    let position = 0;
    (group.goals ?? []).forEach((goal, j) => {
      if (goal.parent === undefined) position++;
      if (!goal.id) return;
      if (labelled.has(goal.id)) {
        ctx.issues.push({
          path: [...path, 'groups', i, 'goals', j, 'id'],
          message: `beteckningen "${goal.id}" har redan ett annat mål i avsnittet; ge varje mål en egen beteckning (t.ex. ${goal.id}b)`,
        });
        return;
      }
      const numbered = group.style === 'numbered' && goal.parent === undefined;
      labelled.set(goal.id, { text: goal.text, shown: numbered ? String(position) : goal.id });
    });
  });
  return labelled;
}

function goalGroupContent(group: GoalGroupInput, at: JsonPath, labelled: Map<string, Labelled>, ctx: SectionContext): GoalGroupContent {
  const fill = filler(ctx);
  const goals = (group.goals ?? []).map((goal, j) => ({
    goal: { label: goal.id, parent: goal.parent, text: fill(goal.text, [...at, 'goals', j, 'text']) } satisfies Goal,
    path: [...at, 'goals', j],
  }));
  // A goal's sub-goals in its own group are printed under it; those in another group under its text repeated.
  const loose: ListedGoal[] = goals.filter(({ goal }) => goal.parent === undefined).map(({ goal }) => ({ ...goal, subgoals: [] }));
  const byParent: GoalGroupContent['byParent'] = [];
  for (const { goal, path } of goals) {
    if (goal.parent === undefined) continue;
    const parent = labelled.get(goal.parent);
    if (parent === undefined) {
      ctx.issues.push({ path: [...path, 'parent'], message: `inget mål i avsnittet har beteckningen "${goal.parent}"` });
      continue;
    }
    const here = loose.find((g) => g.label === goal.parent);
    if (here) {
      here.subgoals.push(goal);
      continue;
    }
    let bucket = byParent.find((b) => b.parent.id === goal.parent);
    if (!bucket) {
      bucket = { parent: { id: goal.parent, label: parent.shown, text: fill(parent.text, [...path, 'parent']) }, goals: [] };
      byParent.push(bucket);
    }
    bucket.goals.push(goal);
  }
  const style = group.style ?? (loose.some((g) => g.label) ? 'labelled' : 'bullets');
  return { kind: group.kind, style, goals: loose, byParent, parentStyle: group.style ?? 'paragraphs' };
}
