// What changed between two versions of a plan, in a board's terms: each budget cell old → new with its
// effect on the sums and results, sections added, removed or reworded, and status and dates.
import type { BudgetTable, ComputedPlan, ComputedSection, FigureChanges, PlanChanges, Rewording, Unit, ValueChange } from '../model.js';
import { formatInteger, headingLabel } from '../format.js';
import { pairedByContent, pairedByYears } from './pairing.js';
import { changedFigures, changedWords } from './words.js';
import { changedNotes } from './notes.js';
import { changedLabels } from './labels.js';
import { readingLine, readingText } from './readingText.js';
import { changedFiles } from './files.js';

interface KeyedCell {
  row: string;
  /** What the row is matched by: its id, else its label. */
  rowKey: string;
  column: string;
  /** What the column is matched by (see columnKeys). */
  columnKey: string;
  kind: string;
  value: number | null;
}

/**
 * What a budget column is matched by in another version: a budget or plan column by its year (the
 * figures planned for that year: last year's "Plan 2026" is this year's "Budget 2026", as vplan next
 * makes it), other columns (prognos, utfall) by their id. A year two columns plan for keeps the ids.
 */
function columnKeys(columns: readonly { id: string; kind: string; year: number }[]): string[] {
  const planned = (c: { kind: string }) => c.kind === 'budget' || c.kind === 'plan';
  const count = new Map<number, number>();
  for (const c of columns) if (planned(c)) count.set(c.year, (count.get(c.year) ?? 0) + 1);
  return columns.map((c) => (planned(c) && count.get(c.year) === 1 ? `planerat${c.year}` : c.id));
}

/** Every printed figure of a plan's tables, keyed by table, row and column (columnKeys). */
function figures(plan: ComputedPlan, inUnit?: Unit): Map<string, KeyedCell> {
  const out = new Map<string, KeyedCell>();
  const factor = inUnit === 'kr' && plan.budget?.unit === 'tkr' ? 1000 : 1;
  const add = (table: BudgetTable, tableName: string, columnIds: string[]) => {
    const seen = new Map<string, number>();
    for (const row of table.rows) {
      if (row.kind === 'heading' || row.kind === 'groupHeading' || row.kind === 'columnHeadings') continue;
      const n = (seen.get(row.label) ?? 0) + 1;
      seen.set(row.label, n);
      const rowName = `${tableName}${row.label}${n > 1 ? ` (${n})` : ''}`;
      // A row with an id is the same row under a new label; others are matched by their label.
      const rowKey = row.id ? `${tableName}#${row.id}` : rowName;
      row.cells.forEach((value, ci) => {
        out.set(`${rowKey}|${columnIds[ci]}`, { row: rowName, rowKey, column: table.columnLabels[ci]!, columnKey: columnIds[ci]!, kind: row.kind, value: value === null ? null : value * factor });
      });
    }
  };
  const budget = plan.budget;
  if (budget) {
    const ids = columnKeys(budget.columns);
    add(budget.table, '', ids);
    for (const detail of budget.details) add(detail, `${detail.caption ?? detail.id}: `, ids);
  }
  const contributions = plan.contributions;
  if (contributions) {
    contributions.parties.forEach((party) =>
      contributions.columns.forEach((column, ci) =>
        out.set(`medlemsbidrag:${party.name}|${column.id}`, {
          row: `Medlemsbidrag: ${party.name}`,
          rowKey: `medlemsbidrag:${party.name}`,
          column: column.label,
          columnKey: `medlemsbidrag${column.id}`,
          kind: 'row',
          value: party.amounts[ci]!,
        }),
      ),
    );
    contributions.columns.forEach((column) =>
      out.set(`medlemsbidrag:total|${column.id}`, {
        row: `Medlemsbidrag: ${contributions.totalLabel}`,
        rowKey: 'medlemsbidrag:total',
        column: column.label,
        columnKey: `medlemsbidrag${column.id}`,
        kind: 'sum',
        value: column.total,
      }),
    );
  }
  return out;
}

