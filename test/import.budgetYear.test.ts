// vplan import: a budget year that neither the title nor a budget table gives is read from the text, from
// the year it names with words about the plan ("verksamhetsåret 2027", "budgeten för 2027", "under 2027"),
// not from the first year-like number in it ("lag (2003:1210)", a founding date); the guess is listed.
import { describe, expect, it } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { importHtml } from '../src/import/importDocx.js';
import { yearOnlyInText } from './helpers/docxFixtures.js';
import { pdftotext } from './helpers/pdfText.js';
import { useTempDir } from './helpers/tempDir.js';
import { runVplan } from './helpers/cli.js';

const dir = useTempDir('vplan-import-year');
const vplan = (...args: string[]) => runVplan(dir(), ...args);

const CHECK = ' – kontrollera document.budgetYear i plan.yaml';

/** The budget year and its note for a plan whose title and budget say no year, imported on 1 September 2026. */
function yearOf(text: string): { budgetYear: unknown; note: string | undefined } {
  const { plan, notes } = importHtml(`<h1 class="title">Verksamhetsplan</h1><h1>Om</h1>${text}`, new Date('2026-09-01'));
  const document = plan.document as { budgetYear?: unknown };
  return { budgetYear: document.budgetYear, note: notes.map((n) => n.message).find((m) => m.startsWith('budgetåret')) };
}

describe('vplan import: the budget year from the text', () => {
  it('skips the law’s number and the founding date, and takes the year named with words about the plan', async () => {
    await writeFile(path.join(dir(), 'plan.docx'), await yearOnlyInText());
    const result = await vplan('import', 'plan.docx', '--out', 'plan');
    expect(result.stderr).not.toMatch(/at .*\.js:\d+/);
    expect(result.code).toBe(0);
    const yaml = await readFile(path.join(dir(), 'plan', 'plan.yaml'), 'utf8');
    expect(yaml).toContain('budgetYear: 2027\n');
    expect(yaml).toContain('title: Verksamhetsplan 2027\n');
    expect(result.stderr).toContain(
      'kontrollera: plan.yaml: budgetåret kunde inte läsas ur titeln eller budgeten; 2027 är en gissning ur texten, som nämner 2027 med ord om planen 3 gånger (först "Under 2027"); årtal i lag- och diarienummer, datum och perioder räknades inte' +
        CHECK,
    );
    expect(result.stderr).toContain('kontrollera: plan.yaml: dokumentet har ingen titel; titeln blev "Verksamhetsplan 2027"');

    const built = await vplan('build', 'plan', '--out', 'plan.pdf');
    expect(built.code).toBe(0);
    const stdout = await pdftotext(path.join(dir(), 'plan.pdf'));
    expect(stdout).toContain('Verksamhetsplan 2027');
    expect(stdout).not.toMatch(/Verksamhetsplan (2003|2007)/);
  }, 60_000);

  it('weighs the budget and the year of the business above "under", and takes the latest of equals', () => {
    expect(yearOf('<p>Under 2025 startade projektet. Budgeten för 2026 och verksamhetsåret 2026.</p><p>Under 2025 och under 2025 igen.</p>')).toMatchObject({ budgetYear: 2026 });
    expect(yearOf('<p>Under 2025 genomfördes en kartläggning. Under 2026 ska insatsen prövas.</p>')).toMatchObject({ budgetYear: 2026 });
    expect(yearOf('<p>Planen bygger på 2027 års budget.</p>').note).toContain('2027 är en gissning ur texten, som nämner 2027 med ord om planen en gång (först "2027 års budget")' + CHECK);
  });

  it('without words about the plan, takes the year named most often near the latest, not the founding year', () => {
    const { budgetYear, note } = yearOf('<p>Förbundet bildades 2007. Sedan 2011 ingår Habo. Projektet startade 2025 och utvärderas 2026, och rapporten kommer 2026.</p>');
    expect(budgetYear).toBe(2026);
    expect(note).toBe('budgetåret kunde inte läsas ur titeln eller budgeten; 2026 är en gissning ur texten, det år den nämner oftast (2 gånger), utan ord om planen (först "2025 och utvärderas 2026")' + CHECK);
  });

  it('takes next year when the text names only numbers that are no budget year', () => {
    const { budgetYear, note } = yearOf('<p>Enligt lag (2003:1210), SFS 2003:1210 och prop. 2002/03:132, dnr 2024/11, beslutat 17 november 2025, bildat 2007-10-30, för 2026–2028, mot Agenda 2030, 2050 tkr, under 2040.</p>');
    expect(budgetYear).toBe(2027);
    expect(note).toBe('budgetåret kunde inte läsas ur titeln eller budgeten, och texten nämner inget år som kan vara budgetåret; 2027 (nästa år) är en gissning' + CHECK);
  });
});
