// vplan init: a new plan folder that builds at once. plan.yaml holds the document and the budget, with
// comments that say how to edit them; each section is a Markdown file under avsnitt/.
import { allocate } from '../compute/allocate.js';

export type MemberKind = 'stat' | 'region' | 'kommun';

export interface Member {
  name: string;
  kind: MemberKind;
}

export interface NewPlanOptions {
  name: string;
  year: number;
  members: Member[];
}

export const DEFAULT_MEMBERS: Member[] = [
  { name: 'Försäkringskassan', kind: 'stat' },
  { name: 'Arbetsförmedlingen', kind: 'stat' },
  { name: 'Region', kind: 'region' },
  { name: 'Kommunen', kind: 'kommun' },
];

/** "Region Jönköpings län" → region, "… kommun" → kommun, Försäkringskassan and Arbetsförmedlingen → stat. */
export function guessKind(name: string): MemberKind {
  if (/försäkringskassan|arbetsförmedlingen|staten/i.test(name)) return 'stat';
  if (/region|landsting/i.test(name)) return 'region';
  return 'kommun';
}

const q = (s: string) => JSON.stringify(s); // a double-quoted YAML string

/**
 * The members that pay: the state pays its half through Försäkringskassan alone (Arbetsförmedlingen is a
 * member but pays no contribution of its own); where no state member is Försäkringskassan (or "staten"),
 * every state member pays.
 */
function payers(members: Member[]): Member[] {
  const state = members.filter((m) => m.kind === 'stat');
  const through = state.find((m) => /försäkringskassan|staten/i.test(m.name));
  return members.filter((m) => m.kind !== 'stat' || !through || m === through);
}

/**
 * Each paying member's part of a budget of 4 000 000 kr: the state half (Finsam's rule: the state pays
 * as much as region and municipalities together), the region a quarter, the municipalities a quarter,
 * split evenly within each, exactly to the krona.
 */
function contributions(members: Member[], total: number): number[] {
  const shares = { stat: 0.5, region: 0.25, kommun: 0.25 } as const;
  const present = (['stat', 'region', 'kommun'] as const).filter((k) => members.some((m) => m.kind === k));
  const weightSum = present.reduce((s, k) => s + shares[k], 0);
  const perKind = allocate(total, present.map((k) => Math.round((shares[k] / weightSum) * 10_000)));
  const amounts = new Array<number>(members.length).fill(0);
  present.forEach((kind, i) => {
    const indexes = members.flatMap((m, j) => (m.kind === kind ? [j] : []));
    allocate(perKind[i]!, indexes.map(() => 1)).forEach((a, k) => (amounts[indexes[k]!] = a));
  });
  return amounts;
}

