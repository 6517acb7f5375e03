// Figures quoted in prose follow the budget; unknown names are errors.
import { describe, expect, it } from 'vitest';
import { computePlan } from '../src/compute/computePlan.js';
import { basePlan, budget } from './helpers/plans.js';
import { renderMarkdown } from '../src/render/markdown.js';
import { renderHtml } from '../src/render/html.js';

const plan = (text: string, unit: 'kr' | 'tkr' = 'tkr') =>
  computePlan(
    basePlan({
      budget: budget({
        unit,
        costs: { rows: [{ id: 'kansli', label: 'Kansli', values: { budget2025: 25599 } }] },
        income: { rows: [{ label: 'Bidrag', values: { budget2025: 20900 } }] },
        capital: { opening: { budget2025: 5200 } },
      }),
      sections: [{ type: 'budget', title: 'Budget', text }],
    }),
    'plan.json',
  );

const textOf = (outcome: ReturnType<typeof plan>) => outcome.plan!.sections[0]!.text!.replace(/\u00a0/g, ' ');

describe('figures in prose', () => {
  it('quotes sums in mkr with one decimal, or in kr', () => {
    const outcome = plan('Kostnaderna beräknas till ca {{ costs.budget2025 | mkr }} miljoner kronor ({{ costs.budget2025 | kr }} kr).');
    expect(textOf(outcome)).toBe('Kostnaderna beräknas till ca 25,6 miljoner kronor (25 599 000 kr).');
  });
  it('quotes rows, results and capital, with abs for a deficit', () => {
    const outcome = plan('{{row.kansli.budget2025}} tkr; använda {{ result.budget2025 | abs | mkr }}; kvar {{ capital.closing.budget2025 | mkr }}; ram {{ assets.budget2025 | mkr:2 }}');
    expect(textOf(outcome)).toBe('25 599 tkr; använda 4,7; kvar 0,5; ram 26,10');
  });
  it('quotes a member’s share with as few decimals as it has, while the table prints two', async () => {
    const outcome = computePlan(
      basePlan({
        sections: [
          { type: 'text', title: 'Inledning', text: 'Staten {{ contributions.staten.share }} %, Huddinge {{ contributions.huddinge.share }} %, Salem {{ contributions.salem.share }} %, Nykvarn {{ contributions.nykvarn.share }} %.' },
          { type: 'contributions', title: 'Medlemsbidrag' },
        ],
        contributions: {
          parties: [
            { id: 'staten', name: 'Staten', role: 'stat' },
            { name: 'Regionen', role: 'region' },
            { id: 'huddinge', name: 'Huddinge', role: 'kommun', share: 11.75 },
            { id: 'salem', name: 'Salem', role: 'kommun', share: 9.5 },
            { id: 'nykvarn', name: 'Nykvarn', role: 'kommun', share: 3.75 },
          ],
          columns: [{ year: 2025, total: 10000 }],
        },
      }),
      'plan.json',
    );
    expect(outcome.issues).toEqual([]);
    expect(textOf(outcome)).toBe('Staten 50 %, Huddinge 11,75 %, Salem 9,5 %, Nykvarn 3,75 %.');
    const html = await renderHtml(outcome.plan!, { generator: 'vplan test' });
    expect(html).toContain('<td class="num">50,00</td>');
    expect(html).toContain('<td class="num">9,50</td>');
  });
  it('follows the budget after an edit', () => {
    const a = plan('{{ costs.budget2025 | mkr }}');
    expect(textOf(a)).toBe('25,6');
  });
  it('names the association and lists its members as Swedish prose does', () => {
    const members = (names: string[]) =>
      computePlan(
        basePlan({
          document: { ...basePlan().document, association: { name: 'Finnvedens Samordningsförbund', members: names.map((name) => ({ name, kind: 'kommun' as const })) } },
          sections: [{ type: 'text', title: 'Inledning', text: '{{ association.name }} består av {{ association.memberCount }} medlemmar: {{ association.members }}.' }],
        }),
        'plan.json',
      );
    const six = members(['Försäkringskassan', 'Arbetsförmedlingen', 'Region Jönköpings län', 'Gnosjö kommun', 'Gislaveds kommun', 'Värnamo kommun']);
    expect(textOf(six)).toBe(
      'Finnvedens Samordningsförbund består av sex medlemmar: Försäkringskassan, Arbetsförmedlingen, Region Jönköpings län, Gnosjö kommun, Gislaveds kommun och Värnamo kommun.',
    );
    expect(textOf(members(Array.from({ length: 14 }, (_, i) => `Kommun ${i + 1}`)))).toMatch(/^Finnvedens Samordningsförbund består av 14 medlemmar: Kommun 1, .* och Kommun 14\.$/);
    // A name's punctuation prints as written, not as Markdown.
    const marked = members(['Kommunen *Norr*', 'Region [Syd]', 'A_B-förbundet']);
    expect(renderMarkdown(textOf(marked), 'a')).toContain('medlemmar: Kommunen *Norr*, Region [Syd] och A_B-förbundet.</p>');
    const none = members([]);
    expect(none.plan).toBeUndefined();
    expect(none.issues[0]!.message).toContain('{{ association.memberCount }}: planen anger inga medlemmar; lägg till dem under document.association.members');
  });

  it('reports an unknown name with its path and a suggestion', () => {
    const outcome = plan('Ca {{ costs.budget2052 | mkr }} miljoner.');
    expect(outcome.plan).toBeUndefined();
    expect(outcome.issues[0]).toMatchObject({ path: ['sections', 0, 'text'] });
    expect(outcome.issues[0]!.message).toMatch(/okänt namn "costs\.budget2052" – menade du "costs\.budget2025"\?/);
    // The same year in another kind of column before another year in the same kind: plan2025, not budget2024.
    const years = computePlan(
      basePlan({
        budget: budget({
          columns: [{ kind: 'budget', year: 2024 }, { kind: 'plan', year: 2025 }],
          costs: { rows: [{ label: 'Kansli', values: { budget2024: 1, plan2025: 2 } }] },
          income: { rows: [{ label: 'Bidrag', values: { budget2024: 1, plan2025: 2 } }] },
        }),
        sections: [{ type: 'text', title: 'Text', text: '{{ costs.budget2025 }}' }],
      }),
      'plan.json',
    );
    expect(years.issues[0]!.message).toMatch(/okänt namn "costs\.budget2025" – menade du "costs\.plan2025"\?/);
  });
  it('reports an unknown format', () => {
    expect(plan('{{ costs.budget2025 | miljoner }}').issues[0]!.message).toMatch(/okänt format "miljoner"/);
  });
  it('leaves an escaped \\{{ as written', () => {
    expect(textOf(plan('Skriv \\{{ costs.budget2025 }} för att citera.'))).toBe('Skriv {{ costs.budget2025 }} för att citera.');
  });
});
