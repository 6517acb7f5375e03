// vplan schema: the plan format's JSON Schema, built from the zod schema only when asked for.
import { planJsonSchema } from '../load/jsonSchema.js';
import { writeFileAtomic } from '../output.js';
import { refuseInArchive } from '../guard.js';
import { UsageError } from './report.js';

export async function commandSchema(args: string[], options: { out: string | undefined }): Promise<number> {
  if (args.length > 0) throw new UsageError('vplan schema tar inga filer; skriv schemat till en fil med --out plan.schema.json');
  const text = `${JSON.stringify(planJsonSchema(), null, 2)}\n`;
  if (options.out) {
    await refuseInArchive(options.out, '--out', undefined, 'schemat', 'plan.schema.json');
    await writeFileAtomic(options.out, text);
    process.stdout.write(`Schemat skrevs till ${options.out}.\n`);
  } else process.stdout.write(text);
  return 0;
}
