// An SVG is a program as much as a picture: it can hold scripts, HTML and references to other files
// and web addresses. vplan prints only SVGs that are pictures; anything else is refused with what was
// found, rather than silently cleaned (a cleaned drawing can lose what its author meant to show).

/** Embedded pictures an SVG may carry (exported drawings often do): raster data, never markup. */
const SAFE_DATA = /^data:image\/(png|jpe?g|gif|webp);/i;

function reference(value: string): string | undefined {
  const v = value.trim();
  if (v === '' || v.startsWith('#') || SAFE_DATA.test(v)) return undefined;
  return v.length > 60 ? `${v.slice(0, 57)}…` : v;
}

/** What makes the SVG unsafe to print, in the user's words; undefined when it is only a picture. */
export function svgProblem(text: string): string | undefined {
  const source = text.replace(/<!--[\s\S]*?-->/g, '');
  if (/<script\b/i.test(source)) return 'ett skript (<script>)';
  const handler = /\s(on[a-z]+)\s*=/i.exec(source);
  if (handler) return `ett skript (attributet ${handler[1]})`;
  if (/javascript:/i.test(source)) return 'ett skript (javascript:)';
  if (/<foreignObject\b/i.test(source)) return 'inbäddad HTML (<foreignObject>)';
  if (/<!ENTITY\b/i.test(source)) return 'egna XML-entiteter (<!ENTITY>)';
  for (const match of source.matchAll(/\s(?:xlink:)?href\s*=\s*(?:"([^"]*)"|'([^']*)')/gi)) {
    const target = reference(match[1] ?? match[2] ?? '');
    if (target) return `en hänvisning till en annan fil eller webbadress (${target})`;
  }
  for (const match of source.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)]*))\)/gi)) {
    const target = reference(match[1] ?? match[2] ?? match[3] ?? '');
    if (target) return `en hänvisning till en annan fil eller webbadress (url(${target}))`;
  }
  if (/@import\b/i.test(source)) return 'en hänvisning till en annan fil eller webbadress (@import)';
  return undefined;
}
