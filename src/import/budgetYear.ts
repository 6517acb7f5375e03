// The budget year of a Word plan: "budget 2027" in the title or subtitle, else the title's one year, else
// the budget table's budget column, else the year the text names with words about the plan. A guess that
// may be wrong (no year in the title, several years, a year the budget has no column for, a year from the
// text) is a note that says what was guessed, from where, and where to change it.
import type { ReadBudget } from './budgetTable.js';
import { yearInText } from './yearInText.js';

type Columns = ReadBudget['budget']['columns'];

const YEARS = /\b(?:19|20)\d\d\b/g;
const CHECK = 'kontrollera document.budgetYear i plan.yaml';

export interface GuessedYear {
  year: number;
  notes: string[];
}

/** The year the title and subtitle give: "budget 2027" said, else their only year, else the first of several (with a note). */
export function yearInTitle(text: string): GuessedYear | undefined {
  const said = /\bbudget(?:år(?:et)?)?\s+(?:för\s+)?(?:år\s+)?((?:19|20)\d\d)\b/i.exec(text);
  if (said) return { year: Number(said[1]), notes: [] };
  const years = [...new Set(text.match(YEARS) ?? [])].map(Number);
  if (years.length === 0) return undefined;
  const year = years[0]!;
  return { year, notes: years.length > 1 ? [`titeln nämner flera år (${years.join(', ')}); budgetåret blev ${year} – ${CHECK}`] : [] };
}

/**
 * The plan's budget year, from its title and subtitle, else its budget table's columns, else the year its
 * text (lines: one per paragraph, heading or cell) names as the plan's (yearInText.ts), else next year.
 */
export function guessBudgetYear(title: string | undefined, subtitle: string | undefined, columns: Columns, lines: string[], now: Date): GuessedYear {
  const budgetYears = [...new Set(columns.filter((c) => c.kind === 'budget').map((c) => c.year))];
  const titled = yearInTitle([title, subtitle].filter(Boolean).join(' '));
  if (titled) {
    if (budgetYears.length > 0 && !budgetYears.includes(titled.year)) {
      const have = budgetYears.map((y) => `Budget ${y}`).join(', ');
      titled.notes.push(`budgetåret ${titled.year} (ur titeln) har ingen kolumn i budgettabellen, som har ${have} – ${CHECK} och budgettabellens kolumner (budget.columns)`);
    }
    return titled;
  }
  if (budgetYears.length === 1) {
    const year = budgetYears[0]!;
    return { year, notes: [`budgetåret står inte i titeln; ${year} togs ur budgettabellens kolumn "Budget ${year}" – ${CHECK}`] };
  }
  if (budgetYears.length > 1) {
    // "Budget 2026 | Prognos 2026 | Budget 2027 | Plan 2028": the last budget before the plan years.
    const plans = columns.filter((c) => c.kind === 'plan').map((c) => c.year);
    const before = budgetYears.filter((y) => plans.length > 0 && y < Math.min(...plans));
    const year = before.length > 0 ? Math.max(...before) : budgetYears[0]!;
    return { year, notes: [`budgetåret står inte i titeln, och budgettabellen har flera budgetkolumner (${budgetYears.join(', ')}); budgetåret blev ${year} – ${CHECK}`] };
  }
  const inText = yearInText(lines, now);
  const unread = 'budgetåret kunde inte läsas ur titeln eller budgeten';
  if (!inText) {
    const year = now.getFullYear() + 1;
    return { year, notes: [`${unread}, och texten nämner inget år som kan vara budgetåret; ${year} (nästa år) är en gissning – ${CHECK}`] };
  }
  const times = inText.times === 1 ? 'en gång' : `${inText.times} gånger`;
  const how = inText.withPlanWords ? `som nämner ${inText.year} med ord om planen ${times}` : `det år den nämner oftast (${times}), utan ord om planen`;
  const skipped = inText.skipped ? '; årtal i lag- och diarienummer, datum och perioder räknades inte' : '';
  return { year: inText.year, notes: [`${unread}; ${inText.year} är en gissning ur texten, ${how} (först "${inText.first}")${skipped} – ${CHECK}`] };
}
