// vplan import: the Word budget table's sum rows are left out (vplan computes them) and compared with
// vplan's sums for the imported budget; each figure that differs is a warning with both figures.
import { describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { checkPlan } from '../src/build.js';
import { handTypedSums } from './helpers/docxBudgetFixtures.js';
import { useTempDir } from './helpers/tempDir.js';
import { runVplan } from './helpers/cli.js';

const dir = useTempDir('vplan-import-sums');
const vplan = (...args: string[]) => runVplan(dir(), ...args);

const LEFT_OUT = 'kontrollera: avsnitt/02-budget.md: budgettabellens summarader räknar vplan själv och de togs inte med: "Summa intäkter", "Summa kansli", "Delsumma insatser", "Summa kostnader", "Resultat"';

describe('vplan import: the Word table\'s sums against vplan\'s', () => {
  it('warns of each sum the Word table has wrong, naming the row, the column and both figures', async () => {
    await writeFile(path.join(dir(), 'fel.docx'), await handTypedSums(4055));
    const result = await vplan('import', 'fel.docx', '--out', 'fel');
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`${LEFT_OUT}; 3 av 15 belopp i dem skiljer sig från vplans (varningarna nedan)\n`);
    const words = result.stderr.split('\n').filter((l) => l.includes('i Word-filen'));
    expect(words).toEqual([
      '  varning: avsnitt/02-budget.md: Delsumma insatser, Budget 2026: 4 055 i Word-filen, 4 155 summerat av vplan',
      '  varning: avsnitt/02-budget.md: Summa kostnader, Budget 2026: 5 100 i Word-filen, 5 200 summerat av vplan',
      '  varning: avsnitt/02-budget.md: Resultat, Budget 2026: −100 i Word-filen, −200 räknat av vplan',
    ]);
    // vplan's own figures stand, and the deficit the Word table hid is told.
    expect(result.stderr).toContain('planerat underskott i Budget 2026: kostnaderna överstiger årets intäkter med 200 tkr');
    // "Summa kansli" under the heading "Kansli" is that group's delsumma, as "Delsumma insatser" is its group's.
    const { plan } = await checkPlan(path.join(dir(), 'fel'));
    const subtotals = plan.budget!.table.rows.filter((r) => r.kind === 'subtotal').map((r) => [r.label, r.cells]);
    expect(subtotals).toEqual([
      ['Summa kansli', [1010, 1045, 1065]],
      ['Delsumma insatser', [3790, 4155, 3935]],
    ]);
  }, 30_000);

  it('says in one line that the sums agree when they do', async () => {
    await writeFile(path.join(dir(), 'rätt.docx'), await handTypedSums(4155));
    const result = await vplan('import', 'rätt.docx', '--out', 'ratt');
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`${LEFT_OUT}; beloppen i dem stämmer med vplans (15 belopp)\n`);
    expect(result.stderr).not.toContain('i Word-filen');
  }, 30_000);
});