function sectionName(s: ComputedSection): string {
  const label = headingLabel(s.number, s.level);
  return label ? `${label} ${s.title}` : s.title;
}

/** Sections keyed by their titles from the top, so renumbering alone is not a change. */
function sections(plan: ComputedPlan): Map<string, { name: string; title: string; body: string; text: string }> {
  const out = new Map<string, { name: string; title: string; body: string; text: string }>();
  // Where a part stands in the JSON is not its content: moving a section is not rewording it.
  const withoutPaths = (key: string, value: unknown) => (key === 'path' ? undefined : value);
  const walk = (list: ComputedSection[], prefix: string, parentName: string) => {
    list.forEach((s, i) => {
      const key = `${prefix}/${s.title || `#${i}`}`;
      const name = sectionName(s) || `${parentName} (del ${i + 1})`;
      // The words a reader sees: the section's text and every text and number of its content (a
      // vision's statement, a target group's ages, a goal), so that a reworded part shows its words.
      // As printed, without Markdown: a table's cells, not its | and ** (readingText.ts).
      const text = [readingText(s.text ?? ''), ...visibleWords(s.content).map(readingLine), readingText(s.textAfter ?? '')].filter(Boolean).join('\n\n');
      out.set(key, { name, title: s.title, body: JSON.stringify([s.type, s.text, s.textAfter, s.content], withoutPaths), text });
      walk(s.children, key, name);
    });
  };
  walk(plan.sections, '', 'planen');
  return out;
}

const SKIPPED = new Set(['path', 'id', 'type', 'kind', 'role', 'style', 'parentStyle', 'charts', 'table']);

/** The texts and numbers of a section's content, in order: what it prints besides its text. */
function visibleWords(content: unknown): string[] {
  const out: string[] = [];
  const walk = (value: unknown, key: string | undefined) => {
    // Where a part stands in the plan, ids, kinds and styles are not printed; charts and tables are
    // the budget's figures, whose changes are told as the budget's, but a chart's caption is printed
    // ("Kostnader 2025 per budgetpost", its year moved on by vplan next).
    if (key === 'charts' && Array.isArray(value)) {
      for (const chart of value as { caption?: unknown }[]) if (typeof chart?.caption === 'string') out.push(chart.caption);
      return;
    }
    if (key !== undefined && SKIPPED.has(key)) return;
    if (typeof value === 'string') out.push(value);
    else if (typeof value === 'number') out.push(String(value));
    else if (Array.isArray(value)) value.forEach((v) => walk(v, undefined));
    else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, k);
  };
  walk(content, undefined);
  return out;
}

/** "Samverkansteam (Budget 2026: 1 000 000; Plan 2027: 1 050 000)": a new row or column with what it holds. */
function withAmounts(name: string, cells: KeyedCell[], label: (c: KeyedCell) => string): string {
  const shown = cells.filter((c) => c.value !== null).map((c) => `${label(c)}: ${formatInteger(c.value!)}`);
  return shown.length > 0 ? `${name} (${shown.join('; ')})` : name;
}

