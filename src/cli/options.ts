// The command line's options: which command takes which flag, parsed with Swedish messages that say
// what to write instead (node's parseArgs errors are English and name no command).
import { parseArgs } from 'node:util';
import { UsageError } from './report.js';
import { suggest } from '../load/messages.js';

type Kind = 'string' | 'boolean';

interface OptionSpec {
  kind: Kind;
  short?: string;
  /** What a value looks like, for "--out behöver ett värde: skriv --out fil.pdf". */
  example?: string;
}

export const OPTIONS = {
  out: { kind: 'string', short: 'o', example: 'fil.pdf' },
  html: { kind: 'string', example: 'fil.html' },
  browser: { kind: 'string', example: '/usr/bin/chromium' },
  theme: { kind: 'string', example: 'modern' },
  pdfa: { kind: 'boolean' },
  web: { kind: 'boolean' },
  archive: { kind: 'string', example: 'output/archive' },
  appendix: { kind: 'boolean' },
  jobs: { kind: 'string', short: 'j', example: '4' },
  serve: { kind: 'boolean' },
  port: { kind: 'string', example: '8080' },
  force: { kind: 'boolean' },
  name: { kind: 'string', example: '"Samordningsförbundet Exempel"' },
  year: { kind: 'string', example: '2027' },
  members: { kind: 'string', example: '"Försäkringskassan, Arbetsförmedlingen, Region X, X kommun"' },
  to: { kind: 'string', example: 'yaml' },
  rebuild: { kind: 'boolean' },
  help: { kind: 'boolean', short: 'h' },
  version: { kind: 'boolean', short: 'v' },
} satisfies Record<string, OptionSpec>;

export type OptionName = keyof typeof OPTIONS;
export type Values = { [K in OptionName]?: (typeof OPTIONS)[K]['kind'] extends 'string' ? string : boolean };

/** The flags each command uses; any other flag is refused with the command's name. */
export const COMMAND_OPTIONS: Record<string, OptionName[]> = {
  build: ['out', 'html', 'browser', 'theme', 'pdfa', 'jobs', 'web'],
  validate: [],
  watch: ['out', 'theme', 'browser', 'serve', 'port', 'archive'],
  diff: ['appendix', 'out', 'archive', 'browser', 'theme'],
  archive: ['archive', 'browser', 'force', 'rebuild'],
  schema: ['out'],
  init: ['name', 'year', 'members'],
  convert: ['to', 'out'],
  next: ['out'],
  'export-budget': [],
  'import-budget': ['out'],
  import: ['out'],
  help: [],
};

const ALWAYS: OptionName[] = ['help', 'version'];
const names = Object.keys(OPTIONS) as OptionName[];
const isName = (name: string): name is OptionName => (names as string[]).includes(name);

function suggestion(name: string, allowed: OptionName[]): string {
  const hint = suggest(name, allowed);
  return hint ? ` – menade du --${hint}?` : '';
}

export interface ParsedCommandLine {
  command: string | undefined;
  args: string[];
  values: Values;
}

/** Parses argv; throws UsageError (exit 2) in Swedish for an unknown flag, a missing value or a flag the command does not use. */
export function parseCommandLine(argv: string[]): ParsedCommandLine {
  const options = Object.fromEntries(
    names.map((name) => {
      const spec: OptionSpec = OPTIONS[name];
      return [name, spec.short ? { type: spec.kind, short: spec.short } : { type: spec.kind }];
    }),
  );
  const { positionals, tokens } = parseArgs({ args: argv, options, allowPositionals: true, strict: false, tokens: true });
  const [command, ...args] = positionals;
  const allowed = command !== undefined && COMMAND_OPTIONS[command] ? [...COMMAND_OPTIONS[command]!, ...ALWAYS] : names;
  const values: Record<string, string | boolean> = {};
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const flag = token.rawName;
    if (!isName(token.name)) {
      throw new UsageError(`okänd flagga ${flag}${suggestion(token.name, allowed)}`);
    }
    const spec: OptionSpec = OPTIONS[token.name];
    if (!allowed.includes(token.name)) {
      throw new UsageError(`kommandot ${command} använder inte --${token.name}`);
    }
    if (spec.kind === 'string') {
      const value = token.value;
      if (value === undefined || value === '' || (token.inlineValue !== true && /^-/.test(value) && isName(value.replace(/^-+/, '').split('=')[0]!))) {
        throw new UsageError(`--${token.name} behöver ett värde: skriv --${token.name} ${spec.example ?? 'värde'}`);
      }
      if (values[token.name] !== undefined) throw new UsageError(`--${token.name} är angiven två gånger; ange den en gång`);
      values[token.name] = value;
    } else {
      if (token.value !== undefined) throw new UsageError(`--${token.name} tar inget värde: skriv bara --${token.name}`);
      values[token.name] = true;
    }
  }
  return { command, args, values: values as Values };
}
