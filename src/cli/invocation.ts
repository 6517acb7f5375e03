// How the user can run vplan again from where they stand, for a command vplan suggests: `vplan` when
// that name on the PATH is this vplan (after `npm link`), `npx vplan` when run through npx, else
// `node <path to bin/vplan.js>`.
import { realpath } from 'node:fs/promises';
import path from 'node:path';

export async function invocation(): Promise<string> {
  // npx puts the package's own bin folder on the PATH it runs vplan with, not on the user's.
  if (process.env.npm_command === 'exec') return 'npx vplan';
  const script = process.argv[1];
  const self = script ? await realpath(script).catch(() => undefined) : undefined;
  // An npm script's PATH has the package's node_modules/.bin, which the user's own shell has not.
  for (const dir of (process.env.PATH ?? '').split(path.delimiter).filter((d) => d && !/node_modules[\\/]\.bin[\\/]?$/.test(d))) {
    const found = await realpath(path.join(dir, 'vplan')).catch(() => undefined);
    if (found !== undefined) {
      if (found === self) return 'vplan';
      break;
    }
  }
  if (!script) return 'vplan';
  const relative = path.relative(process.cwd(), script);
  const shown = relative.startsWith('..') || path.isAbsolute(relative) ? script : relative;
  return `node ${/\s/.test(shown) ? `"${shown}"` : shown}`;
}