export function diffPlans(before: ComputedPlan, after: ComputedPlan, since: string): PlanChanges {
  const document: ValueChange[] = [];
  const compare = (label: string, a: string | undefined, b: string | undefined) => {
    if ((a ?? '') !== (b ?? '')) document.push({ label, before: a ?? '–', after: b ?? '–' });
  };
  const d0 = before.document;
  const d1 = after.document;
  compare('Förbund', d0.associationName, d1.associationName);
  compare('Titel', d0.title, d1.title);
  compare('Undertitel', d0.subtitle, d1.subtitle);
  compare('Vision', d0.vision?.statement, d1.vision?.statement);
  compare('Raden över visionen på titelsidan', d0.vision?.titlePageLead, d1.vision?.titlePageLead);
  compare('Diarienummer', d0.dnr, d1.dnr);
  compare('Status', d0.status.state, d1.status.state);
  compare('Beslutsdatum', d0.status.decisionDate, d1.status.decisionDate);
  compare('Beslutande organ', d0.status.decisionBody, d1.status.decisionBody);
  compare('Budgetår', String(d0.budgetYear), String(d1.budgetYear));

  // Amounts in different units (kr in one, tkr in the other) are compared in kr, with one note.
  const unitBefore = before.budget?.unit;
  const unitAfter = after.budget?.unit;
  const mixed = unitBefore !== undefined && unitAfter !== undefined && unitBefore !== unitAfter;
  const unitNote = mixed ? `Enheten ändrades från ${unitBefore} till ${unitAfter}; beloppen jämförs i kr.` : undefined;
  const old = figures(before, mixed ? 'kr' : undefined);
  const now = figures(after, mixed ? 'kr' : undefined);
  const cells: PlanChanges['cells'] = [];
  const sums: PlanChanges['sums'] = [];
  for (const [key, cell] of now) {
    const previous = old.get(key);
    if (!previous || previous.value === cell.value) continue;
    const delta = previous.value !== null && cell.value !== null ? cell.value - previous.value : null;
    // "Budget 2026 (förut Plan 2026)": the same year's figures under the column's new heading.
    const column = previous.column === cell.column ? cell.column : `${cell.column} (förut ${previous.column})`;
    const change = { row: cell.row, column, before: previous.value, after: cell.value, delta };
    // Stated figures are changes; sums, results and carried-forward capital are their effects.
    (cell.kind === 'row' || cell.kind === 'varav' ? cells : sums).push(change);
  }
  const rowsOf = (m: Map<string, KeyedCell>) =>
    new Map([...m.values()].filter((c) => c.kind === 'row' || c.kind === 'varav').map((c) => [c.rowKey, c.row]));
  const columnsOf = (m: Map<string, KeyedCell>) => new Map([...m.values()].map((c) => [c.columnKey, c.column]));
  const oldRows = rowsOf(old);
  const newRows = rowsOf(now);
  const oldColumns = columnsOf(old);
  const newColumns = columnsOf(now);

  const oldSections = sections(before);
  const newSections = sections(after);
  const paired = pairedByYears(oldSections, newSections);
  // A section with a new title and the same content (and its sub-sections, whose keys hold that title).
  for (const [k, was] of pairedByContent(oldSections, newSections, paired)) paired.set(k, was);
  const pairedOld = new Set(paired.values());
  const labels = changedLabels(before, after);
  // A text whose words are the same but some figures are not (a year moved on, an amount a placeholder
  // gives anew) is not rewritten: its figures are listed old → new, apart from the rewritten texts.
  const sectionsReworded: Rewording[] = [];
  const sectionsRenamed: { before: string; after: string }[] = [];
  const sectionFigures: FigureChanges[] = [];
  const changedText = (name: string, was: string, now: string) => {
    const figures = changedFigures(was, now);
    if (figures) sectionFigures.push({ name, ...figures });
    // The same words in another form (bold, a list, a table): changed, with no words to show.
    else if (was === now) sectionsReworded.push({ name, removed: [], added: [], formattingOnly: true });
    else sectionsReworded.push({ name, ...changedWords(was, now) });
  };
  if ((d0.preface ?? '') !== (d1.preface ?? '')) changedText('Förord', readingText(d0.preface ?? ''), readingText(d1.preface ?? ''));
  for (const [k, s] of newSections) {
    // A section whose title only moved a year on: its heading's words among the changed ones. Its
    // sub-sections are paired too (their keys hold its title), and are unchanged where their own
    // titles and texts are; the headings' numbers are not compared, as elsewhere.
    const was = oldSections.get(paired.get(k) ?? k);
    if (!was) continue;
    if (paired.has(k)) {
      // Only its heading's words changed, not a year in them: a new heading, said as such.
      if (was.title !== s.title && was.body === s.body && !changedFigures(was.title, s.title)) sectionsRenamed.push({ before: was.name, after: s.name });
      else if (was.title !== s.title || was.body !== s.body) changedText(s.name, `${was.title}\n\n${was.text}`, `${s.title}\n\n${s.text}`);
    } else if (was.body !== s.body) changedText(s.name, was.text, s.text);
  }
  const changes: PlanChanges = {
    since,
    unit: mixed ? 'kr' : after.budget?.unit ?? before.budget?.unit ?? 'kr',
    document,
    cells,
    sums,
    rowsAdded: [...newRows]
      .filter(([k]) => !oldRows.has(k))
      .map(([k, name]) => withAmounts(name, [...now.values()].filter((c) => c.rowKey === k), (c) => c.column))
      .concat(labels.added),
    rowsRemoved: [...[...oldRows].filter(([k]) => !newRows.has(k)).map(([, name]) => name), ...labels.removed],
    // A row with an id under a new text: the same row, renamed (rows without an id are matched by their text).
    rowsRenamed: [...labels.renamed, ...[...newRows].filter(([k, name]) => oldRows.has(k) && oldRows.get(k) !== name).map(([k, name]) => `raden ${oldRows.get(k)} heter nu ${name}`)],
    columnsAdded: [...newColumns]
      .filter(([k]) => !oldColumns.has(k))
      .map(([k, c]) => withAmounts(c, [...now.values()].filter((x) => x.columnKey === k && x.kind !== 'row' && x.kind !== 'varav'), (x) => x.row)),
    columnsRemoved: [...oldColumns].filter(([k]) => !newColumns.has(k)).map(([, c]) => c),
    sectionsAdded: [...newSections].filter(([k]) => !oldSections.has(k) && !paired.has(k)).map(([, s]) => s.name),
    sectionsRemoved: [...oldSections].filter(([k]) => !newSections.has(k) && !pairedOld.has(k)).map(([, s]) => s.name),
    sectionsReworded,
    sectionsRenamed,
    sectionFigures,
    budgetNotes: changedNotes(before.budgetNotes ?? [], after.budgetNotes ?? []),
    unitNote,
    filesChanged: changedFiles(before, after),
  };
  return { ...changes, decisionNote: staleDecision(before, after, changes) };
}

