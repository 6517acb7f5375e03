// A vision section: its lead, the plan's vision statement (document.vision) and the cornerstones.
import type { JsonPath } from '../../errors.js';
import { filler, type SectionContext } from './context.js';
import type { Built, SectionInputOf, VisionContent } from './types.js';

export function buildVision(section: SectionInputOf<'vision'>, path: JsonPath, ctx: SectionContext): Built<VisionContent> {
  const fill = filler(ctx);
  const showStatement = section.showStatement !== false;
  if (showStatement && ctx.visionStatement === undefined) {
    ctx.issues.push({ path, message: 'avsnittet visar visionen, men document.vision saknas (eller sätt "showStatement": false)' });
  }
  return {
    content: {
      lead: section.lead,
      statement: showStatement ? ctx.visionStatement : undefined,
      cornerstones: (section.cornerstones ?? []).map((c, i) => ({
        title: c.title,
        subtitle: c.subtitle,
        text: fill(c.text, [...path, 'cornerstones', i, 'text']),
      })),
    },
    children: [],
  };
}