export function planYaml({ name, year, members }: NewPlanOptions, schemaPath: string): string {
  const years = [year, year + 1, year + 2];
  const paying = payers(members);
  const amounts = contributions(paying, 4_000_000);
  const notPaying = members.filter((m) => !paying.includes(m));
  const incomeRows = [
    ...(notPaying.length > 0 ? [`      # Staten betalar sin hälft genom ${paying.find((m) => m.kind === 'stat')!.name}; ${notPaying.map((m) => m.name).join(' och ')} betalar inget eget bidrag.`] : []),
    ...paying.map((m, i) => `      - label: ${q(m.name)}\n        values: [${amounts[i]}, ${amounts[i]}, ${amounts[i]}]`),
  ].join('\n');
  return `# yaml-language-server: $schema=${schemaPath}
# Planen för ${name}. Ändra texterna här och i avsnitt/, spara, och kör
#   vplan watch <den här mappen> --serve
# så byggs PDF:en om vid varje sparning. Rader som börjar med # är kommentarer.
version: 1

document:
  association:
    name: ${q(name)}
    members:
${members.map((m) => `      - name: ${q(m.name)}\n        kind: ${m.kind}   # stat, region eller kommun`).join('\n')}
  title: ${q(`Verksamhetsplan ${year}`)}
  subtitle: ${q(`med budget ${year} och plan ${year + 1}–${year + 2}`)}
  budgetYear: ${year}
  planYears: [${year + 1}, ${year + 2}]
  # dnr: "${year - 1}:1"   # diarienumret; behövs för vplan archive
  status:
    state: förslag   # utkast, förslag, fastställd, beslutad eller ingen; med decisionDate: ÅÅÅÅ-MM-DD, decisionBody, paragraph
  vision:
    statement: "Alla ska få det stöd de behöver för att kunna arbeta."
    titlePageLead: "Vår vision:"

# Avsnitten, i den ordning de står i planen: en Markdown-fil per avsnitt i avsnitt/.
# Ändra ordningen här; en ny fil måste också läggas till i listan.
sections:
  - 01-inledning.md
  - 02-vision.md
  - 03-malgrupp.md
  - 04-organisation.md
  - 05-mal.md
  - 06-budget.md

# Budgeten. Beloppen är hela kronor; en lista som [100, 200, 300] har ett värde per kolumn,
# i kolumnernas ordning (budget ${years[0]}, plan ${years[1]}, plan ${years[2]}). null är en tom cell.
# vplan räknar alla summor, delsummor och resultat själv: skriv aldrig in en summa.
budget:
  unit: kr
  columns:
    - { kind: budget, year: ${years[0]} }
    - { kind: plan, year: ${years[1]} }
    - { kind: plan, year: ${years[2]} }
  income:
    rows:
${incomeRows}
  costs:
    rows:
      - heading: Verksamhet
        subtotal: Delsumma verksamhet
        rows:
          - label: Insatser
            values: [2500000, 2550000, 2600000]
          - label: Utrymme för nya insatser
            balance: true   # tar det som blir över, så att resultatet blir 0
      - heading: Administration
        subtotal: Delsumma administration
        rows:
          - label: Kansli
            values: [700000, 720000, 740000]
          - label: Revision
            values: [60000, 60000, 60000]
`;
}

export function sectionFiles({ name, year }: NewPlanOptions): Map<string, string> {
  return new Map([
    [
      '01-inledning.md',
      `---
title: Inledning
---

${name} är ett samordningsförbund enligt lagen (2003:1210) om finansiell samordning av
rehabiliteringsinsatser (Finsam). Förbundets medlemmar är {{ association.members }}.
Den här planen beskriver förbundets verksamhet ${year}.

Förbundets kostnader ${year} beräknas till ca {{ costs.budget${year} | mkr }} miljoner kronor.
Siffran räknas ur budgeten och följer med när budgeten ändras.
`,
    ],
    [
      '02-vision.md',
      `---
title: Vision
type: vision
lead: "Förbundets vision är:"
---
`,
    ],
    [
      '03-malgrupp.md',
      `---
title: Målgrupp
type: targetGroup
ageRange: { from: 16, to: 64 }
priorityGroups:
  intro: "Förbundet prioriterar:"
  items:
    - Unga vuxna som varken arbetar eller studerar
    - Personer med långvarigt behov av samordnat stöd
---

Förbundets målgrupp är personer i arbetsför ålder som behöver samordnade insatser från
flera myndigheter för att kunna arbeta eller studera.
`,
    ],
    [
      '04-organisation.md',
      `---
title: Organisation
---

Förbundet leds av en styrelse med en ledamot och en ersättare från varje medlem.
Förbundschefen leder kansliet och verksamheten.
`,
    ],
    [
      '05-mal.md',
      `---
title: Mål
type: goals
groups:
  - title: Övergripande mål
    style: bullets
    goals:
      - text: Fler deltagare går vidare till arbete eller studier.
      - text: Myndigheterna samverkar kring varje deltagare.
---
`,
    ],
    [
      '06-budget.md',
      `---
title: Budget ${year} och plan ${year + 1}–${year + 2}
type: budget
---

Budgeten visar förbundets intäkter och kostnader. Medlemsbidragen fördelas enligt Finsam:
staten hälften, regionen en fjärdedel och kommunerna en fjärdedel.
`,
    ],
  ]);
}
