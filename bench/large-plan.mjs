// Writes a large plan for the benchmark and the tests: 2 000 budget rows and about 200 pages of text.
// largePlan({ sections, groups }) makes smaller ones alike (2 sections and 2 groups: about 10 pages).
import { writeFileSync } from 'node:fs';

export function largePlan({ sections: sectionCount = 40, groups = 20, rowsPerGroup = 100 } = {}) {
  const paragraph =
    'Samordningsförbundet finansierar insatser för personer som behöver samordnat stöd från flera myndigheter för att komma till arbete eller studier. ' +
    'Insatserna följs upp löpande och resultaten redovisas för styrelsen, som beslutar om fortsatt finansiering utifrån uppnådda mål och behov hos målgruppen.';
  const sections = Array.from({ length: sectionCount }, (_, i) => ({
    type: 'text',
    title: `Avsnitt ${i + 1}`,
    text: Array.from({ length: 26 }, () => paragraph).join('\n\n'),
    sections: [
      { type: 'text', title: `Fördjupning ${i + 1}.1`, text: Array.from({ length: 6 }, () => paragraph).join('\n\n') },
    ],
  }));
  const columns = [
    { kind: 'budget', year: 2025 },
    { kind: 'plan', year: 2026 },
  ];
  const row = (label, i) => ({ label, values: { budget2025: 1000 + i, plan2026: 1100 + i } });
  return {
    document: {
      association: { name: 'Samordningsförbundet Stortest' },
      title: 'Verksamhetsplan 2025',
      budgetYear: 2025,
      dnr: '2024:99 / 1',
      status: { state: 'förslag', decisionDate: '2024-11-28', decisionBody: 'styrelsen' },
    },
    sections: [...sections, { type: 'budget', title: 'Budget 2025' }],
    budget: {
      unit: 'kr',
      convention: 'result',
      columns,
      income: { rows: [{ label: 'Medlemsbidrag', values: { budget2025: 10_000_000, plan2026: 10_000_000 } }] },
      costs: {
        rows: Array.from({ length: groups }, (_, g) => ({
          heading: `Område ${g + 1}`,
          subtotal: `Delsumma område ${g + 1}`,
          rows: Array.from({ length: rowsPerGroup }, (_, i) => row(`Insats ${g + 1}.${i + 1}`, i)),
        })),
      },
    },
  };
}

if (process.argv[2]) writeFileSync(process.argv[2], JSON.stringify(largePlan(), null, 1));
