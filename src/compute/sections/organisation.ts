// An organisation section: its organs (bodies), printed under the section (with the title the plan gives
// an organ in bold over its text), or each as a sub-section with a heading of its own (bodyHeadings
// "numbered" or "plain").
import type { JsonPath } from '../../errors.js';
import { filler, type SectionContext } from './context.js';
import type { Built, Draft, OrganisationBody, OrganisationContent, SectionInputOf } from './types.js';

const roleTitles = {
  styrelse: 'Styrelse',
  arbetsutskott: 'Arbetsutskott',
  kansli: 'Kansli',
  beredningsgrupp: 'Beredningsgrupp',
  styrgrupper: 'Styrgrupper',
  annat: '',
} as const;

export function buildOrganisation(section: SectionInputOf<'organisation'>, path: JsonPath, ctx: SectionContext): Built<OrganisationContent> {
  const fill = filler(ctx);
  const style = section.bodyHeadings ?? 'none';
  const bodies = section.bodies.map((body, i): OrganisationBody & { path: JsonPath; heading: string } => {
    const at = [...path, 'bodies', i];
    return {
      // Without headings an organ's text names it ("Förbundet leds av en styrelse …"): only a title the
      // plan gives is printed, over the text; with headings each has one, the role's name if no other.
      title: body.title?.trim() || undefined,
      heading: body.title ?? roleTitles[body.role],
      role: body.role,
      text: fill(body.text, [...at, 'text']),
      dutiesIntro: body.dutiesIntro,
      duties: (body.duties ?? []).map((d, j) => fill(d, [...at, 'duties', j])),
      textAfter: fill(body.textAfter, [...at, 'textAfter']),
      path: at,
    };
  });
  if (style === 'none') return { content: { bodies: bodies.map(({ path: _, heading: __, ...body }) => body) }, children: [] };

  bodies.forEach((body) => {
    if (body.heading === '') ctx.issues.push({ path: [...body.path, 'title'], message: 'organet behöver en rubrik ("title") när organen har rubriker' });
  });
  const children = bodies.map(
    (body): Draft => ({
      type: 'organisationBody',
      title: body.heading,
      numbered: style === 'numbered',
      path: body.path,
      text: body.text,
      textAfter: body.textAfter,
      content: { dutiesIntro: body.dutiesIntro, duties: body.duties, role: body.role },
      children: [],
    }),
  );
  return { content: { bodies: [] }, children };
}
