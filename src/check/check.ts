// The self-check after printing: the PDF is read back as text and must show every figure the budget
// engine computed in its table, row and column, on the page, and every heading of the contents on the
// page the contents gives. Anything else is a build error, and no PDF is written.
import { PlanError, type PlanIssue } from '../errors.js';
import { withPosition, type ParsedPlan } from '../load/loadPlan.js';
import type { ComputedPlan } from '../model.js';
import { checkContents } from './contents.js';
import { readPrintedText } from './printedText.js';
import { checkTables, expectedTables } from './tables.js';

/** At most this many problems are listed: one cause (a column off the page) gives many. */
const MAX_LISTED = 12;

/** The printed PDF does not show what the plan computed. */
export class PrintCheckError extends PlanError {
  constructor(file: string, issues: PlanIssue[], readonly total = issues.length) {
    super(file, issues, 'render');
    this.name = 'PrintCheckError';
    this.message = this.describe();
  }

  /** The same error with each problem's line and column in the plan file. */
  locatedIn(parsed: Pick<ParsedPlan, 'locate'>): PrintCheckError {
    return new PrintCheckError(this.file, this.issues.map((issue) => withPosition(parsed, issue)), this.total);
  }

  override describe(): string {
    const [, ...lines] = super.describe().split('\n');
    const more = this.total > this.issues.length ? [`  … och ${this.total - this.issues.length} fel till`] : [];
    return [
      `${this.file}: den utskrivna PDF:en stämmer inte med planen (${this.total} fel); vplan läser tillbaka varje belopp och rubrik efter utskriften`,
      ...lines,
      ...more,
    ].join('\n');
  }
}

let warmedUp = false;

/**
 * Reads a first print in the background, once per process: pdf.js compiles its code (half a second
 * the first time) while the browser prints the contents pass's final copy, and the check of that
 * copy then takes a tenth of a second.
 */
export function warmUpWith(pdf: Uint8Array): void {
  if (warmedUp) return;
  warmedUp = true;
  // Two pages compile the code paths; reading all of a 200-page plan would cost seconds.
  void readPrintedText(pdf, 2).catch(() => undefined);
}

export async function checkPrintedPdf(plan: ComputedPlan, pdf: Uint8Array): Promise<void> {
  const tables = expectedTables(plan);
  if (tables.length === 0 && !plan.contents?.length) return;
  const printed = await readPrintedText(pdf);
  const issues = [...checkTables(tables, printed), ...checkContents(plan, printed)];
  if (issues.length > 0) throw new PrintCheckError(plan.file, issues.slice(0, MAX_LISTED), issues.length);
}
