// vplan import: the front page of a Word plan. The förbund's name may stand in Word's Title style
// (Rubrik) and the plan's title and year in another paragraph; what is only a guess is listed under Kontrollera.
import { describe, expect, it } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildPlan, checkPlan, PrintSession } from '../src/build.js';
import { importHtml } from '../src/import/importDocx.js';
import { HeadingLevel, Paragraph, TextRun } from 'docx';
import { h, nameInTitleStyle, nameInTitleStyleOnly, p, pack } from './helpers/docxFixtures.js';
import { pdftotext } from './helpers/pdfText.js';
import { placedText } from './helpers/pdfPositions.js';
import { useTempDir } from './helpers/tempDir.js';
import { runVplan } from './helpers/cli.js';

const dir = useTempDir('vplan-import-front');
const vplan = (...args: string[]) => runVplan(dir(), ...args);

/** The document's notes (trail []), as the CLI words them after "plan.yaml: ". */
function documentNotes(html: string): { document: Record<string, unknown>; notes: string[] } {
  const { plan, notes } = importHtml(html, new Date('2026-09-01'));
  return { document: plan.document as Record<string, unknown>, notes: notes.filter((n) => n.trail.length === 0).map((n) => n.message) };
}

const NO_BUDGET = 'ingen tabell kunde läsas som budget (en första rad med "Budget 2025", "Plan 2026" … och belopp i cellerna); planen har ingen budget';

const budgetTable = (...years: number[]) =>
  `<p>Belopp i kr.</p><table><tr><td></td>${years.map((y) => `<td>Budget ${y}</td>`).join('')}</tr>` +
  `<tr><td>Intäkter</td>${years.map(() => '<td></td>').join('')}</tr><tr><td>Medlemsbidrag</td>${years.map(() => '<td>100</td>').join('')}</tr>` +
  `<tr><td>Kostnader</td>${years.map(() => '<td></td>').join('')}</tr><tr><td>Kansli</td>${years.map(() => '<td>100</td>').join('')}</tr></table>`;

