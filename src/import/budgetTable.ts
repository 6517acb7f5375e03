// A Word table read as vplan's budget: a first row of year headings ("Budget 2025", "Plan 2026"), then
// one row per post with amounts ("1 234 000", "-50", "1 234 tkr"). Intäkter come before Kostnader;
// rows that are sums ("Summa …", "Delsumma …", "Totalt", "Resultat") are computed by vplan, so they are
// left out, kept with what of vplan's they stand for to be compared with it (sumRows.ts); so are rows of
// the förbund's capital (capitalRows.ts). A table that cannot be read this way gives the reason, and
// stays text.
import { isElement, textOf, type Element } from './html.js';
import { capitalKind, capitalOf, type CapitalPart, type OpeningRow } from './capitalRows.js';
import { isSum, totalOf, type WordSum } from './sumRows.js';

type Kind = 'budget' | 'prognos' | 'utfall' | 'plan';
interface Column {
  kind: Kind;
  year: number;
  label?: string;
}
interface Row {
  label: string;
  values: (number | null)[];
  varav?: { label: string; values: (number | null)[] }[];
}
interface Group {
  heading?: string;
  subtotal?: string;
  rows: Row[];
}
type Item = Row | Group;

export interface ReadBudget {
  budget: {
    unit: 'kr' | 'tkr';
    costSign?: 'negative';
    columns: Column[];
    income: { rows: Item[]; sumLabel?: string };
    costs: { rows: Item[] };
  } & CapitalPart['budget'];
  /** The sum rows left out ("Summa intäkter"), in the table's order. */
  sums: WordSum[];
  /** Things to check, in Swedish. */
  notes: string[];
}

/** The cells' plain text, row by row; a spanned cell is followed by blanks. */
export function plainRows(table: Element): string[][] {
  const rows: string[][] = [];
  const visit = (node: Element) => {
    for (const child of node.children.filter(isElement)) {
      if (child.tag !== 'tr') {
        visit(child);
        continue;
      }
      const cells: string[] = [];
      for (const cell of child.children.filter(isElement).filter((c) => c.tag === 'td' || c.tag === 'th')) {
        cells.push(textOf(cell));
        for (let span = Number(cell.attrs.colspan ?? 1); span > 1; span--) cells.push('');
      }
      rows.push(cells);
    }
  };
  visit(table);
  return rows;
}

const KINDS: [RegExp, Kind][] = [
  [/^budget/i, 'budget'],
  [/^prognos/i, 'prognos'],
  [/^(utfall|bokslut)/i, 'utfall'],
  [/^plan/i, 'plan'],
];

/** "Budget 2025", "Prognos 2024 (tkr)", "2026" → a column; anything else → undefined. */
function column(header: string, seenBudget: boolean, notes: string[]): Column | undefined {
  const text = header.replace(/\((t?kr|tusen kronor)\)/i, '').replace(/\b(t?kr)\b/i, '').trim();
  const m = /^([A-Za-zÅÄÖåäö]*)\.?\s*((?:19|20)\d\d)$/.exec(text);
  if (!m) return undefined;
  const year = Number(m[2]);
  const word = m[1]!;
  const kind = word === '' ? (seenBudget ? 'plan' : 'budget') : KINDS.find(([re]) => re.test(word))?.[1];
  if (!kind) return undefined;
  if (word === '') notes.push(`kolumnen "${header}" säger inte om den är budget, prognos, utfall eller plan; den blev ${kind} ${year} – kontrollera budget.columns`);
  const standard = `${kind[0]!.toUpperCase()}${kind.slice(1)} ${year}`;
  if (word === '') return { kind, year };
  return text === standard ? { kind, year } : { kind, year, label: text };
}

/** "1 234 000", "-50", "(50)", "1 234 tkr", "−1 234" → a number; "" and "–" → null (a blank cell); else undefined. */
export function amount(cell: string): number | null | undefined {
  const text = cell.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
  if (text === '' || /^[-–—]$/.test(text)) return null;
  const m = /^(\()?([-−–])?\s*(\d{1,3}(?:[ .]\d{3})+|\d+)(?:,(\d+))?\s*(t?kr|:-)?(\))?$/i.exec(text);
  if (!m || Boolean(m[1]) !== Boolean(m[6])) return undefined;
  if (m[4] && /[1-9]/.test(m[4])) return undefined; // öre or a decimal: not a whole amount
  const value = Number(m[3]!.replace(/[ .]/g, ''));
  return m[1] || m[2] ? -value : value;
}

