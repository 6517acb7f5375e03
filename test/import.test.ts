// vplan import: Word plans (.docx, built here with the docx package) become plan folders that validate
// and build; headings, Markdown, budget rows and the list of what to check are asserted on the written files.
import { describe, expect, it } from 'vitest';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { buildPlan, checkPlan, PrintSession } from '../src/build.js';
import { amount, readBudgetTable } from '../src/import/budgetTable.js';
import { importDocx, importHtml } from '../src/import/importDocx.js';
import { nordanstig2026, vatterbygden2013, footnoteBeforeSubsection, h, p, pack, table } from './helpers/docxFixtures.js';
import { pdftotext } from './helpers/pdfText.js';
import { useTempDir } from './helpers/tempDir.js';
import { runVplan } from './helpers/cli.js';

const dir = useTempDir('vplan-import');

const vplan = (...args: string[]) => runVplan(dir(), ...args);

const read = (...parts: string[]) => readFile(path.join(dir(), ...parts), 'utf8');


describe('vplan import', () => {
  it('reads a plan shaped like Södra Vätterbygden 2013 into a folder that validates and builds', async () => {
    await writeFile(path.join(dir(), 'plan-2013.docx'), await vatterbygden2013());
    const result = await vplan('import', 'plan-2013.docx', '--out', 'plan-2013');
    expect(result.stderr).not.toMatch(/at .*\.js:\d+/);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('plan-2013.docx → plan-2013: planmapp med 4 avsnitt och en budget');
    expect((await readdir(path.join(dir(), 'plan-2013', 'avsnitt'))).sort()).toEqual([
      '01-inledning.md',
      '02-samordningsforbundets-uppgifter.md',
      '03-vision-och-malsattning.md',
      '04-budget-2013-och-plan-2014.md',
    ]);
    // Numbers are vplan's own, so "1. Inledning" loses its "1."; bold, italic and the footnote are kept.
    expect(await read('plan-2013', 'avsnitt', '01-inledning.md')).toBe(
      '---\ntype: text\ntitle: Inledning\n---\n\nSamordningsförbundet har ett **unikt** uppdrag att stödja *samordnade* insatser.[^footnote1]\n\n' +
        'Förbundet bildades 2007-10-30 enligt lag (2003:1210) om finansiell samordning.\n\n[^footnote1]: Lag (2003:1210) om finansiell samordning.\n',
    );
    expect(await read('plan-2013', 'avsnitt', '02-samordningsforbundets-uppgifter.md')).toContain(
      '1. besluta om mål och riktlinjer för den finansiella samordningen,\n2. stödja samverkan mellan samverkansparterna\n',
    );
    const budgetSection = await read('plan-2013', 'avsnitt', '04-budget-2013-och-plan-2014.md');
    expect(budgetSection).toMatch(/^---\ntype: budget\ntitle: Budget 2013 och plan 2014\ntextAfter: \|-?\n {2}Kostnaderna för kansliet delas med Finnveden\.\n---\n\nBudgeten bygger på medlemmarnas bidrag\.\n$/);

    const { plan, loaded } = await checkPlan(path.join(dir(), 'plan-2013'));
    expect(plan.document.title).toBe('Verksamhetsplan 2013');
    expect(plan.document.associationName).toBe('Samordningsförbundet Södra Vätterbygden');
    expect(plan.document.dnr).toBe('2012:12 / 7');
    expect(plan.document.budgetYear).toBe(2013);
    // "(Verksamhetsplanen fastställdes av styrelsen 2012-11-26)": an adopted plan, not a förslag; the
    // paragraph goes, for vplan prints the decision itself.
    expect((loaded.parsed.value as { document: { status: unknown } }).document.status).toEqual({ state: 'fastställd', decisionDate: '2012-11-26', decisionBody: 'styrelsen' });
    expect(result.stderr).toContain('kontrollera: plan.yaml: texten säger att planen är antagen ("Verksamhetsplanen fastställdes av styrelsen 2012-11-26"), så den blev fastställd (document.status i plan.yaml) och stycket togs bort');
    expect(budgetSection).not.toContain('fastställdes');
    const value = loaded.parsed.value as { sections: { title: string; sections?: { title: string; text?: string }[] }[]; budget: unknown };
    expect(value.sections[2]!.sections!.map((s) => s.title)).toEqual(['Vision', 'Individmål']);
    expect(value.sections[2]!.sections![1]!.text).toBe('- Personer som fullföljer insatser ska ha förbättrad arbetsförmåga\n- Deltagarna ska uppleva att de fått stöd');
    const budget = value.budget as {
      unit: string;
      convention: string;
      columns: unknown[];
      income: { rows: { label: string }[]; sumLabel: string };
      costs: { rows: { heading: string; rows: { label: string }[] }[] };
      capital: unknown;
    };
    expect(budget.unit).toBe('kr');
    expect(budget.columns).toEqual([{ kind: 'budget', year: 2013 }, { kind: 'budget', year: 2014 }]);
    // "Balanserat resultat föreg år" is the förbund's opening capital, no income; the table counts it in
    // Summa intäkter and has no result row, as the balance convention does.
    expect(budget.income.rows.map((r) => r.label)).toEqual(['Habo kommun', 'Jönköpings kommun', 'Försäkringskassan']);
    expect(budget.capital).toEqual({ label: 'Balanserat resultat föreg år', opening: { budget2013: 727000, budget2014: 152200 } });
    expect([budget.convention, budget.income.sumLabel]).toEqual(['balance', 'Summa intäkter']);
    expect(budget.costs.rows.map((g) => [g.heading, g.rows.map((r) => r.label)])).toEqual([
      ['Verksamhet', ['KrAmi', 'Projekt Enter']],
      ['Administration', ['Kansli', 'Styrelse']],
    ]);
    expect(result.stderr).toContain('kontrollera: avsnitt/04-budget-2013-och-plan-2014.md: budgettabellens summarader räknar vplan själv och de togs inte med: "Summa intäkter", "Summa kostnader"');
    expect(result.stderr).toContain(
      'kontrollera: avsnitt/04-budget-2013-och-plan-2014.md: raden "Balanserat resultat föreg år" är förbundets ingående kapital och blev budget.capital.opening; tabellen räknar den bland intäkterna och har ingen resultatrad, så budgeten ställs upp så (budget.convention: balance)',
    );

    const validate = await vplan('validate', 'plan-2013');
    expect(validate.code).toBe(0);

    const session = new PrintSession();
    try {
      const out = path.join(dir(), 'plan-2013.pdf');
      await buildPlan(path.join(dir(), 'plan-2013'), out, session);
      const text = await pdftotext(out);
      // vplan's own sums equal the Word table's.
      expect(text).toMatch(/Balanserat resultat föreg år\s+727 000\s+152 200/);
      expect(text).toMatch(/Summa intäkter\s+3 301 700\s+2 726 900/);
      expect(text).toMatch(/Summa kostnader\s+3 149 500\s+2 698 000/);
      expect(text).toMatch(/Prel balanserat resultat\s+152 200\s+28 900/);
      expect(text).toMatch(/3\.2\s+Individmål/);
      expect(text).not.toMatch(/FÖRSLAG|Förslag till/);
      expect(text.match(/fastställdes av styrelsen/g)).toHaveLength(1);
    } finally {
      await session.close();
    }
  }, 60_000);

  it('reads the decision a plan tells of in its text, in the past tense only', () => {
    const statusOf = (text: string) => {
      const { plan } = importHtml(`<h1 class="title">Verksamhetsplan 2025</h1><h1>Om</h1><p>Text.</p><p>${text}</p>`, new Date('2025-01-01'));
      const [section] = plan.sections as { text?: string }[];
      return { status: (plan.document as { status: unknown }).status, text: section?.text };
    };
    expect(statusOf('Planen fastställdes av förbundsstyrelsen den 28 november 2024, § 34.')).toEqual({
      status: { state: 'fastställd', decisionDate: '2024-11-28', decisionBody: 'förbundsstyrelsen', paragraph: '§ 34' },
      text: 'Text.',
    });
    // A paragraph that says more stays; "beslutad" is the state vplan calls it.
    expect(statusOf('Budgeten beslutades av styrelsen 2024-11-20 och gäller från januari.')).toEqual({
      status: { state: 'beslutad', decisionDate: '2024-11-20', decisionBody: 'styrelsen' },
      text: 'Text.\n\nBudgeten beslutades av styrelsen 2024-11-20 och gäller från januari.',
    });
    // A decision to come, and a date that does not exist, are no decision.
    expect(statusOf('Planen fastställs av styrelsen 2024-11-28.').status).toEqual({ state: 'förslag' });
    expect(statusOf('Planen fastställdes av styrelsen 2024-11-31.').status).toEqual({ state: 'förslag' });
    // Nor are other decisions: a strategy's, an annual report's, last year's plan's.
    for (const other of [
      'Förbundets strategi 2024–2027 antogs av styrelsen den 14 mars 2024.',
      'Årsredovisningen för 2023 fastställdes av förbundsstyrelsen den 20 mars 2024, § 12.',
      'Verksamhetsplanen för 2024 fastställdes av styrelsen 2023-11-30.',
      'Planen fastställdes av styrelsen 2019-11-30.',
    ]) {
      expect(statusOf(other).status, other).toEqual({ state: 'förslag' });
    }
    // On the front page the decision needs no subject.
    const { plan } = importHtml('<h1 class="title">Verksamhetsplan 2025</h1><p>Fastställd av förbundsstyrelsen 2024-11-28</p><h1>Om</h1><p>Text.</p>', new Date('2025-01-01'));
    expect((plan.document as { status: unknown }).status).toEqual({ state: 'fastställd', decisionDate: '2024-11-28', decisionBody: 'förbundsstyrelsen' });
    expect((plan.document as { preface?: string }).preface).toBeUndefined();
  });

  it('reads a differently built plan (Title style, tkr, negative costs, Delsumma, a table that is no budget) and lists what to check', async () => {
    const file = path.join(dir(), 'nordanstig.docx');
    await writeFile(file, await nordanstig2026());
    const { plan, notes } = await importDocx(file);
    const document = plan.document as Record<string, unknown>;
    expect(document).toMatchObject({
      association: { name: 'Samordningsförbundet Norra Hälsingland' },
      title: 'Verksamhetsplan med budget 2026',
      budgetYear: 2026,
      planYears: [2027],
      status: { state: 'förslag' },
      preface: 'Förslag till förbundsstyrelsen',
    });
    const sections = plan.sections as { type: string; title: string; text?: string }[];
    expect(sections.map((s) => [s.type, s.title])).toEqual([
      ['text', 'Om förbundet'],
      ['text', 'Prioriteringar'],
      ['text', 'Bemanning'],
      ['budget', 'Ekonomi'],
    ]);
    expect(sections[1]!.text).toBe('Under året prioriteras:\n\n- Unga 16–29 år utan sysselsättning\n- Personer med psykisk ohälsa\n\nArbetet följs upp i **SUS** varje kvartal.');
    expect(sections[2]!.text).toBe('| Roll | Tjänst |\n| --- | --: |\n| Förbundschef | 100 % |\n| Processledare | 50 % |');
    expect(plan.budget).toEqual({
      unit: 'tkr',
      costSign: 'negative',
      columns: [
        { kind: 'utfall', year: 2024 },
        { kind: 'budget', year: 2026 },
        { kind: 'plan', year: 2027 },
      ],
      income: {
        rows: [
          { label: 'Medlemsbidrag staten', values: [2400, 2500, 2500] },
          { label: 'Medlemsbidrag region och kommuner', values: [2400, 2500, 2500] },
        ],
      },
      costs: {
        rows: [
          {
            subtotal: 'Delsumma verksamhet',
            rows: [
              { label: 'Insatser', values: [3100, 3400, 3450], varav: [{ label: 'varav nya insatser', values: [200, 400, null] }] },
              { label: 'Kansli', values: [1200, 1250, 1300] },
            ],
          },
          { label: 'Revision', values: [50, null, 60] },
        ],
      },
    });
    const messages = notes.map((n) => `${n.trail.join(' › ')}: ${n.message}`);
    expect(messages).toContain('Bemanning: en tabell kunde inte läsas som budget (kolumnrubriken "Tjänst" är inget år som "Budget 2025" eller "Plan 2026"); den står kvar som Markdown-tabell i texten – kontrollera den');
    expect(messages).toContain('Ekonomi: kolumnen "2027" säger inte om den är budget, prognos, utfall eller plan; den blev plan 2027 – kontrollera budget.columns');
    expect(messages).toContain(': förbundets namn är gissat ur texten: "Samordningsförbundet Norra Hälsingland" – kontrollera document.association.name i plan.yaml');

    const result = await vplan('import', 'nordanstig.docx', '--out', 'nordanstig');
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('kontrollera: avsnitt/03-bemanning.md: en tabell kunde inte läsas som budget');
    expect(result.stderr).toContain('kontrollera: plan.yaml: texten före första rubriken står på titelsidan');
    // The Word table's negative costs are compared as it writes them: its sums agree with vplan's.
    expect(result.stderr).toContain('kontrollera: avsnitt/04-ekonomi.md: budgettabellens summarader räknar vplan själv och de togs inte med: "Delsumma verksamhet", "Resultat"; beloppen i dem stämmer med vplans (6 belopp)');
    const session = new PrintSession();
    try {
      const out = path.join(dir(), 'nordanstig.pdf');
      await buildPlan(path.join(dir(), 'nordanstig'), out, session);
      const text = await pdftotext(out);
      expect(text).toMatch(/Delsumma verksamhet\s+−4 300\s+−4 650\s+−4 750/);
      expect(text).toMatch(/Resultat\s+450\s+350\s+190/);
      expect(text).toMatch(/Förbundschef\s+100 %/);
    } finally {
      await session.close();
    }
  }, 60_000);

  it('falls back to defaults with a warning when the document has no title, name, headings or budget', async () => {
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph('Vi arbetar för att fler ska komma i arbete under 2027.'),
            new Table({ rows: [new TableRow({ children: [new TableCell({ children: [new Paragraph('Mål')] }), new TableCell({ children: [new Paragraph('Antal')] })] })] }),
          ],
        },
      ],
    });
    const file = path.join(dir(), 'kort.docx');
    await writeFile(file, await Packer.toBuffer(doc));
    const result = await vplan('import', 'kort.docx', '--out', 'kort');
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('kontrollera: plan.yaml: dokumentet har inga rubriker');
    expect(result.stderr).toContain('kontrollera: plan.yaml: budgetåret kunde inte läsas ur titeln eller budgeten; 2027 är en gissning');
    expect(result.stderr).toContain('kontrollera: plan.yaml: dokumentet har ingen titel; titeln blev "Verksamhetsplan 2027"');
    expect(result.stderr).toContain('kontrollera: plan.yaml: förbundets namn stod inte i dokumentet');
    expect(result.stderr).toContain('kontrollera: plan.yaml: ingen tabell kunde läsas som budget');
    const { plan } = await checkPlan(path.join(dir(), 'kort'));
    expect(plan.document.title).toBe('Verksamhetsplan 2027');
    expect(plan.document.associationName).toBe('Samordningsförbundet');
    expect(plan.budget).toBeUndefined();
  }, 30_000);

  it('never writes over a folder, and says in Swedish when the file is no Word file', async () => {
    await writeFile(path.join(dir(), 'plan.docx'), await vatterbygden2013());
    await mkdir(path.join(dir(), 'finns'));
    await writeFile(path.join(dir(), 'finns', 'plan.yaml'), 'x: 1\n');
    const taken = await vplan('import', 'plan.docx', '--out', 'finns');
    expect(taken.code).toBe(1);
    expect(taken.stderr).toContain('--out finns: finns redan och är inte en tom mapp; vplan skriver inte över något.');
    expect(await read('finns', 'plan.yaml')).toBe('x: 1\n');

    await writeFile(path.join(dir(), 'trasig.docx'), 'inte en zip');
    const broken = await vplan('import', 'trasig.docx', '--out', 'ny');
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('trasig.docx: kunde inte läsas som en Word-fil (.docx).');
    expect(broken.stderr).not.toMatch(/at .*\.js:\d+/);

    const pdf = await vplan('import', 'plan.pdf', '--out', 'ny');
    expect(pdf.code).toBe(2);
    expect(pdf.stderr).toContain('vplan import läser Word-filer (.docx)');
    const noOut = await vplan('import', 'plan.docx');
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain('ange en ny mapp för planen');
  }, 30_000);

  it('reads the unit said above the table, and says when it says none or one a budget cannot have', () => {
    const rows = [
      ['Post', 'Budget 2025', 'Plan 2026'],
      ['Intäkter', '', ''],
      ['Medlemsbidrag', '3 100', '3 200'],
      ['Kostnader', '', ''],
      ['Kansli', '3 100', '3 200'],
    ];
    const unitOf = (hint: string) => {
      const read = readBudgetTable(rows, hint);
      if ('reason' in read) throw new Error(read.reason);
      return { unit: read.budget.unit, notes: read.notes };
    };
    for (const hint of ['Belopp i tkr.', 'Budgeten i tusentals kronor:', 'Belopp i tusental kronor.', 'Belopp i kkr.', 'Belopp (tusen kr)']) {
      expect(unitOf(hint), hint).toEqual({ unit: 'tkr', notes: [] });
    }
    expect(unitOf('Belopp i kronor.')).toEqual({ unit: 'kr', notes: [] });
    expect(unitOf('Belopp i miljoner kronor (mkr).').notes).toEqual([expect.stringContaining('tabellen anger miljoner kronor')]);
    expect(unitOf('Budget').notes).toEqual(['ingen enhet (kr eller tkr) står vid tabellen; beloppen lästes som hela kronor – kontrollera budget.unit']);
  });

  it('keeps a footnote with the section that cites it when a subsection follows', async () => {
    const file = path.join(dir(), 'fotnot.docx');
    await writeFile(file, await footnoteBeforeSubsection());
    const { plan } = await importDocx(file);
    const [inledning] = plan.sections as { title: string; text?: string; sections?: { title: string; text?: string }[] }[];
    expect(inledning!.text).toBe('Text med fotnot[^footnote1] och slut.\n\n[^footnote1]: Fotnotens text.');
    expect(inledning!.sections?.[0]).toMatchObject({ title: 'Bakgrund', text: 'Bakgrundstext.' });
  });

  it('says so when text between the budget table and a subheading is kept as textAfter, which prints after the subsections', async () => {
    const file = path.join(dir(), 'efter.docx');
    const budgetTable = table([
      ['', 'Budget 2026'],
      ['Intäkter', ''],
      ['Medlemsbidrag', '1 000 000'],
      ['Kostnader', ''],
      ['Kansli', '900 000'],
      ['Resultat', '100 000'],
    ]);
    await writeFile(file, await pack([h('Verksamhetsplan 2026', HeadingLevel.TITLE), h('Budget', HeadingLevel.HEADING_1), p('Belopp i kronor.'), budgetTable, p('Överskottet sparas.'), h('Kommentarer', HeadingLevel.HEADING_2), p('Om budgeten.')]));
    const { plan, notes } = await importDocx(file);
    const [budgetSection] = plan.sections as { title: string; textAfter?: string }[];
    expect(budgetSection).toMatchObject({ title: 'Budget', textAfter: 'Överskottet sparas.' });
    expect(notes.map((n) => `${n.trail.join(' › ')}: ${n.message}`)).toContain(
      'Budget: texten mellan budgettabellen och första underrubriken står i textAfter, som skrivs efter underavsnitten; flytta den till ett underavsnitt eller till texten före tabellen om den ska stå före dem',
    );
  });

  it('reads amounts as Word tables write them', () => {
    expect(amount('1 234 000')).toBe(1_234_000);
    expect(amount('1\u00a0234\u00a0000')).toBe(1_234_000);
    expect(amount('-50')).toBe(-50);
    expect(amount('−1 234')).toBe(-1234);
    expect(amount('(1 200)')).toBe(-1200);
    expect(amount('1 234 tkr')).toBe(1234);
    expect(amount('1 500 kr')).toBe(1500);
    expect(amount('1.234.000')).toBe(1_234_000);
    expect(amount('12,00')).toBe(12);
    expect(amount('')).toBeNull();
    expect(amount('–')).toBeNull();
    expect(amount('12,5')).toBeUndefined();
    expect(amount('ca 500')).toBeUndefined();
    expect(amount('100 %')).toBeUndefined();
  });
});