describe('vplan import: the front page', () => {
  it('reads the name from the Title style and the title and year from the paragraph that says them', async () => {
    await writeFile(path.join(dir(), 'finsam.docx'), await nameInTitleStyle());
    const result = await vplan('import', 'finsam.docx', '--out', 'finsam');
    expect(result.code).toBe(0);
    const { plan, warnings } = await checkPlan(path.join(dir(), 'finsam'));
    expect(plan.document.associationName).toBe('Samordningsförbundet Finsam Exempel');
    expect(plan.document.title).toBe('Verksamhetsplan med budget 2027 och plan 2028–2029');
    expect(plan.document.budgetYear).toBe(2027);
    expect(plan.document.planYears).toEqual([2028]);
    expect(plan.document.dnr).toBe('2026:14 / 3');
    expect(plan.document.preface).toBeUndefined();
    expect(warnings.map((w) => w.message)).not.toContainEqual(expect.stringContaining('budgetåret'));
    // Nothing about the front page had to be guessed, so nothing about it is listed.
    expect(result.stderr).not.toMatch(/kontrollera: plan\.yaml: .*(titel|budgetåret|förbundets namn|titelsidan)/);
    expect(await readFile(path.join(dir(), 'finsam', 'plan.yaml'), 'utf8')).toContain('budgetYear: 2027\n');

    const session = new PrintSession();
    try {
      const out = path.join(dir(), 'finsam.pdf');
      await buildPlan(path.join(dir(), 'finsam'), out, session);
      const front = await pdftotext(out, { layout: false, pages: [1, 1] });
      expect(front).toContain('Samordningsförbundet Finsam Exempel');
      expect(front.replace(/\s+/g, ' ')).toContain('Verksamhetsplan med budget 2027 och plan 2028–2029');
    } finally {
      await session.close();
    }
  }, 60_000);

  it('lists the title and the year under Kontrollera when the Title style holds only the name', async () => {
    await writeFile(path.join(dir(), 'namn.docx'), await nameInTitleStyleOnly());
    const result = await vplan('import', 'namn.docx', '--out', 'namn');
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(
      'kontrollera: plan.yaml: dokumentet har ingen titel (formatmallen Rubrik har förbundets namn, "Finsamförbundet Exempel"); titeln blev "Verksamhetsplan 2026" – kontrollera document.title i plan.yaml',
    );
    expect(result.stderr).toContain(
      'kontrollera: plan.yaml: budgetåret står inte i titeln, och budgettabellen har flera budgetkolumner (2026, 2027); budgetåret blev 2026 – kontrollera document.budgetYear i plan.yaml',
    );
    expect(result.stderr).not.toContain('förbundets namn stod inte i dokumentet');
    const { plan } = await checkPlan(path.join(dir(), 'namn'));
    expect(plan.document.associationName).toBe('Finsamförbundet Exempel');
    expect(plan.document.title).toBe('Verksamhetsplan 2026');
    expect(plan.document.budgetYear).toBe(2026);
  }, 30_000);

  it('splits a Title-style paragraph into the name and the title at a manual line break', () => {
    const { document, notes } = documentNotes('<h1 class="title">Samordningsförbundet Exempel<br />Verksamhetsplan 2027</h1><h1>Inledning</h1><p>Text.</p>');
    expect(document).toMatchObject({ association: { name: 'Samordningsförbundet Exempel' }, title: 'Verksamhetsplan 2027', budgetYear: 2027 });
    expect(notes).toEqual([NO_BUDGET]);
  });

  it('takes the title from a first heading that names the plan, and says which of its years became the budget year', () => {
    const { document, notes } = documentNotes('<h1 class="title">FINNVEDENS SAMORDNINGSFÖRBUND</h1><h1>Verksamhetsplan 2025–2027</h1><h1>Inledning</h1><p>Text.</p>');
    expect(document).toMatchObject({ association: { name: 'FINNVEDENS SAMORDNINGSFÖRBUND' }, title: 'Verksamhetsplan 2025–2027', budgetYear: 2025 });
    expect(notes).toEqual(['titeln nämner flera år (2025, 2027); budgetåret blev 2025 – kontrollera document.budgetYear i plan.yaml', NO_BUDGET]);
  });

  it('reads the year from "med budget 2025" in the subtitle, and a name in the Subtitle style as the name', () => {
    const planTitle = documentNotes('<h1 class="title">Verksamhetsplan 2025</h1><p>med budget 2025 och plan 2026–2027</p><h1>Inledning</h1><p>Text.</p>');
    expect(planTitle.document).toMatchObject({ title: 'Verksamhetsplan 2025', subtitle: 'med budget 2025 och plan 2026–2027', budgetYear: 2025 });
    expect(planTitle.notes.filter((n) => /budgetåret|titel/.test(n))).toEqual([]);

    const subtitleName = documentNotes('<h1 class="title">Verksamhetsplan 2026</h1><p class="subtitle">Samordningsförbundet Exempel</p><h1>Inledning</h1><p>Text.</p>');
    expect(subtitleName.document).toMatchObject({ association: { name: 'Samordningsförbundet Exempel' }, title: 'Verksamhetsplan 2026' });
    expect(subtitleName.document.subtitle).toBeUndefined();
    expect(subtitleName.notes).toEqual([NO_BUDGET]);
  });

  it('takes the line right under the title as the subtitle when it goes on from the title ("med plan 2027–2028")', async () => {
    // As the new-user trial's plan: the name in the Title style, the title in a large bold paragraph, and
    // the subtitle in a plain one under it.
    const docx = await pack([
      new Paragraph({ text: 'Samordningsförbundet Västra Skaraborg', heading: HeadingLevel.TITLE }),
      new Paragraph({ children: [new TextRun({ text: 'Verksamhetsplan med budget 2026', bold: true, size: 40 })] }),
      p('med plan 2027–2028'),
      p('Dnr 2025/17'),
      h('Inledning', HeadingLevel.HEADING_1),
      p('Förbundet stöder samordnade insatser.'),
    ]);
    await writeFile(path.join(dir(), 'underrubrik.docx'), docx);
    const result = await vplan('import', 'underrubrik.docx', '--out', 'underrubrik');
    expect(result.code).toBe(0);
    expect(result.stderr).not.toContain('titelsidan');
    const { plan } = await checkPlan(path.join(dir(), 'underrubrik'));
    expect(plan.document).toMatchObject({ title: 'Verksamhetsplan med budget 2026', subtitle: 'med plan 2027–2028', budgetYear: 2026, dnr: '2025/17' });
    expect(plan.document.preface).toBeUndefined();
    const session = new PrintSession();
    try {
      const out = path.join(dir(), 'underrubrik.pdf');
      await buildPlan(path.join(dir(), 'underrubrik'), out, session);
      const [front] = await placedText(new Uint8Array(await readFile(out)));
      const at = (text: string) => front!.items.find((i) => i.text === text)!;
      const centre = (text: string) => at(text).x + at(text).width / 2;
      // On the title page under the title, centred as it is.
      expect(Math.abs(centre('med plan 2027–2028') - centre('Verksamhetsplan med budget 2026'))).toBeLessThan(1);
      expect(at('Verksamhetsplan med budget 2026').y - at('med plan 2027–2028').y).toBeLessThan(60);
    } finally {
      await session.close();
    }
  }, 60_000);

  it('reads a subtitle by its words only among the first lines after the title, short and on one line', () => {
    const front = (lines: string) => documentNotes(`<h1 class="title">Verksamhetsplan 2027</h1>${lines}<h1>Inledning</h1><p>Text.</p>`).document;
    expect(front('<p>Budget och plan 2027–2029</p>')).toMatchObject({ subtitle: 'Budget och plan 2027–2029', budgetYear: 2027 });
    expect(front('<p>Samordningsförbundet Exempel</p><p>Budget 2027 och plan 2028–2029</p>').subtitle).toBe('Budget 2027 och plan 2028–2029');
    expect(front('<p class="subtitle">Plan för 2027–2029</p>').subtitle).toBe('Plan för 2027–2029');
    // After other text on the front page, or a sentence, it is no subtitle.
    expect(front('<p>Förbundets styrelse har antagit planen.</p><p>med plan 2028–2029</p>')).toMatchObject({ preface: 'Förbundets styrelse har antagit planen.\n\nmed plan 2028–2029' });
    const sentence = 'Med plan och budget följer förbundet upp vad medlemmarna har beslutat om insatserna under året.';
    expect(front(`<p>${sentence}</p>`)).toMatchObject({ preface: sentence });
    expect(front(`<p>${sentence}</p>`).subtitle).toBeUndefined();
  });

  it('prefers a paragraph that names the plan to a Title-style motto, which stays on the front page', () => {
    const { document, notes } = documentNotes('<h1 class="title">Plats för alla!</h1><p>Verksamhetsplan 2026</p><p>Samordningsförbundet Exempel</p><h1>Inledning</h1><p>Text.</p>');
    expect(document).toMatchObject({ association: { name: 'Samordningsförbundet Exempel' }, title: 'Verksamhetsplan 2026', budgetYear: 2026, preface: 'Plats för alla!' });
    expect(notes).toContain('texten före första rubriken står på titelsidan (document.preface i plan.yaml) – kontrollera den');
  });

  it('guesses a name from the text within one paragraph, not across a heading and the paragraph under it', () => {
    const { document, notes } = documentNotes(
      '<p>Förslag till</p><p>Verksamhetsplan 2025</p><p>med budget 2025 och plan 2026–2027</p><h1>1. Inledning</h1><p>Finnvedens Samordningsförbund arbetar enligt lag.</p>',
    );
    expect(document).toMatchObject({ association: { name: 'Finnvedens Samordningsförbund' }, title: 'Verksamhetsplan 2025', budgetYear: 2025 });
    expect(notes).toContain('förbundets namn är gissat ur texten: "Finnvedens Samordningsförbund" – kontrollera document.association.name i plan.yaml');
  });

  it('lists a Title-style title that names no plan, and a title year that is no budget column', () => {
    const other = documentNotes(`<h1 class="title">Mål och inriktning</h1><p>Samordningsförbundet Exempel</p><h1>Ekonomi</h1>${budgetTable(2027)}`);
    expect(other.document).toMatchObject({ title: 'Mål och inriktning', budgetYear: 2027 });
    expect(other.notes).toEqual([
      'titeln "Mål och inriktning" (formatmallen Rubrik) säger inte att det är en verksamhetsplan – kontrollera document.title i plan.yaml',
      'budgetåret står inte i titeln; 2027 togs ur budgettabellens kolumn "Budget 2027" – kontrollera document.budgetYear i plan.yaml',
    ]);

    const stale = documentNotes(`<h1 class="title">Verksamhetsplan 2027</h1><p>Samordningsförbundet Exempel</p><h1>Ekonomi</h1>${budgetTable(2026)}`);
    expect(stale.document.budgetYear).toBe(2027);
    expect(stale.notes).toEqual([
      'budgetåret 2027 (ur titeln) har ingen kolumn i budgettabellen, som har Budget 2026 – kontrollera document.budgetYear i plan.yaml och budgettabellens kolumner (budget.columns)',
    ]);
  });
});
