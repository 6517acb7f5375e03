// An initiatives section: each insats becomes an unnumbered sub-section with its target group,
// participants ("ca 40–60 deltagare per år") and goals.
import type { JsonPath } from '../../errors.js';
import { filler, type SectionContext } from './context.js';
import type { Built, Draft, NoContent, SectionInputOf } from './types.js';

type Participants = NonNullable<SectionInputOf<'initiatives'>['items'][number]['participants']>;

export function buildInitiatives(section: SectionInputOf<'initiatives'>, path: JsonPath, ctx: SectionContext): Built<NoContent> {
  const fill = filler(ctx);
  const children = section.items.map((item, i): Draft => {
    const at = [...path, 'items', i];
    const participants = item.participants && participantsText(item.participants, [...at, 'participants'], ctx);
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
  return { content: {}, children };
}

/** "ca 40 deltagare per år" or "40–60 deltagare per termin"; none when count and range are mixed or missing. */
function participantsText(p: Participants, at: JsonPath, ctx: SectionContext): string | undefined {
  const per = p.per ?? 'år';
  const approximately = p.approximate ? 'ca ' : '';
  if (p.count !== undefined && (p.min !== undefined || p.max !== undefined)) {
    ctx.issues.push({ path: at, message: 'ange antingen "count" eller "min" och "max"' });
    return undefined;
  }
  if (p.count !== undefined) return `${approximately}${p.count} deltagare per ${per}`;
  if (p.min !== undefined && p.max !== undefined) {
    if (p.min > p.max) ctx.issues.push({ path: at, message: `"min" (${p.min}) är större än "max" (${p.max})` });
    return `${approximately}${p.min}–${p.max} deltagare per ${per}`;
  }
  ctx.issues.push({ path: at, message: 'ange "count", eller både "min" och "max"' });
  return undefined;
}
