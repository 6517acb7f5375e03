// Mistakes a new user made writing a YAML plan or a plan folder (a trial with Norra Dalarna): each is
// one message that names the mistake and what to write, in the form the plan is written in.
import { describe, expect, it } from 'vitest';
import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { planError } from './helpers/planError.js';
import { useTempDir } from './helpers/tempDir.js';

const dir = useTempDir('vplan-hints');

async function folder(): Promise<string> {
  const target = path.join(dir(), 'plan');
  await cp('data/botkyrka-huddinge-salem-2018', target, { recursive: true });
  return target;
}

async function edit(file: string, change: (text: string) => string): Promise<void> {
  const text = await readFile(file, 'utf8');
  const changed = change(text);
  expect(changed).not.toBe(text);
  await writeFile(file, changed);
}

/** The errors of a message, one a line, without its heading. */
const reported = (text: string) => text.split('\n').slice(1).filter(Boolean);

describe('a section file whose header has no closing "---"', () => {
  it('is one error naming the file and the opening line, not a missing title', async () => {
    const plan = await folder();
    const file = path.join(plan, 'avsnitt', '05-arbetsorganisation.md');
    await edit(file, (text) => text.replace(/\n---\n/, '\n\n'));
    const text = await planError(plan);
    expect(reported(text)).toEqual([
      expect.stringMatching(/avsnitt\/05-arbetsorganisation\.md:1:1 huvudet som börjar med --- på rad 1 har ingen avslutande rad "---": skriv en rad med bara --- efter huvudets sista nyckel, före texten$/),
    ]);
  });
});
