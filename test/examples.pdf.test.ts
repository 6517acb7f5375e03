// End to end: each example plan rendered to PDF by a real browser, its text extracted, and the
// computed totals, headings and decision line found in it.
import { describe, expect, it } from 'vitest';
import { builtExample } from './helpers/examples.js';
import { normalize } from './helpers/pdfText.js';

const built = async (name: string) => {
  const { text } = await builtExample(name);
  return { pdf: text, text: text.normalized };
};

const m = (s: string) => s.replace(/ /g, ' '); // phrases are matched after whitespace is normalized

describe('Finnveden 2025 (balance convention, five columns, carry-forward)', () => {
  it('prints the title page with status, subtitle, dnr and vision', async () => {
    const { pdf } = await built('finnveden-2025');
    const first = normalize(pdf.pages[0]!);
    expect(first).toContain('Förslag till');
    expect(first).toContain('Verksamhetsplan 2025');
    expect(first).toContain('med budget 2025 och plan 2026–2027');
    expect(first).toContain('(dnr 2024:11 / 2)');
    expect(first).toContain('PLATS FÖR ALLA!');
  });
  it('prints numbered headings and every computed total', async () => {
    const { text } = await built('finnveden-2025');
    for (const heading of ['1. Inledning', '2. Målgrupp', '5. Organisation', '6. Målsättningar', 'Mätbara delmål', '7. Budget 2025 och plan 2026–2027']) {
      expect(text).toContain(heading);
    }
    expect(text).toContain(m('Summa intäkter/tillgångar 7 402 835 7 666 640 6 852 300 6 045 200 5 648 500'));
    expect(text).toContain(m('Delsumma verksamheter 5 112 500 5 019 340 5 005 100 4 572 700 4 705 700'));
    expect(text).toContain(m('Delsumma administration 832 000 815 000 822 000 844 000 866 000'));
    expect(text).toContain(m('Summa kostnader 5 944 500 5 834 340 5 827 100 5 416 700 5 571 700'));
    expect(text).toContain(m('Prel balanserat resultat 1 458 335 1 832 300 1 025 200 628 500 76 800'));
    expect(text).toContain(m('Balanserat resultat 2 344 835 2 608 640 1 832 300 1 025 200 628 500'));
    // Blank is not zero: Projekt sociala företag has values only in the 2024 columns.
    expect(text).toContain(m('Projekt sociala företag 100 000 100 000 Verksamhetsutvecklare'));
  });
  it('ends with the decision line of a proposal', async () => {
    const { text } = await built('finnveden-2025');
    expect(text).toContain('Verksamhetsplanen fastställs av styrelsen 2024-11-28.');
  });
});

describe('Södra Vätterbygden 2013 (balancing row, hidden result line, adopted)', () => {
  it('computes Nya projekt och utvärdering so the budget balances', async () => {
    const { text } = await built('sodra-vatterbygden-2013');
    expect(text).toContain(m('Nya projekt och utvärdering 1 144 000 877 000'));
    expect(text).toContain(m('Summa intäkter 4 675 000 3 958 000'));
    expect(text).toContain(m('Summa kostnader 4 675 000 3 958 000'));
    expect(text).toContain(m('Balanserat resultat föreg år 727 000 0'));
    expect(text).not.toContain('Prel balanserat resultat');
  });
  it('prints the dnr, the insatser and the decision line', async () => {
    const { text, pdf } = await built('sodra-vatterbygden-2013');
    expect(normalize(pdf.pages[0]!)).toContain('(dnr 2012:12 / 7)');
    expect(normalize(pdf.pages[0]!)).toContain('Fastställd av styrelsen 2012-11-26');
    expect(text).toContain('Deltagare: 30–40 deltagare per år');
    expect(text).toContain('Deltagare: ca 75 deltagare per år');
    expect(text).toContain('7. Budget 2013–2014');
    expect(text).toContain('Verksamhetsplanen fastställdes av styrelsen 2012-11-26.');
  });
});

describe('Botkyrka Huddinge Salem 2018 (tkr, contributions, detail tables, figures in prose)', () => {
  it('prints the true sums, not the hand-typed 1 320 (Summa kostnader 21 894, Resultat −651)', async () => {
    const { text } = await built('botkyrka-huddinge-salem-2018');
    expect(text).toContain(m('Strukturinriktade insatser 1 220 2 940'));
    expect(text).toContain(m('Summa kostnader 21 894 25 599'));
    expect(text).toContain(m('Resultat −651 −4 699'));
    expect(text).toContain(m('SUMMA intäkter 21 243 20 900'));
    expect(text).toContain(m('Inbetalning huvudmännen 16 008 15 400'));
    expect(text).not.toContain(m('21 994'));
  });
  it('prints the member-contribution table with exact totals', async () => {
    const { text } = await built('botkyrka-huddinge-salem-2018');
    expect(text).toContain(m('Staten 50,00 8 003 994 7 700 000'));
    expect(text).toContain(m('Huddinge kommun 11,75 1 880 939 1 809 500'));
    expect(text).toContain(m('Salems kommun 1,50 240 120 231 000'));
    expect(text).toContain(m('Totalt 100 % 16 007 989 15 400 000'));
  });
  it('fills the prose figures from the budget', async () => {
    const { text } = await built('botkyrka-huddinge-salem-2018');
    expect(text).toContain('förväntade kostnader 2018 ligger på ca 25,6 miljoner kronor');
    expect(text).toContain('använda ca 4,7 miljoner kronor');
    expect(text).toContain('sjunker till ca 0,5 miljoner kronor');
    expect(text).toContain('Total budgetram för 2018 uppgår därmed till ca 26,1 miljoner kronor');
    expect(text).not.toContain('{{');
  });
  it('numbers headings on three levels and prints the decision in long form', async () => {
    const { text } = await built('botkyrka-huddinge-salem-2018');
    expect(text).toContain('3.1.1 Finansiering av och stöd till individinriktade rehabiliteringsinsatser och projekt');
    expect(text).toContain('4.2 Mål för finansiering av individinriktade insatser');
    expect(text).toContain('5.3 Beredningsgrupp och styrgrupper');
    expect(text).toContain('6.3 Budget 2018');
    expect(text).toContain('Verksamhetsplanen fastställdes av styrelsen den 17 november 2017.');
  });
});
