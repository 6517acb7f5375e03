// A target-group section: the age range and the priority groups, their figures filled in.
import type { JsonPath } from '../../errors.js';
import { filler, type SectionContext } from './context.js';
import type { Built, SectionInputOf, TargetGroupContent } from './types.js';

export function buildTargetGroup(section: SectionInputOf<'targetGroup'>, path: JsonPath, ctx: SectionContext): Built<TargetGroupContent> {
  const fill = filler(ctx);
  const { ageRange, priorityGroups } = section;
  const content: TargetGroupContent = {
    ageRange,
    priorityGroups: priorityGroups && {
      intro: priorityGroups.intro,
      items: priorityGroups.items.map((item, i) => fill(item, [...path, 'priorityGroups', 'items', i])),
    },
  };
  if (ageRange && ageRange.from > ageRange.to) {
    ctx.issues.push({ path: [...path, 'ageRange'], message: `åldern "från" (${ageRange.from}) är större än "till" (${ageRange.to})` });
  }
  return { content, children: [] };
}
