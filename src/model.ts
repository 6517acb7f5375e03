// The computed plan: the one model every renderer consumes. Every number in it was computed by the
// budget engine; templates only format and place it.
import type { PlanIssue, JsonPath } from './errors.js';
import type { ColumnKind, Numbering, State } from './load/schema.js';
import type { SectionContent } from './compute/sections/types.js';

export type * from './compute/sections/types.js';

export type Unit = 'kr' | 'tkr';
/** One value per budget column, in column order; null is a blank cell (not zero). */
export type Cells = (number | null)[];

export interface BudgetColumn {
  id: string;
  kind: ColumnKind;
  year: number;
  label: string;
}

/** columnHeadings: the column headings repeated inside the table, above a group (label: the label column's text). */
export type TableRowKind = 'heading' | 'groupHeading' | 'columnHeadings' | 'row' | 'varav' | 'capital' | 'subtotal' | 'sum' | 'result';

export interface TableRow {
  kind: TableRowKind;
  label: string;
  /** Values as printed: costs already negated when the plan shows costs negative. */
  cells: Cells;
  path: JsonPath;
  /** The row's id in the plan, when it has one: what vplan diff matches rows by before their labels. */
  id?: string | undefined;
}

export interface BudgetTable {
  caption: string | undefined;
  labelHeader: string;
  columnLabels: string[];
  /** Number of table columns, label column included (for headings spanning the table). */
  span: number;
  unitCaption: string | undefined;
  /** What each column label has after it: " (tkr)" where the plan shows the unit in the headings, else "". */
  unitSuffix: string;
  rows: TableRow[];
}

/** The budget's totals per column: the figures the summary rows and the capital rows show. */
export interface Totals {
  income: Cells;
  assets: Cells;
  costs: Cells;
  result: Cells;
  openingCapital: Cells;
  closingCapital: Cells;
}

export interface ComputedBudget {
  unit: Unit;
  convention: 'result' | 'balance';
  columns: BudgetColumn[];
  table: BudgetTable;
  details: (BudgetTable & { id: string })[];
  totals: Totals;
  /** Values of rows, varav rows, groups and detail sums with an id, by that id. */
  named: Map<string, { kind: 'row' | 'group' | 'detail'; cells: Cells }>;
}

/** What figures in the text can name: a budget's columns, totals and named rows (values may be stand-ins). */
export type BudgetNames = Pick<ComputedBudget, 'unit' | 'columns' | 'totals' | 'named'>;

export interface ContributionParty {
  id: string | undefined;
  name: string;
  /** Hundredths of a percent: 1175 is 11,75 %. */
  share: number;
  amounts: number[];
}

export interface ComputedContributions {
  caption: string | undefined;
  unit: Unit;
  partyHeader: string;
  shareHeader: string;
  totalLabel: string;
  columns: { id: string; year: number; label: string; budgetColumn: string | undefined; total: number }[];
  parties: ContributionParty[];
  totalShare: number;
}

/** A heading of the document with its typed content (src/compute/sections/types.ts): `type` says which. */
export type ComputedSection = {
  /** "3.1.1", or null for an unnumbered heading. */
  number: string | null;
  level: number;
  title: string;
  anchor: string;
  text: string | undefined;
  textAfter: string | undefined;
  children: ComputedSection[];
} & SectionContent;

/** The plan's status as printed (src/compute/status.ts). */
export interface ComputedStatus {
  state: State;
  decisionDate: string | undefined;
  decisionBody: string | undefined;
  paragraph: string | undefined;
  /** In the page header: "UTKAST", "FÖRSLAG", or none. */
  mark: string | undefined;
  /** Above the title: "Utkast till", "Förslag till", or none. */
  titleMark: string | undefined;
  /** Under the title: "Fastställd av styrelsen 2024-11-28", filled in. */
  decisionLine: string | undefined;
  /** Last in the plan: "Verksamhetsplanen fastställdes av …", filled in. */
  closingLine: string | undefined;
}

export interface ComputedDocument {
  associationName: string;
  /** The association's members by name, in the plan's order (for {{ association.members }}). */
  members: string[];
  title: string;
  subtitle: string | undefined;
  budgetYear: number;
  planYears: number[];
  dnr: string | undefined;
  status: ComputedStatus;
  dateStyle: 'iso' | 'long';
  /** Heading numbers "5.1" or "5.1.", how many levels are numbered, and whether unnumbered ones are in the contents. */
  headings: { numbering: Numbering; depth: number; unnumberedInContents: boolean };
  vision:
    | {
        statement: string;
        /** Shown on the title page (document.vision.showOnTitlePage, else whether a lead is given). */
        onTitlePage: boolean;
        /** The line above the vision on the title page; a blank one is none. */
        titlePageLead: string | undefined;
        uppercaseOnTitlePage: boolean;
      }
    | undefined;
  preface: string | undefined;
  logo: { file: string; alt: string } | undefined;
  theme: string;
  /** The document's date for the PDF's properties: document.date, else the decision date. */
  date: string | undefined;
  subject: string;
  keywords: string[];
  /** Set when printed for the archive: the version number beside the dnr. */
  archiveVersion?: number | undefined;
}