const isRow = (item: Item): item is Row => 'label' in item;

/** "Summa personal" under the group heading "Personal": the group's delsumma, as a "Delsumma" row is. */
function sumsGroup(label: string, group: Group | undefined): boolean {
  const named = /^(?:summa|s:a)\s+(.+)$/i.exec(label)?.[1];
  return named !== undefined && group?.heading !== undefined && !group.subtotal && named.trim().toLowerCase() === group.heading.trim().toLowerCase();
}

/** The budget in a table, or why it is not one. */
export function readBudgetTable(rows: string[][], unitHint: string): ReadBudget | { reason: string } {
  const [header, ...body] = rows;
  if (!header || header.length < 2) return { reason: 'tabellen har färre än två kolumner' };
  const columns: Column[] = [];
  const notes: string[] = [];
  for (const cell of header.slice(1)) {
    const c = column(cell, columns.some((x) => x.kind === 'budget'), notes);
    if (!c) return { reason: `kolumnrubriken "${cell}" är inget år som "Budget 2025" eller "Plan 2026"` };
    columns.push(c);
  }
  const ids = columns.map((c) => `${c.kind}${c.year}`);
  if (new Set(ids).size !== ids.length) return { reason: 'två kolumner har samma slag och år' };
  const around = [unitHint, ...header, ...body.flat()].join(' ');
  // "tkr", "kkr", "tusen kronor", "tusental kronor", "tusentals kronor", "(tusental kr)".
  const unit = /\b[tk]kr\b|\btusen(?:tals?)? (?:kronor|kr)\b/i.test(around) ? 'tkr' : 'kr';
  if (unit === 'kr' && /\bmkr\b|\bmiljon(?:er)? kronor\b|\bMSEK\b/i.test(around)) {
    notes.push('tabellen anger miljoner kronor, men en budget räknas i kr eller tkr; beloppen lästes som hela kronor – räkna om dem och kontrollera budget.unit');
  } else if (unit === 'kr' && !/\bkr\b|\bkronor\b|\bSEK\b/i.test(around)) {
    notes.push('ingen enhet (kr eller tkr) står vid tabellen; beloppen lästes som hela kronor – kontrollera budget.unit');
  }

  const income: Item[] = [];
  const costs: Item[] = [];
  let side = income;
  let sawCosts = false;
  let group: Group | undefined;
  /** Items of the current side since its last group: a "Delsumma" row makes them a group. */
  let loose: Row[] = [];
  const sums: WordSum[] = [];
  /** A delsumma row's group, to find its place once the table is read. */
  const subtotalOf = new Map<WordSum, { group: Group; side: Item[] }>();
  const openings: OpeningRow[] = [];
  const closings: string[] = [];
  const toCosts = () => {
    side = costs;
    sawCosts = true;
    group = undefined;
    loose = [];
  };

  for (const [r, cells] of body.entries()) {
    const label = (cells[0] ?? '').trim();
    const raw = cells.slice(1, columns.length + 1);
    const values: (number | null)[] = [];
    for (const [c, cell] of raw.entries()) {
      const v = amount(cell);
      if (v === undefined) return { reason: `rad ${r + 2} ("${label}"), kolumn "${header[c + 1]}": "${cell}" är inget belopp i hela ${unit === 'tkr' ? 'tkr' : 'kronor'}` };
      values.push(v);
    }
    while (values.length < columns.length) values.push(null);
    const empty = values.every((v) => v === null);
    if (label === '') {
      if (empty) continue;
      return { reason: `rad ${r + 2} har belopp men ingen text` };
    }
    // The förbund's capital is no income or cost: the opening capital is the plan's capital, the
    // closing one vplan computes.
    const capital = capitalKind(label, costs.length > 0);
    if (capital) {
      if (empty) continue;
      if (capital === 'opening') {
        openings.push({ label, values, placement: side === income ? (income.length === 0 ? 'first' : 'last') : costs.length === 0 ? 'group' : undefined });
      } else {
        closings.push(label);
        sums.push({ label, values, target: { kind: 'closingCapital' } });
      }
      continue;
    }
    if (isSum(label)) {
      let target = totalOf(label);
      // A sum of the income under an opening capital among them counts it: vplan's Summa tillgångar.
      if (target?.kind === 'income' && openings.some((o) => o.placement === 'first' || o.placement === 'last')) target = { kind: 'assets' };
      const sum: WordSum = { label, values, target };
      sums.push(sum);
      if (/^(summa|s:a)\s+intäkter/i.test(label)) toCosts();
      else if (/^delsumma\b/i.test(label) || sumsGroup(label, group)) {
        if (group && !group.subtotal) {
          group.subtotal = label;
          subtotalOf.set(sum, { group, side });
        } else if (loose.length > 0) {
          const made: Group = { subtotal: label, rows: loose };
          side.splice(side.length - loose.length, loose.length, made);
          subtotalOf.set(sum, { group: made, side });
        }
        group = undefined;
        loose = [];
      }
      continue;
    }
    if (empty && /^intäkter\b/i.test(label)) continue;
    if (empty && /^kostnader\b/i.test(label)) {
      toCosts();
      continue;
    }
    if (empty) {
      group = { heading: label, rows: [] };
      side.push(group);
      loose = [];
      continue;
    }
    if (/^varav\b/i.test(label)) {
      const list = group ? group.rows : side;
      const previous = list.at(-1);
      if (previous && isRow(previous)) {
        (previous.varav ??= []).push({ label, values });
        continue;
      }
    }
    const row: Row = { label, values };
    if (group) group.rows.push(row);
    else {
      side.push(row);
      loose.push(row);
    }
  }
  if (!sawCosts) return { reason: 'det går inte att se var kostnaderna börjar (ingen rad "Kostnader" eller "Summa intäkter")' };
  // Empty groups (a heading with no rows) cannot stand in the plan.
  for (const list of [income, costs]) {
    for (let i = list.length - 1; i >= 0; i--) {
      const item = list[i]!;
      if (!isRow(item) && item.rows.length === 0) list.splice(i, 1);
    }
  }
  if (income.length === 0 || costs.length === 0) return { reason: income.length === 0 ? 'tabellen har inga intäktsrader' : 'tabellen har inga kostnadsrader' };
  const part = capitalOf(openings, closings, ids, sums.some((s) => s.target?.kind === 'result'));
  notes.push(...part.notes);
  for (const sum of sums) {
    if (!part.taken && (sum.target?.kind === 'assets' || sum.target?.kind === 'closingCapital')) sum.target = undefined;
  }
  // With the balance convention the income's sum row is Summa intäkter/tillgångar: it keeps the table's label.
  const assetsLabel = sums.find((s) => s.target?.kind === 'assets')?.label;
  const sumLabel = part.balance && assetsLabel && !/^summa intäkter\/tillgångar$/i.test(assetsLabel) ? assetsLabel : undefined;
  for (const [sum, { group: g, side: list }] of subtotalOf) {
    const index = list.indexOf(g);
    if (index >= 0) sum.target = { kind: 'subtotal', side: list === income ? 'income' : 'costs', index };
  }

  const costValues = costs.flatMap((i) => (isRow(i) ? [i] : i.rows.filter(isRow))).flatMap((r) => r.values.filter((v): v is number => v !== null));
  const negative = costValues.some((v) => v < 0) && costValues.every((v) => v <= 0);
  if (negative) {
    const flip = (item: Item): void => {
      const negate = (values: (number | null)[]) => values.map((v) => (v === null ? null : 0 - v || 0));
      if (isRow(item)) {
        item.values = negate(item.values);
        for (const v of item.varav ?? []) v.values = negate(v.values);
      }
      else item.rows.forEach(flip);
    };
    costs.forEach(flip);
  }
  return {
    budget: {
      unit,
      ...(part.budget.convention ? { convention: part.budget.convention } : {}),
      ...(negative ? { costSign: 'negative' as const } : {}),
      columns,
      income: { rows: income, ...(sumLabel ? { sumLabel } : {}) },
      costs: { rows: costs },
      ...(part.budget.result ? { result: part.budget.result } : {}),
      ...(part.budget.capital ? { capital: part.budget.capital } : {}),
    },
    sums,
    notes,
  };
}
