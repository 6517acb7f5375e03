// The pipeline: load → compute → render → print → write. Each stage is its own module; this file only
// wires them (the browser's lifetime is print/session.ts's).
import { PlanError, RunError, SchemaError, VplanError, type PlanIssue } from './errors.js';
import { issuesBeyondSchema } from './compute/partial.js';
import { loadPlan, sortIssues, withPosition, type LoadedPlan } from './load/loadPlan.js';
import { computePlan } from './compute/computePlan.js';
import type { ComputedPlan } from './model.js';
import { renderHtml, themeFontStack } from './render/html.js';
import { glyphIssues, pdfaGlyphError } from './render/glyphs.js';
import { listThemes } from './render/assets.js';
import { loadDocument } from './print/pdf.js';
import { loadFinishing, PrintSession } from './print/session.js';
import { contentsGuess } from './finish/contentsCache.js';
import type { PDFDocument } from 'pdf-lib';
import { writeFileAtomic } from './output.js';
import { GENERATOR } from './version.js';
import { checkTarget, filesUsedBy } from './guard.js';
import { checkImages, usePlanFiles } from './load/planFiles.js';
import { DEFAULT_ARCHIVE_DIR } from './archive/archive.js';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PrintCheckError, readAhead, startPrintCheck } from './check/check.js';
import { neededPagesOf } from './check/pages.js';
import { overflowWarnings } from './check/overflow.js';
import { inPlanForm } from './compute/hintForm.js';
import { trace } from './trace.js';

export { PrintSession };

export interface CheckedPlan {
  loaded: LoadedPlan;
  plan: ComputedPlan;
  warnings: PlanIssue[];
}

export interface CheckOptions {
  /** A theme that replaces the plan's own (vplan build --theme). */
  theme?: string | undefined;
}

/** Load and compute: everything short of printing. Throws PlanError with every problem found. */
export async function checkPlan(file: string, options: CheckOptions = {}): Promise<CheckedPlan> {
  const read = await loadPlan(file).catch(async (error: unknown) => {
    // Every error in one run: the parts of the plan the schema accepted are computed too, and the
    // images they name checked.
    if (!(error instanceof SchemaError)) throw error;
    const beyond = issuesBeyondSchema(error.value, error.issues, file, error.form);
    const images = beyond.accepted ? (await checkImages(file, beyond.accepted, beyond.logoAccepted)).issues : [];
    const more = [...beyond.issues, ...images].map((i) => withPosition({ locate: error.locate }, i));
    throw more.length > 0 ? new PlanError(file, sortIssues([...error.issues, ...more]), 'schema') : error;
  });
  // Its logo, images and budget sheet: checked, and the sheet's amounts and the images joined to the plan.
  const used = await usePlanFiles(read);
  const loaded = used.loaded;
  const outcome = computePlan(loaded.plan, file, loaded.form);
  if (outcome.plan && options.theme) outcome.plan.document.theme = options.theme;
  const locate = (issues: PlanIssue[]) => issues.map((i) => withPosition(loaded.parsed, i));
  const fileIssues = used.issues;
  // With errors in the budget, its warnings too: one may say why (a row left blank where the errors find the capital below zero).
  const explaining = outcome.issues.length > 0 ? locate(outcome.warnings) : [];
  if (!outcome.plan || fileIssues.length > 0) throw new PlanError(file, sortIssues(locate([...fileIssues, ...outcome.issues])), 'budget', explaining);
  const themes = await listThemes();
  if (!themes.includes(outcome.plan.document.theme)) {
    const theme = outcome.plan.document.theme;
    const message = `utseendet "${theme}" finns inte; välj ett av ${themes.join(', ')}`;
    if (options.theme) throw new RunError(`--theme: ${message}`);
    throw new PlanError(file, locate([{ path: ['document', 'theme'], message }]), 'schema');
  }
  // Characters no bundled font has: a warning here, an error when printing PDF/A (printOnce).
  const glyphs = glyphIssues(loaded.parsed.value, await themeFontStack(outcome.plan.document.theme));
  const warnings = locate([...loaded.notices, ...used.warnings, ...outcome.warnings, ...glyphs.map(({ path, message, codePoints }) => ({ path, message, snippet: String.fromCodePoint(codePoints[0]!) }))]);
  const source = loaded.parsed.text + used.digest;
  return { loaded, plan: { ...outcome.plan, warnings, source, read: loaded.parsed, usedFiles: used.files }, warnings };
}

export interface BuildResult {
  file: string;
  outFile: string;
  warnings: PlanIssue[];
  bytes: number;
  pages: number;
  blockedRequests: string[];
  /** The files the plan uses besides its own (its logo), absolute paths: watch mode watches them. */
  usedFiles: string[];
}

