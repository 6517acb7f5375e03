// The self-check after printing: the PDF is read back as text and must show every figure the budget
// engine computed in its table, row and column, on the page, and every heading of the contents on the
// page the contents gives. Anything else is a build error, and no PDF is written.
import { PlanError, type PlanIssue } from '../errors.js';
import { withPosition, type ParsedPlan, type PlanForm } from '../load/loadPlan.js';
import { inPlanForm } from '../compute/hintForm.js';
import type { ComputedPlan } from '../model.js';
import { checkContents } from './contents.js';
import { readWhole, type PrintedText } from './printedText.js';
import { trace } from '../trace.js';
import type { NeededPages } from './pages.js';
import type { PdfReader } from './reader.js';
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

  /** The same error with the causes first (a table wider than the page: check/overflow.ts). */
  withCauses(causes: PlanIssue[]): PrintCheckError {
    return causes.length === 0 ? this : new PrintCheckError(this.file, [...causes, ...this.issues], this.total + causes.length);
  }

  /** The same error with each problem's line and column in the plan file, and its hints in the plan's form. */
  locatedIn(parsed: Pick<ParsedPlan, 'locate'>, form: PlanForm = 'json'): PrintCheckError {
    return new PrintCheckError(this.file, inPlanForm(this.issues.map((issue) => withPosition(parsed, issue)), form), this.total);
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

/**
 * Reads the browser's prints back in the reader's worker as they come, before pdf-lib has even parsed
 * them: the print that proves final (the contents pass's numbers stood) has then been read meanwhile,
 * the pages the check needs (`needed`, pages.ts) or every page. A draft (the contents pass's first print
 * without a guess) is never final: it only warms the reader up.
 */
export function readAhead(reader: PdfReader, needed?: NeededPages) {
  let last: { pdf: Uint8Array; reading: Promise<PrintedText> } | undefined;
  return {
    printed(pdf: Uint8Array, draft: boolean): void {
      if (draft) return reader.warmUpWith(pdf, 'draft');
      const reading = reader.read(pdf, { needed });
      // Awaited only for the final print; a build that fails before must not leave it unhandled.
      reading.catch(() => undefined);
      last = { pdf, reading };
    },
    /** The text of a print: the pages the check needs, read ahead if it was, or (`whole`) every page. */
    text: (pdf: Uint8Array, whole = false): Promise<PrintedText> =>
      whole ? reader.read(pdf) : last?.pdf === pdf ? last.reading : reader.read(pdf, { needed }),
  };
}

/**
 * Starts the check of a print: its text is read back in the reader's worker while the main thread goes
 * on (finishing the PDF). The returned function awaits the reading and throws PrintCheckError with the
 * problems found. Finishing changes no page's content (test/check.finish.test.ts), so the raw print
 * shows exactly what the written file shows. `reading(false)` may give only the pages the check needs;
 * a print that fails the check on them is read whole and checked again, so that the messages can say
 * where a heading or a figure went.
 */
export function startPrintCheck(plan: ComputedPlan, reading: (whole: boolean) => Promise<PrintedText>): () => Promise<void> {
  const tables = expectedTables(plan);
  if (tables.length === 0 && !plan.contents?.length) return async () => undefined;
  const printed = reading(false);
  printed.catch(() => undefined);
  const problems = (text: PrintedText) => [...checkTables(tables, text), ...checkContents(plan, text)];
  return async () => {
    const text = await printed;
    let issues = problems(text);
    trace(`self-check read ${text.read.length} of ${text.pages.length} pages`);
    if (issues.length > 0 && !readWhole(text)) issues = problems(await reading(true));
    if (issues.length > 0) throw new PrintCheckError(plan.file, issues.slice(0, MAX_LISTED), issues.length);
  };
}
