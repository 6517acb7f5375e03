// Rows of a Word budget table that are the förbund's own capital, not income or costs. An opening
// capital ("Ingående eget kapital", "Balanserat resultat föreg år") becomes budget.capital.opening; a
// closing one ("Utgående eget kapital", "Prel balanserat resultat") is what vplan computes (opening
// capital + the year's result), so it is left out like a sum row and compared with vplan's. A table that
// counts the opening capital among the income and has no result row, as the förbunds' own plans with
// "Balanserat resultat" and "Summa intäkter/tillgångar" do, keeps that form: the balance convention.

export type CapitalKind = 'opening' | 'closing';

/** Where the opening capital stood: first or last among the income, after Summa intäkter, or later. */
export type Placement = 'first' | 'last' | 'group' | undefined;

export interface OpeningRow {
  label: string;
  values: (number | null)[];
  placement: Placement;
}

const CAPITAL = String.raw`(?:eget\s+kapital|kapital|balans|balanserat\s+(?:resultat|kapital)|ackumulerat\s+resultat|resultat)`;
const NAMED = String.raw`(?:eget\s+kapital|balanserat\s+(?:resultat|kapital))`;
const OPENING = new RegExp(String.raw`^(?:ingående|ing\.)\s+(?:eget\s+|balanserat\s+)?${CAPITAL}\b|^${NAMED}\b.*(?:föreg|tidigare år|ingående|vid årets början|vid ingången|1 jan)`, 'i');
const CLOSING = new RegExp(
  String.raw`^(?:utgående|utg\.)\s+(?:eget\s+|balanserat\s+)?${CAPITAL}\b|^(?:prel\.?|preliminärt|beräknat|budgeterat|prognostiserat)\s+${NAMED}\b|^${NAMED}\b.*(?:vid årets slut|vid utgången|utgående|31 dec)`,
  'i',
);
const BARE = new RegExp(String.raw`^${NAMED}\s*$`, 'i');

/**
 * Whether a row is the förbund's capital: opening or closing by its words, or for a bare "Eget
 * kapital" or "Balanserat resultat" by its place (before the first cost row it opens the year).
 */
export function capitalKind(label: string, costsStarted: boolean): CapitalKind | undefined {
  const text = label.replace(/\s+/g, ' ').trim();
  if (CLOSING.test(text)) return 'closing';
  if (OPENING.test(text)) return 'opening';
  if (BARE.test(text)) return costsStarted ? 'closing' : 'opening';
  return undefined;
}

/** The budget's capital part (and its convention and labels) read from its capital rows. */
export interface CapitalPart {
  budget: {
    convention?: 'balance';
    capital?: { label?: string; opening: Record<string, number>; placement?: 'first' | 'last' | 'group' };
    result?: { label: string };
  };
  /** The opening capital is the plan's: sums that count it can be compared with vplan's. */
  taken: boolean;
  /** The table counts the opening capital as income (the balance convention): its income sum is Summa intäkter/tillgångar. */
  balance: boolean;
  notes: string[];
}

const quoted = (labels: string[]) => labels.map((l) => `"${l}"`).join(', ');

export function capitalOf(openings: OpeningRow[], closings: string[], columnIds: string[], hasResultRow: boolean): CapitalPart {
  const notes: string[] = [];
  const closingNote = (more: string) =>
    closings.length > 0 &&
    notes.push(`${closings.length === 1 ? 'raden' : 'raderna'} ${quoted(closings)} är förbundets utgående kapital, som vplan räknar själv (ingående kapital + årets resultat), så ${closings.length === 1 ? 'den' : 'de'} togs inte med${more}`);
  if (openings.length !== 1) {
    if (openings.length > 1) {
      notes.push(`raderna ${quoted(openings.map((o) => o.label))} är ingående kapital, inte intäkter eller kostnader, och togs inte med; det går inte att se vilken av dem som är förbundets ingående kapital – skriv det i budget.capital.opening`);
    }
    closingNote('; planen har inget ingående kapital (budget.capital.opening), så vplan kan inte räkna det');
    return { budget: {}, taken: false, balance: false, notes };
  }
  const [row] = openings as [OpeningRow];
  const opening: Record<string, number> = {};
  row.values.forEach((v, ci) => {
    if (v !== null && columnIds[ci] !== undefined) opening[columnIds[ci]] = v;
  });
  const among = row.placement === 'first' || row.placement === 'last';
  const balance = among && !hasResultRow && Object.keys(opening).length === columnIds.length;
  const label = row.label;
  if (balance) {
    notes.push(
      `raden "${label}" är förbundets ingående kapital och blev budget.capital.opening; tabellen räknar den bland intäkterna och har ingen resultatrad, så budgeten ställs upp så (budget.convention: balance), med det utgående kapitalet sist`,
    );
    closingNote(' utan jämförs som summaraderna');
    const closing = closings[0];
    return {
      budget: {
        convention: 'balance',
        // "last" is where the balance convention puts it anyway.
        capital: { label, opening, ...(row.placement === 'first' ? { placement: 'first' as const } : {}) },
        ...(closing && !/^prel balanserat resultat$/i.test(closing) ? { result: { label: closing } } : {}),
      },
      taken: true,
      balance,
      notes,
    };
  }
  const where = {
    first: 'står först bland intäkterna (capital.placement: first), och Summa tillgångar räknar med den',
    last: 'står sist bland intäkterna (capital.placement: last), och Summa tillgångar räknar med den',
    group: 'står i en egen grupp efter Summa intäkter (capital.placement: group)',
  };
  const shown = row.placement ? where[row.placement] : 'står inte i budgettabellen (capital.placement ställer den där)';
  notes.push(`raden "${label}" är förbundets ingående kapital, inte en intäkt eller kostnad: den blev budget.capital.opening och ${shown}; resultatet räknas utan den`);
  closingNote(' utan jämförs som summaraderna');
  return {
    // The result convention shows the row only where the plan places it, and its label only then.
    budget: { capital: { ...(row.placement ? { label, placement: row.placement } : {}), opening } },
    taken: true,
    balance,
    notes,
  };
}