/** One line of the innehållsförteckning: a heading of level 1–3. */
export interface ContentsEntry {
  anchor: string;
  /** As printed before the title: "1.", "3.1", or "" for an unnumbered heading. */
  label: string;
  title: string;
  level: number;
  /** Where the heading is in the plan, when it is not a section's title (a ## heading in its text). */
  path?: JsonPath | undefined;
}

export interface ValueChange {
  label: string;
  before: string;
  after: string;
}

export interface CellChange {
  row: string;
  column: string;
  before: number | null;
  after: number | null;
  /** after − before, when both are figures. */
  delta: number | null;
}

/** What changed since an earlier version ("Ändringar sedan version 2"). */
export interface PlanChanges {
  /** "version 2 (2024:11 / 2)" or the earlier plan's file name. */
  since: string;
  unit: Unit;
  document: ValueChange[];
  /** Figures the plan states that changed. */
  cells: CellChange[];
  /** Sums, subtotals and results that changed as a consequence. */
  sums: CellChange[];
  rowsAdded: string[];
  rowsRemoved: string[];
  /** Budget headings with a new name over the same rows: "rubriken Insatser heter nu Insatser för deltagare". */
  rowsRenamed: string[];
  columnsAdded: string[];
  columnsRemoved: string[];
  sectionsAdded: string[];
  sectionsRemoved: string[];
  sectionsReworded: Rewording[];
  /** Sections whose heading alone changed (not only a year in it), by name before and after. */
  sectionsRenamed: { before: string; after: string }[];
  /** Sections (and the preface) whose text changed only in its figures: not rewritten, each figure old → new. */
  sectionFigures: FigureChanges[];
  /** Notes under the budget table (acknowledged warnings with note) put in, taken out or reworded. */
  budgetNotes: NoteChange[];
  /** Set when the two versions state amounts in different units; amounts are then compared in kr. */
  unitNote?: string | undefined;
  /** Set when the new version still says it was adopted at the old one's decision, though it changed since. */
  decisionNote?: string | undefined;
  /** The logo or images whose bytes changed, added or removed ("logotypen ändrad (logo.png)"): diff/files.ts. */
  filesChanged?: string[] | undefined;
}

/** A note under the budget table: before undefined where it is new, after undefined where it was taken out. */
export interface NoteChange {
  before: string | undefined;
  after: string | undefined;
}

/** A section whose text changed: the words taken out and put in, in order. */
export interface Rewording {
  name: string;
  removed: string[];
  added: string[];
  /** Set where the words are the same and only their form changed (bold, a list, a table). */
  formattingOnly?: boolean | undefined;
}

/**
 * A section whose words are the same but some of its figures are not: a year in its heading moved on
 * (as vplan next moves it), a placeholder gives another amount, a figure typed anew. Each changed
 * figure old → new with the unit word after it ("5,2 miljoner" → "6 miljoner"), each pair once.
 */
export interface FigureChanges {
  name: string;
  figures: { before: string; after: string }[];
  /** How many more changed figures there are than are listed. */
  more: number;
}

export interface ComputedPlan {
  file: string;
  /** The plan as canonical JSON (the same for its JSON, YAML and folder forms), for the document id. */
  source: string;
  /** The plan's value as read, and where a JSON path is in its files: for messages after computing. */
  read?: { value: unknown; locate(path: (string | number)[]): { file?: string; line: number; column: number } | undefined } | undefined;
  document: ComputedDocument;
  sections: ComputedSection[];
  /** The innehållsförteckning, or undefined when the plan has none. */
  contents: ContentsEntry[] | undefined;
  budget: ComputedBudget | undefined;
  contributions: ComputedContributions | undefined;
  /** Reasons of acknowledged warnings printed under the budget table (acknowledgedWarnings with note). */
  budgetNotes?: string[] | undefined;
  /** The files the plan uses besides itself (logo, images, budget sheet), relative to the plan: load/planFiles.ts. */
  usedFiles?: { file: string; jsonPath: string }[] | undefined;
  /** Set by vplan diff --appendix: printed as a last page. */
  changes?: PlanChanges | undefined;
  warnings: PlanIssue[];
}
