// Word plans for the import tests, built with the docx package: shaped like the real plans in the
// seeds (numbered headings, paragraphs, bullet lists, a budget table), plus one of a different shape.
import { AlignmentType, Document, FootnoteReferenceRun, HeadingLevel, type IStylesOptions, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';

export type Cell = string | { text: string; italic?: boolean; bold?: boolean };

export const p = (...runs: (string | TextRun | FootnoteReferenceRun)[]) => new Paragraph({ children: runs.map((r) => (typeof r === 'string' ? new TextRun(r) : r)) });
export const h = (text: string, heading: (typeof HeadingLevel)[keyof typeof HeadingLevel]) => new Paragraph({ text, heading });
const bullet = (text: string) => new Paragraph({ text, bullet: { level: 0 } });
const numbered = (text: string) => new Paragraph({ text, numbering: { reference: 'nummer', level: 0 } });

export function table(rows: Cell[][]): Table {
  return new Table({
    rows: rows.map(
      (cells) =>
        new TableRow({
          children: cells.map((cell) => {
            const c = typeof cell === 'string' ? { text: cell } : cell;
            return new TableCell({ children: [new Paragraph({ children: [new TextRun({ text: c.text, italics: c.italic ?? false, bold: c.bold ?? false })], alignment: AlignmentType.RIGHT })] });
          }),
        }),
    ),
  });
}

export async function pack(children: (Paragraph | Table)[], footnotes?: Record<number, { children: Paragraph[] }>, styles?: IStylesOptions): Promise<Buffer> {
  const doc = new Document({
    ...(footnotes ? { footnotes } : {}),
    ...(styles ? { styles } : {}),
    numbering: {
      config: [
        { reference: 'nummer', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START }] },
        { reference: 'punkt', levels: [{ level: 0, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.START }] },
      ],
    },
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}

/**
 * Like Södra Vätterbygden 2013: title line, dnr, numbered headings, a bullet list, a budget in kr over two
 * years with "Balanserat resultat föreg år" (the opening capital) among the income, counted in Summa intäkter.
 */
export function vatterbygden2013(): Promise<Buffer> {
  return pack(
    [
      p('VERKSAMHETSPLAN 2013'),
      p('Samordningsförbundet Södra Vätterbygden'),
      p('(dnr 2012:12 / 7)'),
      h('1. Inledning', HeadingLevel.HEADING_1),
      p('Samordningsförbundet har ett ', new TextRun({ text: 'unikt', bold: true }), ' uppdrag att stödja ', new TextRun({ text: 'samordnade', italics: true }), ' insatser.', new FootnoteReferenceRun(1)),
      p('Förbundet bildades 2007-10-30 enligt lag (2003:1210) om finansiell samordning.'),
      h('2. Samordningsförbundets uppgifter', HeadingLevel.HEADING_1),
      p('Samordningsförbundet har enligt lagstiftningen följande arbetsuppgifter:'),
      numbered('besluta om mål och riktlinjer för den finansiella samordningen,'),
      numbered('stödja samverkan mellan samverkansparterna'),
      h('3. Vision och målsättning', HeadingLevel.HEADING_1),
      h('Vision', HeadingLevel.HEADING_2),
      p('Förbundets vision är ”Livskvalitet och egenförsörjning för alla!”'),
      h('Individmål', HeadingLevel.HEADING_2),
      bullet('Personer som fullföljer insatser ska ha förbättrad arbetsförmåga'),
      bullet('Deltagarna ska uppleva att de fått stöd'),
      h('4. Budget 2013 och plan 2014', HeadingLevel.HEADING_1),
      p('Budgeten bygger på medlemmarnas bidrag.'),
      table([
        ['', 'Budget 2013', 'Budget 2014'],
        ['Intäkter', '', ''],
        ['Habo kommun', '57 200', '57 200'],
        ['Jönköpings kommun', '729 500', '729 500'],
        ['Försäkringskassan', '1 788 000', '1 788 000'],
        ['Balanserat resultat föreg år', '727 000', '152 200'],
        [{ text: 'Summa intäkter', italic: true }, '3 301 700', '2 726 900'],
        ['Kostnader', '', ''],
        [{ text: 'Verksamhet', italic: true }, '', ''],
        ['KrAmi', '520 000', '0'],
        ['Projekt Enter', '1 859 500', '1 908 000'],
        [{ text: 'Administration', italic: true }, '', ''],
        ['Kansli', '750 000', '770 000'],
        ['Styrelse', '20 000', '20 000'],
        [{ text: 'Summa kostnader', italic: true }, '3 149 500', '2 698 000'],
      ]),
      p('Kostnaderna för kansliet delas med Finnveden.'),
      // As the real plan ends: it was adopted.
      p('(Verksamhetsplanen fastställdes av styrelsen 2012-11-26)'),
    ],
    { 1: { children: [p('Lag (2003:1210) om finansiell samordning.')] } },
  );
}

/**
 * A plan none of the tests' plans was written from: a Title-styled title, the name only in the text,
 * the budget in tkr with negative costs, a Delsumma row, a "Resultat" row, a bare-year plan column and
 * a second table (staff) that is no budget.
 */
export function nordanstig2026(): Promise<Buffer> {
  return pack([
    new Paragraph({ text: 'Verksamhetsplan med budget 2026', style: 'Title' }),
    p('Förslag till förbundsstyrelsen'),
    h('Om förbundet', HeadingLevel.HEADING_1),
    p('Samordningsförbundet Norra Hälsingland består av Nordanstigs och Hudiksvalls kommuner, Region Gävleborg, Försäkringskassan och Arbetsförmedlingen.'),
    h('Prioriteringar', HeadingLevel.HEADING_1),
    p('Under året prioriteras:'),
    bullet('Unga 16–29 år utan sysselsättning'),
    bullet('Personer med psykisk ohälsa'),
    p('Arbetet följs upp i ', new TextRun({ text: 'SUS', bold: true }), ' varje kvartal.'),
    h('Bemanning', HeadingLevel.HEADING_1),
    table([
      ['Roll', 'Tjänst'],
      ['Förbundschef', '100 %'],
      ['Processledare', '50 %'],
    ]),
    h('Ekonomi', HeadingLevel.HEADING_1),
    p('Belopp i tkr.'),
    table([
      ['Post', 'Utfall 2024', 'Budget 2026', '2027'],
      ['Intäkter', '', '', ''],
      ['Medlemsbidrag staten', '2 400', '2 500', '2 500'],
      ['Medlemsbidrag region och kommuner', '2 400', '2 500', '2 500'],
      ['Kostnader', '', '', ''],
      ['Insatser', '-3 100', '-3 400', '-3 450'],
      ['varav nya insatser', '-200', '-400', ''],
      ['Kansli', '-1 200', '-1 250', '-1 300'],
      ['Delsumma verksamhet', '-4 300', '-4 650', '-4 750'],
      ['Revision', '-50', '–', '-60'],
      ['Resultat', '450', '350', '190'],
    ]),
  ]);
}

/** A footnote in a section that goes on with a subsection, and a heading after both. */
export function footnoteBeforeSubsection(): Promise<Buffer> {
  return pack(
    [
      new Paragraph({ text: 'Verksamhetsplan 2026', style: 'Title' }),
      h('Inledning', HeadingLevel.HEADING_1),
      p('Text med fotnot', new FootnoteReferenceRun(1), ' och slut.'),
      h('Bakgrund', HeadingLevel.HEADING_2),
      p('Bakgrundstext.'),
      h('Mål', HeadingLevel.HEADING_1),
      p('Målen.'),
    ],
    { 1: { children: [p('Fotnotens text.')] } },
  );
}

/**
 * The förbund's name in Word's Title style (Rubrik), the plan's title and year in a plain paragraph under
 * it, and a budget whose first budget column is last year's: the year is the title's, not the table's.
 */
export function nameInTitleStyle(): Promise<Buffer> {
  return pack([
    new Paragraph({ text: 'Samordningsförbundet Finsam Exempel', style: 'Title' }),
    p('Förslag till'),
    p('Verksamhetsplan med budget 2027 och plan 2028–2029'),
    p('(dnr 2026:14 / 3)'),
    h('Inledning', HeadingLevel.HEADING_1),
    p('Förbundet arbetar enligt lag (2003:1210) om finansiell samordning.'),
    h('Ekonomi', HeadingLevel.HEADING_1),
    p('Belopp i tkr.'),
    table([
      ['', 'Budget 2026', 'Prognos 2026', 'Budget 2027', 'Plan 2028'],
      ['Intäkter', '', '', '', ''],
      ['Medlemsbidrag', '4 000', '4 000', '4 200', '4 200'],
      ['Kostnader', '', '', '', ''],
      ['Insatser', '3 000', '2 900', '3 100', '3 100'],
      ['Kansli', '1 000', '1 000', '1 050', '1 100'],
    ]),
  ]);
}

/** Only the förbund's name in the Title style: no paragraph says the plan's title or year, the budget has two budget years. */
export function nameInTitleStyleOnly(): Promise<Buffer> {
  return pack([
    new Paragraph({ text: 'Finsamförbundet Exempel', style: 'Title' }),
    h('Inledning', HeadingLevel.HEADING_1),
    p('Förbundet stöder samordnade insatser.'),
    h('Budget', HeadingLevel.HEADING_1),
    p('Belopp i kr.'),
    table([
      ['', 'Budget 2026', 'Budget 2027'],
      ['Intäkter', '', ''],
      ['Medlemsbidrag', '400 000', '420 000'],
      ['Kostnader', '', ''],
      ['Kansli', '400 000', '420 000'],
    ]),
  ]);
}

/** A run of text after a manual line break (Word's Shift+Enter, <w:br/>). */
const br = (text: string) => new TextRun({ text, break: 1 });

/** Manual line breaks in the title, a heading, an address block, a list of names, a quotation, a list item and a table cell. */
export function lineBreaks(): Promise<Buffer> {
  return pack([
    new Paragraph({ children: [new TextRun('Verksamhetsplan'), br('med budget 2027')], style: 'Title' }),
    p('Samordningsförbundet Finsam Exempel'),
    h('Kontakt', HeadingLevel.HEADING_1),
    p('Samordningsförbundet Finsam Exempel', br('Box 123'), br('123 45 Exempelstad')),
    p('Styrelsen 2027:', br('Anna Andersson, ordförande'), br('Bo Berg, vice ordförande')),
    p('”Plats för alla!”', br('– Förbundets vision')),
    new Paragraph({ children: [new TextRun('Mål och'), br('uppföljning')], heading: HeadingLevel.HEADING_1 }),
    new Paragraph({ children: [new TextRun('Fler i arbete'), br('– mätt med SUS')], bullet: { level: 0 } }),
    p('Rad ett', br('# inte en rubrik'), br('- inte en lista'), br('---')),
    new Table({
      rows: [
        new TableRow({ children: [new TableCell({ children: [p('Kontor')] }), new TableCell({ children: [p('Adress')] })] }),
        new TableRow({ children: [new TableCell({ children: [p('Kansli')] }), new TableCell({ children: [p('Storgatan 1', br('Exempelstad'))] })] }),
      ],
    }),
  ]);
}

/**
 * Quotation styles as a Swedish Word writes them (style id "Citat", name "Quote"; "Starktcitat", "Intense
 * Quote") and as a document may have them by Swedish names ("Citat", "Starkt citat").
 */
const QUOTE_STYLES: IStylesOptions = {
  paragraphStyles: [
    { id: 'Citat', name: 'Quote', basedOn: 'Normal', run: { italics: true } },
    { id: 'Starktcitat', name: 'Intense Quote', basedOn: 'Normal', run: { italics: true, bold: true } },
    { id: 'CitatSv', name: 'Citat', basedOn: 'Normal', run: { italics: true } },
    { id: 'StarktCitatSv', name: 'Starkt citat', basedOn: 'Normal', run: { italics: true } },
  ],
};
const quote = (style: string, ...runs: (string | TextRun)[]) => new Paragraph({ style, children: runs.map((r) => (typeof r === 'string' ? new TextRun(r) : r)) });

/**
 * Quotations in Word's Quote styles: a vision with its source after a line break, the law's purpose over
 * two paragraphs with the source as a paragraph of its own, a motto whose source line has no dash, and a
 * quotation with no source.
 */
export function quotations(): Promise<Buffer> {
  return pack(
    [
      new Paragraph({ text: 'Verksamhetsplan med budget 2027', style: 'Title' }),
      p('Samordningsförbundet Finsam Exempel'),
      h('Vision', HeadingLevel.HEADING_1),
      p('Förbundets vision är:'),
      quote('Citat', '”Plats för alla!”', br('– Förbundets vision')),
      p('Visionen gäller hela planen.'),
      h('Uppdrag', HeadingLevel.HEADING_1),
      quote('Starktcitat', 'Syftet med den finansiella samordningen är att underlätta en effektiv användning av de samlade resurserna.'),
      quote('Starktcitat', 'Förbundet ska stödja samordnade insatser.'),
      quote('Starktcitat', '- Lag (2003:1210) om finansiell samordning, 1 §'),
      h('Motto', HeadingLevel.HEADING_1),
      quote('CitatSv', '”Tillsammans gör vi skillnad.”', br('Styrelsens motto')),
      quote('StarktCitatSv', 'Ingen ska falla mellan stolarna.'),
    ],
    undefined,
    QUOTE_STYLES,
  );
}

/**
 * No year in a title or a budget table, only in the text: first the Finsam law's number and the year the
 * förbund was founded, then the plan's year with words about the plan, a span of years and "Agenda 2030".
 */
export function yearOnlyInText(): Promise<Buffer> {
  return pack([
    p('Samordningsförbundet Finsam Exempel'),
    h('Inledning', HeadingLevel.HEADING_1),
    p('Förbundet bildades 2007-10-30 enligt lag (2003:1210) om finansiell samordning inom rehabiliteringsområdet (SFS 2003:1210).'),
    p('Sedan 2011 ingår även Habo och Mullsjö kommuner.'),
    h('Inriktning', HeadingLevel.HEADING_1),
    p('Under 2027 prioriteras unga vuxna. Verksamhetsåret 2027 är det första med den nya strategin för 2027–2029.'),
    p('Förbundet bidrar till Agenda 2030.'),
    h('Ekonomi', HeadingLevel.HEADING_1),
    p('Budgeten för 2027 bygger på medlemmarnas bidrag, som är oförändrade sedan 2024.'),
  ]);
}

/**
 * Numbered and bulleted paragraphs in the Quote style: a law's list of tasks quoted as Word numbers them
 * (the numbers are Word's numbering, not text), and a bulleted quotation.
 */
export function listsInQuotes(): Promise<Buffer> {
  const numberedQuote = (text: string) => new Paragraph({ text, style: 'Citat', numbering: { reference: 'nummer', level: 0 } });
  // As Word writes it: the Quote style and a bullet numbering (docx's own `bullet` adds a second style).
  const bulletQuote = (text: string) => new Paragraph({ text, style: 'Citat', numbering: { reference: 'punkt', level: 0 } });
  return pack(
    [
      new Paragraph({ text: 'Verksamhetsplan med budget 2027', style: 'Title' }),
      p('Samordningsförbundet Finsam Exempel'),
      h('Uppdrag', HeadingLevel.HEADING_1),
      p('Förbundet ska enligt lagen:'),
      numberedQuote('besluta om mål och riktlinjer för den finansiella samordningen,'),
      numberedQuote('stödja samverkan mellan parterna,'),
      numberedQuote('besluta om hur de samlade resurserna ska användas.'),
      quote('Citat', '– Lag (2003:1210) om finansiell samordning, 7 §'),
      p('Styrelsen ansvarar för uppdraget.'),
      h('Värden', HeadingLevel.HEADING_1),
      bulletQuote('Individen i centrum'),
      bulletQuote('Samverkan'),
    ],
    undefined,
    QUOTE_STYLES,
  );
}
