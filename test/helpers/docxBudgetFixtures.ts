// Word plans whose budget tables the import compares with vplan's sums, built with the docx package
// like those in docxFixtures.ts: a Word table whose sum rows were typed by hand.
import { HeadingLevel, Paragraph } from 'docx';
import { h, p, pack, table } from './docxFixtures.js';

/** A plan of an introduction and a budget in tkr whose table has these rows. */
const budgetPlan = (rows: string[][], title = 'Verksamhetsplan 2026', intro = 'Förbundet arbetar med samordnad rehabilitering.') =>
  pack([
    new Paragraph({ text: title, style: 'Title' }),
    p('Samordningsförbundet Exempel'),
    h('Inledning', HeadingLevel.HEADING_1),
    p(intro),
    h('Budget', HeadingLevel.HEADING_1),
    p('Belopp i tkr.'),
    table(rows),
  ]);

/**
 * A budget in tkr over three columns with a "Summa" row under a group's heading and a "Delsumma" row,
 * shaped like the new-user trial's plan: its "Delsumma insatser" for 2026 is `insatser2026` (the rows
 * sum to 4 155), and Summa kostnader and Resultat are typed to match it.
 */
export function handTypedSums(insatser2026: number): Promise<Buffer> {
  const fmt = (n: number) => String(n).replace(/\B(?=(\d{3})+$)/g, ' ').replace(/^-/, '−');
  return budgetPlan(
    [
      ['', 'Budget 2025', 'Budget 2026', 'Plan 2027'],
      ['Intäkter', '', '', ''],
      ['Staten', '2 400', '2 500', '2 500'],
      ['Kommunerna', '2 400', '2 500', '2 500'],
      ['Summa intäkter', '4 800', '5 000', '5 000'],
      ['Kostnader', '', '', ''],
      ['Kansli', '', '', ''],
      ['Förbundschef', '950', '980', '1 000'],
      ['Revision', '60', '65', '65'],
      ['Summa kansli', '1 010', '1 045', '1 065'],
      ['Insatser', '', '', ''],
      ['Samverkansteam', '1 900', '1 950', '2 000'],
      ['Unga till arbete', '1 100', '1 150', '1 150'],
      ['Utrymme för nya insatser', '790', '1 055', '785'],
      ['Delsumma insatser', '3 790', fmt(insatser2026), '3 935'],
      ['Summa kostnader', '4 800', fmt(1045 + insatser2026), '5 000'],
      ['Resultat', '0', fmt(5000 - 1045 - insatser2026), '0'],
    ],
    'Verksamhetsplan med budget 2026',
    'Förbundet stöder samordnade insatser.',
  );
}

/**
 * The new-user trial's table: "Ingående eget kapital" among the income, counted in Summa intäkter, a
 * Resultat row without it, and "Utgående eget kapital" under Resultat (its 2026 figure is `closing2026`;
 * the table's own figures give 950).
 */
export function capitalRows(closing2026 = '950'): Promise<Buffer> {
  return budgetPlan([
    ['Tkr', 'Prognos 2025', 'Budget 2026', 'Plan 2027'],
    ['Intäkter', '', '', ''],
    ['Medlemsbidrag', '5 000', '5 000', '5 000'],
    ['Ingående eget kapital', '1 350', '1 150', '950'],
    ['Summa intäkter', '6 350', '6 150', '5 950'],
    ['Kostnader', '', '', ''],
    ['Kansli', '1 390', '1 390', '1 415'],
    ['varav lönekostnader', '1 100', '1 100', '1 120'],
    ['Insatser', '3 810', '3 810', '3 585'],
    ['Summa kostnader', '5 200', '5 200', '5 000'],
    ['Resultat', '–200', '–200', '0'],
    ['Utgående eget kapital', '1 150', closing2026, '950'],
  ]);
}

/**
 * A deficit covered by saved capital written as an income row, "Nyttjande av eget kapital", so that the
 * Resultat row shows 0, under an opening capital; the table's own closing capital (800) subtracts it.
 */
export function capitalUsedAsIncome(): Promise<Buffer> {
  return budgetPlan([
    ['Tkr', 'Budget 2026'],
    ['Intäkter', ''],
    ['Ingående eget kapital', '1 000'],
    ['Medlemsbidrag', '5 000'],
    ['Nyttjande av eget kapital', '200'],
    ['Kostnader', ''],
    ['Insatser', '5 200'],
    ['Summa kostnader', '5 200'],
    ['Resultat', '0'],
    ['Utgående eget kapital', '800'],
  ]);
}

/**
 * Like Finnveden's own plan: "Balanserat resultat" last among the income, "Summa intäkter/tillgångar",
 * no result row, and "Prel balanserat resultat" last, whose Plan 2027 figure is 10 more than the table's.
 */
export function balancedCapital(): Promise<Buffer> {
  return budgetPlan([
    ['', 'Budget 2026', 'Plan 2027'],
    ['Intäkter', '', ''],
    ['Staten', '2 510', '2 510'],
    ['Kommunerna', '2 510', '2 510'],
    ['Balanserat resultat', '1 832', '1 025'],
    ['Summa intäkter/tillgångar', '6 852', '6 045'],
    ['Kostnader', '', ''],
    ['Insatser', '4 500', '4 600'],
    ['Kansli', '1 327', '817'],
    ['Summa kostnader', '5 827', '5 417'],
    ['Prel balanserat resultat', '1 025', '638'],
  ]);
}

/** A table that is no budget: the members' shares and contributions, with a text column and a Summa row in bold. */
export function memberShares(): Promise<Buffer> {
  return pack([
    new Paragraph({ text: 'Verksamhetsplan 2026', style: 'Title' }),
    p('Samordningsförbundet Exempel'),
    h('Medlemsbidrag 2026', HeadingLevel.HEADING_1),
    table([
      ['Medlem', 'Andel', 'Medlemsbidrag 2026 (tkr)', 'Kommentar'],
      ['Staten via Försäkringskassan', '50 %', '2 500', 'Enligt lagen'],
      ['Västra Götalandsregionen', '25 %', '1 250', '–'],
      ['Lidköpings kommun', '9,5 %', '475', ''],
      ['Essunga kommun', '1,5 %', '75', 'Efter folkmängd 2024'],
      [{ text: 'Summa', bold: true }, { text: '100 %', bold: true }, { text: '4 300', bold: true }, ''],
    ]),
  ]);
}