/** Render, print (with the contents pass) and finish one computed plan: the PDF's bytes. */
export interface PrintOptions {
  /** PDF/A-2u for archiving (vplan build --pdfa, and every archived version). */
  pdfa?: boolean | undefined;
  /** Also return the final HTML as printed (vplan build --html). */
  html?: boolean | undefined;
  /** The archive's version number, printed on the title page and in the metadata (vplan archive). */
  archiveVersion?: number | undefined;
  /**
   * The PDF the build replaces, if any: while the browser loads and prints the new one, the reader reads
   * its first pages, so that pdf.js has compiled what it needs before the self-check (once per session).
   */
  previousPdf?: string | undefined;
}

/**
 * Larger documents than this (about 2 500 pages of text) have crashed the browser after minutes of work;
 * they are refused at once instead.
 */
export const MAX_PRINT_BYTES = 6 * 1024 * 1024;

/** A printed plan; `warnings`: what the print found (a table wider than the page, see check/overflow.ts). */
type Printed = { pdf: Uint8Array; blockedRequests: string[]; pages: number; html: string; warnings: PlanIssue[] };

/** A crash or hang of the browser, as opposed to a problem of the plan or the templates. */
function isBrowserFailure(error: unknown): boolean {
  if (error instanceof PlanError || error instanceof VplanError || !(error instanceof Error)) return false;
  return (
    ['TimeoutError', 'TargetCloseError', 'ProtocolError', 'ConnectionClosedError'].includes(error.name) ||
    /target closed|session closed|connection closed|protocol error|disconnected|detached|timed? ?out/i.test(error.message)
  );
}

/**
 * Prints a plan; a browser that crashes or hangs (timeout) is ended and started again once, and a
 * second failure is reported clearly.
 */
export async function printPlan(plan: ComputedPlan, session: PrintSession, options: PrintOptions = {}): Promise<Printed> {
  try {
    return await printOnce(plan, session, options);
  } catch (error) {
    if (!isBrowserFailure(error)) throw error;
    await session.restart();
    try {
      return await printOnce(plan, session, options);
    } catch (second) {
      if (!isBrowserFailure(second)) throw second;
      await session.restart();
      throw new RunError(
        `Webbläsaren kraschade eller slutade svara två gånger när ${plan.file} skulle skrivas ut (${(second as Error).message.split('\n')[0]}).`,
        'Ingen PDF skrevs. Försök igen; händer det igen, prova en annan webbläsare med --browser eller VPLAN_BROWSER.',
      );
    }
  }
}

/** The plan as filed under a version number: the number joins the dnr on the title page and the keywords. */
function asArchiveVersion(plan: ComputedPlan, version: number | undefined): ComputedPlan {
  if (version === undefined) return plan;
  const keywords = [...plan.document.keywords];
  const dnr = keywords.findIndex((k) => k.startsWith('dnr '));
  keywords.splice(dnr + 1 || keywords.length, 0, `version ${version}`);
  const document = { ...plan.document, archiveVersion: version, keywords };
  return { ...plan, document };
}

const warmedUp = new WeakSet<PrintSession>();

/** Reads the start of an earlier print in the reader's thread, once a session, if the file is one (never an error). */
function warmUpReader(session: PrintSession, file: string): void {
  if (warmedUp.has(session)) return;
  warmedUp.add(session);
  void readFile(file).then(
    (bytes) => {
      // Any PDF vplan would print (MAX_PRINT_BYTES of HTML makes far less); a stranger file is left alone.
      if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-' || bytes.byteLength > 64 * 1024 * 1024) return;
      try {
        session.reader.warmUpWith(bytes, 'final');
      } catch {
        // A reader that cannot start says so at the check itself.
      }
    },
    () => undefined,
  );
}

