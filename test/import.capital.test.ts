// vplan import: rows of the förbund's own capital in a Word budget table are no income or cost rows.
// The opening capital becomes budget.capital.opening, the closing one is computed by vplan and compared
// with the table's like a sum row; what was done with each row is listed.
import { describe, expect, it } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildPlan, checkPlan, PrintSession } from '../src/build.js';
import { readBudgetTable } from '../src/import/budgetTable.js';
import { balancedCapital, capitalRows, capitalUsedAsIncome } from './helpers/docxBudgetFixtures.js';
import { pdftotext } from './helpers/pdfText.js';
import { useTempDir } from './helpers/tempDir.js';
import { runVplan } from './helpers/cli.js';

const dir = useTempDir('vplan-import-capital');
const vplan = (...args: string[]) => runVplan(dir(), ...args);
const at = 'kontrollera: avsnitt/02-budget.md: ';

async function pdfText(folder: string): Promise<string> {
  const session = new PrintSession();
  try {
    const out = path.join(dir(), `${folder}.pdf`);
    await buildPlan(path.join(dir(), folder), out, session);
    return await pdftotext(out);
  } finally {
    await session.close();
  }
}

describe('vplan import: the förbund\'s capital in the budget table', () => {
  it('makes "Ingående eget kapital" the opening capital and compares "Utgående eget kapital" with vplan\'s', async () => {
    await writeFile(path.join(dir(), 'kapital.docx'), await capitalRows());
    const result = await vplan('import', 'kapital.docx', '--out', 'kapital');
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(
      `${at}raden "Ingående eget kapital" är förbundets ingående kapital, inte en intäkt eller kostnad: den blev budget.capital.opening och står sist bland intäkterna (capital.placement: last), och Summa tillgångar räknar med den; resultatet räknas utan den\n`,
    );
    expect(result.stderr).toContain(`${at}raden "Utgående eget kapital" är förbundets utgående kapital, som vplan räknar själv (ingående kapital + årets resultat), så den togs inte med utan jämförs som summaraderna\n`);
    // The Word table's "Summa intäkter" counted the capital: it is vplan's Summa tillgångar, and agrees.
    expect(result.stderr).toContain(`${at}budgettabellens summarader räknar vplan själv och de togs inte med: "Summa intäkter", "Summa kostnader", "Resultat", "Utgående eget kapital"; beloppen i dem stämmer med vplans (12 belopp)\n`);
    // The deficit the capital row hid (Resultat 0) is told.
    expect(result.stderr).toContain('planerat underskott i Budget 2026: kostnaderna överstiger årets intäkter med 200 tkr');
    expect(await readFile(path.join(dir(), 'kapital', 'plan.yaml'), 'utf8')).toContain(
      '  capital:\n    label: Ingående eget kapital\n    placement: last\n    opening:\n      prognos2025: 1350\n      budget2026: 1150\n      plan2027: 950\n',
    );
    const { plan } = await checkPlan(path.join(dir(), 'kapital'));
    expect(plan.budget!.totals).toMatchObject({ costs: [5200, 5200, 5000], result: [-200, -200, 0], closingCapital: [1150, 950, 950] });
    const text = await pdfText('kapital');
    expect(text).toMatch(/Ingående eget kapital\s+1 350\s+1 150\s+950/);
    expect(text).toMatch(/Summa tillgångar\s+6 350\s+6 150\s+5 950/);
    expect(text).toMatch(/Summa kostnader\s+5 200\s+5 200\s+5 000/);
    expect(text).toMatch(/Resultat\s+−200\s+−200\s+0/);
    expect(text).not.toContain('Utgående eget kapital');
  }, 60_000);

  it('warns when the closing capital in the Word table is not what the table\'s figures give', async () => {
    await writeFile(path.join(dir(), 'fel.docx'), await capitalRows('1 050'));
    const result = await vplan('import', 'fel.docx', '--out', 'fel');
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('; 1 av 12 belopp i dem skiljer sig från vplans (varningarna nedan)\n');
    expect(result.stderr).toContain('  varning: avsnitt/02-budget.md: Utgående eget kapital, Budget 2026: 1 050 i Word-filen, 950 räknat av vplan\n');
  }, 30_000);

  it('keeps a table that counts "Balanserat resultat" as income in the balance convention', async () => {
    await writeFile(path.join(dir(), 'balans.docx'), await balancedCapital());
    const result = await vplan('import', 'balans.docx', '--out', 'balans');
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`${at}raden "Balanserat resultat" är förbundets ingående kapital och blev budget.capital.opening; tabellen räknar den bland intäkterna och har ingen resultatrad, så budgeten ställs upp så (budget.convention: balance), med det utgående kapitalet sist\n`);
    expect(result.stderr).toContain('  varning: avsnitt/02-budget.md: Prel balanserat resultat, Plan 2027: 638 i Word-filen, 628 räknat av vplan\n');
    expect(result.stderr).toContain('"Summa intäkter/tillgångar", "Summa kostnader", "Prel balanserat resultat"; 1 av 6 belopp i dem skiljer sig från vplans');
    const { loaded } = await checkPlan(path.join(dir(), 'balans'));
    const budget = (loaded.parsed.value as { budget: Record<string, unknown> }).budget;
    expect(budget).toMatchObject({ convention: 'balance', capital: { label: 'Balanserat resultat', opening: { budget2026: 1832, plan2027: 1025 } } });
    expect((budget.income as { rows: { label: string }[] }).rows.map((r) => r.label)).toEqual(['Staten', 'Kommunerna']);
    const text = await pdfText('balans');
    expect(text).toMatch(/Balanserat resultat\s+1 832\s+1 025/);
    expect(text).toMatch(/Summa intäkter\/tillgångar\s+6 852\s+6 045/);
    expect(text).toMatch(/Prel balanserat resultat\s+1 025\s+628/);
  }, 60_000);

  it('warns about saved capital used as an income row: vplan\'s closing capital would be too high', async () => {
    await writeFile(path.join(dir(), 'nyttjande.docx'), await capitalUsedAsIncome());
    const result = await vplan('import', 'nyttjande.docx', '--out', 'nyttjande');
    expect(result.code).toBe(0);
    // The table's closing capital subtracts the use; vplan's, with the row as income, does not.
    expect(result.stderr).toContain('  varning: avsnitt/02-budget.md: Utgående eget kapital, Budget 2026: 800 i Word-filen, 1 000 räknat av vplan\n');
    expect(result.stderr).toMatch(/ {2}varning: nyttjande\/plan\.yaml:\d+:\d+ budget\.income\.rows\[1\]: raden "Nyttjande av eget kapital" är förbundets sparade kapital som används, inte en intäkt/);
    // Removing the row, as the warning says, gives the table's own closing capital and the deficit.
    const file = path.join(dir(), 'nyttjande', 'plan.yaml');
    const yaml = await readFile(file, 'utf8');
    const row = /\n {6}- label: Nyttjande av eget kapital\n(?: {8}.*\n)+/.exec(yaml);
    expect(row).not.toBeNull();
    await writeFile(file, yaml.replace(row![0], '\n'));
    const { plan, warnings } = await checkPlan(path.join(dir(), 'nyttjande'));
    expect(plan.budget!.totals).toMatchObject({ result: [-200], closingCapital: [800] });
    expect(warnings.map((w) => w.code)).not.toContain('capitalUse:Nyttjande av eget kapital');
  }, 30_000);

  it('tells opening from closing capital by the words, and a bare "Eget kapital" by its place', () => {
    const read = (...extra: string[][]) => {
      const rows = [['', 'Budget 2026'], ['Intäkter', ''], ['Medlemsbidrag', '100'], ...extra];
      const out = readBudgetTable(rows, 'tkr');
      if ('reason' in out) throw new Error(out.reason);
      return out;
    };
    // After Summa intäkter, before the costs: the opening capital, in a group of its own.
    const group = read(['Summa intäkter', '100'], ['Eget kapital', '40'], ['Kostnader', ''], ['Kansli', '120'], ['Resultat', '-20'], ['Eget kapital', '20']);
    expect(group.budget.capital).toEqual({ label: 'Eget kapital', placement: 'group', opening: { budget2026: 40 } });
    expect(group.budget.costs.rows).toEqual([{ label: 'Kansli', values: [120] }]);
    expect(group.sums.map((s) => [s.label, s.target?.kind])).toEqual([['Summa intäkter', 'income'], ['Resultat', 'result'], ['Eget kapital', 'closingCapital']]);
    // Under the costs, an opening capital stays out of the table (no placement, no label).
    const below = read(['Kostnader', ''], ['Kansli', '120'], ['Ingående balans', '40'], ['Utgående balans', '20']);
    expect(below.budget.capital).toEqual({ opening: { budget2026: 40 } });
    expect(below.notes).toContain('raden "Ingående balans" är förbundets ingående kapital, inte en intäkt eller kostnad: den blev budget.capital.opening och står inte i budgettabellen (capital.placement ställer den där); resultatet räknas utan den');
    // Two opening capitals: which is the förbund's cannot be told, so neither is taken, and neither is income.
    const two = read(['Ingående eget kapital', '40'], ['Balanserat resultat föreg år', '30'], ['Kostnader', ''], ['Kansli', '120']);
    expect(two.budget.capital).toBeUndefined();
    expect(two.budget.income.rows).toEqual([{ label: 'Medlemsbidrag', values: [100] }]);
    expect(two.notes).toContain('raderna "Ingående eget kapital", "Balanserat resultat föreg år" är ingående kapital, inte intäkter eller kostnader, och togs inte med; det går inte att se vilken av dem som är förbundets ingående kapital – skriv det i budget.capital.opening');
  });
});
