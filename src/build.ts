// The pipeline: load → compute → render → print → write. Each stage is its own module; this file only
// wires them and owns the browser's lifetime.
import type { Browser } from 'puppeteer-core';
import { PlanError, VplanError, type PlanIssue } from './errors.js';
import { loadPlan, withPosition, type LoadedPlan } from './load/loadPlan.js';
import { computePlan } from './compute/computePlan.js';
import type { ComputedPlan } from './model.js';
import { renderHtml } from './render/html.js';
import { listThemes } from './render/assets.js';
import { chooseBrowser, launchBrowser, type BrowserChoice } from './print/browser.js';
import { loadDocument } from './print/pdf.js';
import { printWithContents } from './finish/contents.js';
import { finishPdf, propertiesOf } from './finish/metadata.js';
import { writeFileAtomic } from './output.js';
import { GENERATOR } from './version.js';

export interface CheckedPlan {
  loaded: LoadedPlan;
  plan: ComputedPlan;
  warnings: PlanIssue[];
}

/** Load and compute: everything short of printing. Throws PlanError with every problem found. */
export interface CheckOptions {
  /** A theme that replaces the plan's own (vplan build --theme). */
  theme?: string | undefined;
}

export async function checkPlan(file: string, options: CheckOptions = {}): Promise<CheckedPlan> {
  const loaded = await loadPlan(file);
  const outcome = computePlan(loaded.plan, file);
  if (outcome.plan && options.theme) outcome.plan.document.theme = options.theme;
  const locate = (issues: PlanIssue[]) => issues.map((i) => withPosition(loaded.parsed, i));
  if (!outcome.plan) throw new PlanError(file, locate(outcome.issues), 'budget');
  const themes = await listThemes();
  if (!themes.includes(outcome.plan.document.theme)) {
    const theme = outcome.plan.document.theme;
    const message = `utseendet "${theme}" finns inte; välj ett av ${themes.join(', ')}`;
    if (options.theme) throw new VplanError(`--theme: ${message}`);
    throw new PlanError(file, locate([{ path: ['document', 'theme'], message }]), 'schema');
  }
  const warnings = locate(outcome.warnings);
  return { loaded, plan: { ...outcome.plan, warnings, source: loaded.parsed.text }, warnings };
}

/** One browser, started on first use and closed by close() whatever happened. */
export class PrintSession {
  private browser: Promise<Browser> | undefined;
  choice: BrowserChoice | undefined;

  constructor(private readonly explicitBrowser?: string) {}

  async get(): Promise<Browser> {
    this.browser ??= (async () => {
      this.choice = await chooseBrowser(this.explicitBrowser);
      return launchBrowser(this.choice);
    })();
    return this.browser;
  }

  async close(): Promise<void> {
    const pending = this.browser;
    this.browser = undefined;
    if (!pending) return;
    const browser = await pending.catch(() => undefined);
    await browser?.close().catch(() => browser.process()?.kill('SIGKILL'));
  }
}

export interface BuildResult {
  file: string;
  outFile: string;
  warnings: PlanIssue[];
  bytes: number;
  pages: number;
  blockedRequests: string[];
}

/** Render, print (with the contents pass) and finish one computed plan: the PDF's bytes. */
export interface PrintOptions {
  /** PDF/A-2u for archiving (vplan build --pdfa, and every archived version). */
  pdfa?: boolean | undefined;
}

export async function printPlan(
  plan: ComputedPlan,
  session: PrintSession,
  options: PrintOptions = {},
): Promise<{ pdf: Uint8Array; blockedRequests: string[]; pages: number }> {
  const html = await renderHtml(plan, { generator: GENERATOR });
  const document = await loadDocument(await session.get(), html);
  try {
    const headings = await document.headings();
    const printed =
      plan.contents && plan.contents.length > 0 ? (await printWithContents(document, plan.contents, headings)).pdf : await document.print();
    const { pdf, pages } = await finishPdf(printed, propertiesOf(plan.document, GENERATOR, plan.source), headings.map((h) => h.text), {
      pdfa: options.pdfa,
    });
    return { pdf, blockedRequests: [...document.blockedRequests], pages };
  } finally {
    await document.close();
  }
}

export async function buildPlan(
  file: string,
  outFile: string,
  session: PrintSession,
  options: CheckOptions & PrintOptions = {},
): Promise<BuildResult> {
  const { plan, warnings } = await checkPlan(file, options);
  const { pdf, blockedRequests, pages } = await printPlan(plan, session, options);
  await writeFileAtomic(outFile, pdf);
  return { file, outFile, warnings, bytes: pdf.byteLength, pages, blockedRequests };
}