async function printOnce(original: ComputedPlan, session: PrintSession, options: PrintOptions): Promise<Printed> {
  const plan = asArchiveVersion(original, options.archiveVersion);
  // The contents page numbers to try first, looked for while the HTML is rendered.
  const guessing = contentsGuess(plan, session.lastContentsPages);
  const html = await renderHtml(plan, { generator: GENERATOR });
  trace('HTML rendered');
  if (options.previousPdf) warmUpReader(session, options.previousPdf);
  const size = Buffer.byteLength(html);
  if (size > MAX_PRINT_BYTES) {
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1).replace('.', ',');
    throw new VplanError(
      `${plan.file}: planen blir ${mb(size)} MB att skriva ut (långt över tusen sidor); vplan skriver ut högst ${mb(MAX_PRINT_BYTES)} MB i ett dokument.`,
      'Dela upp planen i flera, eller flytta långa bilagor till egna dokument. Ingen PDF skrevs.',
    );
  }
  if (options.pdfa) {
    const missing = pdfaGlyphError(plan, await themeFontStack(plan.document.theme), html);
    if (missing) throw missing;
  }
  const [{ printWithContents }, { finishPdf, propertiesOf }] = await loadFinishing();
  const page = await session.page();
  trace('page ready');
  const document = await loadDocument(page, html, session.release);
  trace(document.reused ? 'HTML put in the page (its fonts and style kept)' : 'HTML loaded in the page');
  const print = document.print;
  try {
    // A guess is always checked against the printed PDF (see finish/contents.ts).
    const contents = await guessing;
    const guess = contents?.guess;
    const [headings, spans] = await Promise.all([document.headings(), document.headingSpans()]);
    // The check reads only the pages that can hold a table or the contents (check/pages.ts).
    const ahead = readAhead(session.reader, neededPagesOf(plan, headings.map((h) => h.anchor), spans));
    document.print = async (options = {}) => {
      const pdf = await print(options);
      trace(options.draft ? 'printed (a draft, for the contents page numbers)' : 'printed');
      ahead.printed(pdf, options.draft === true);
      return pdf;
    };
    let printed: Uint8Array | PDFDocument;
    let raw: Uint8Array;
    if (plan.contents && contents) {
      const result = await printWithContents(document, plan.contents, headings, guess);
      contents.printed(result.pages);
      printed = result.doc;
      raw = result.pdf;
    } else {
      printed = raw = await document.print();
    }
    // Every computed figure and every contents page number, read back from the final print in the
    // reader's worker while this thread finishes the PDF (which changes no page's content).
    const checked = startPrintCheck(plan, (whole) => ahead.text(raw, whole));
    const { pdf, pages } = await finishPdf(printed, propertiesOf(plan.document, GENERATOR, plan.source), headings.map((h) => h.text), {
      pdfa: options.pdfa,
    });
    trace('finished (pdf-lib)');
    const units = { budget: plan.budget?.unit, contributions: plan.contributions?.unit };
    // Figures cut off at the page's edge: with what ran past it, the cause.
    await checked().catch((error: unknown) => {
      throw error instanceof PrintCheckError ? error.withCauses(overflowWarnings(document.overflow, units)) : error;
    });
    trace('self-check done');
    await contents?.save();
    // The document as printed, contents page numbers included: self-contained, for the web and the benchmark.
    const printedHtml = options.html ? await document.html() : html;
    return { pdf, blockedRequests: [...document.blockedRequests], pages, html: printedHtml, warnings: overflowWarnings(document.overflow, units) };
  } finally {
    await document.close();
  }
}

export async function buildPlan(
  file: string,
  outFile: string,
  session: PrintSession,
  options: CheckOptions & PrintOptions & { htmlFile?: string | undefined; archiveDir?: string | undefined } = {},
): Promise<BuildResult> {
  const { plan, warnings, loaded } = await checkPlan(file, options);
  trace('plan loaded and computed');
  const used = filesUsedBy(file, plan);
  const context = { inputs: [file, ...loaded.files.map((f) => f.path), ...used], archiveDir: options.archiveDir ?? DEFAULT_ARCHIVE_DIR };
  await checkTarget(outFile, 'pdf', { ...context, flag: '--out' });
  if (options.htmlFile) {
    if (path.resolve(options.htmlFile) === path.resolve(outFile)) throw new VplanError(`--html ${options.htmlFile}: samma fil som PDF:en; välj ett annat namn, t.ex. --html output/plan.html.`);
    await checkTarget(options.htmlFile, 'html', { ...context, flag: '--html' });
  }
  const printed = await printPlan(plan, session, {
    ...options,
    html: options.html ?? options.htmlFile !== undefined,
    previousPdf: options.previousPdf ?? outFile,
  }).catch(
    (error: unknown) => {
      // The self-check names rows and headings by JSON path: with their lines in the plan file too.
      if (error instanceof PrintCheckError) throw error.locatedIn(loaded.parsed, loaded.form);
      throw error;
    },
  );
  const { pdf, blockedRequests, pages, html } = printed;
  await writeFileAtomic(outFile, pdf);
  trace('PDF written');
  if (options.htmlFile) await writeFileAtomic(options.htmlFile, html);
  const printedWarnings = inPlanForm(printed.warnings.map((w) => withPosition(loaded.parsed, w)), loaded.form);
  return { file, outFile, warnings: [...warnings, ...printedWarnings], bytes: pdf.byteLength, pages, blockedRequests, usedFiles: used };
}