/**
 * An adopted plan changed after its decision that still says it was adopted then: its PDF would print
 * "Fastställd av styrelsen 2024-11-28" over figures the board never saw.
 */
function staleDecision(before: ComputedPlan, after: ComputedPlan, c: PlanChanges): string | undefined {
  const [was, now] = [before.document.status, after.document.status];
  if ((now.state !== 'fastställd' && now.state !== 'beslutad') || was.state !== now.state) return undefined;
  if (now.decisionDate === undefined || was.decisionDate !== now.decisionDate) return undefined;
  const budget = c.cells.length + c.budgetNotes.length + c.rowsAdded.length + c.rowsRenamed.length + c.rowsRemoved.length + c.columnsAdded.length + c.columnsRemoved.length > 0;
  const text = c.sectionsAdded.length + c.sectionsRemoved.length + c.sectionsReworded.length + c.sectionsRenamed.length + c.sectionFigures.length > 0;
  if (!budget && !text) return undefined;
  const what = budget && text ? 'budgeten och texten' : budget ? 'budgeten' : 'texten';
  return `den nya versionen säger fortfarande att planen är ${now.state} ${now.decisionDate}, men ${what} har ändrats sedan dess; sätt status till förslag (eller utkast) tills det finns ett nytt beslut, och skriv då det beslutets datum`;
}

export function hasChanges(c: PlanChanges): boolean {
  return (
    c.document.length + c.cells.length + c.budgetNotes.length + c.sums.length + c.rowsAdded.length + c.rowsRemoved.length + c.rowsRenamed.length + c.columnsAdded.length +
      c.columnsRemoved.length + c.sectionsAdded.length + c.sectionsRemoved.length + c.sectionsReworded.length + c.sectionsRenamed.length + c.sectionFigures.length +
      (c.filesChanged?.length ?? 0) >
    0
  );
}
