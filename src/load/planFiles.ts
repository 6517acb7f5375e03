// The files a plan uses besides itself – its logo, the images in its texts, the budget sheet its
// amounts are read from – checked, read and joined to the plan before it is computed. Each is a
// "used file": its problems are errors naming the file and the plan's field, watch mode watches it,
// the archive files it with the plan, and the PDF's document id changes with its bytes.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { formatPath, VplanError, type JsonPath, type PlanIssue } from '../errors.js';
import { computePlan } from '../compute/computePlan.js';
import { REFERENCE_PATTERN } from '../compute/references.js';
import { formatInteger } from '../format.js';
import { mergeSheet, readSheetFile } from '../sheet/merge.js';
import { checkImageFile } from './images.js';
import { imageRefs, withImagesInText } from './figureRefs.js';
import { canonicalJson, pathsStartFrom, planBaseDir, type LoadedPlan } from './loadPlan.js';
import type { PlanInput, SectionInput } from './schema.js';

/** A file the plan uses, as the plan names it (relative to the plan), and the field that names it. */
export interface UsedFileRef {
  file: string;
  jsonPath: string;
}

export interface PlanFiles {
  /** The plan with the sheet's amounts and its images in its texts: what is computed and printed. */
  loaded: LoadedPlan;
  issues: PlanIssue[];
  warnings: PlanIssue[];
  files: UsedFileRef[];
  /** The used files' names and SHA-256, for the document id ("" when the plan uses none). */
  digest: string;
}

const plain = (n: number | null) => (n === null ? 'tom' : formatInteger(n).replace(/\u00a0/g, ' '));
const SHOWN_REPLACED = 3;

/**
 * The plan with an opening capital of 0 wherever it states none: a plan that reads its amounts from
 * a sheet need not state them, but its budget must compute to give the tables the sheet fills.
 */
function withOpeningStandIns(plan: PlanInput): PlanInput {
  const budget = plan.budget;
  // Only the balance convention requires an opening capital per column (compute/budget/capital.ts).
  if (!budget || budget.convention === 'result') return plan;
  const capital = budget.capital ?? {};
  const opening = { ...capital.opening };
  for (const c of budget.columns) {
    const id = c.id ?? `${c.kind}${c.year}`;
    if (opening[id] === undefined && capital.carryForward?.[id] === undefined) opening[id] = 0;
  }
  return { ...plan, budget: { ...budget, capital: { ...capital, opening } } };
}

/**
 * The plan with its figures in prose left out of its sections' texts and preface: before the sheet is
 * read a figure quoted from the budget is blank, which is no error of the plan's. They are resolved,
 * and checked, with the sheet's amounts.
 */
function withoutFiguresInText(plan: PlanInput): PlanInput {
  const copy = structuredClone(plan);
  const strip = (text: string) => text.replace(REFERENCE_PATTERN, (whole, escape: string) => (escape ? whole : ''));
  const walk = (node: object) => {
    for (const [key, value] of Object.entries(node)) {
      if (typeof value === 'string') Reflect.set(node, key, strip(value));
      else if (value !== null && typeof value === 'object') walk(value);
    }
  };
  walk(copy.sections);
  if (copy.document.preface !== undefined) copy.document.preface = strip(copy.document.preface);
  return copy;
}

/**
 * The plan without its charts: before the sheet is read its amounts are blank, and a chart of blank
 * costs is an error that is no error of the plan's. The charts are checked with the sheet's amounts.
 */
function withoutCharts(plan: PlanInput): PlanInput {
  const strip = (sections: SectionInput[]): SectionInput[] =>
    sections.map((section): SectionInput => {
      const { sections: children, ...rest } = section;
      let plain: SectionInput = rest;
      if (rest.type === 'chart') {
        const { charts: _chart, ...head } = rest;
        plain = { ...head, type: 'text' };
      } else if (rest.type === 'budget' || rest.type === 'contributions') {
        const { charts: _charts, ...head } = rest;
        plain = head;
      }
      return children ? { ...plain, sections: strip(children) } : plain;
    });
  return { ...plan, sections: strip(plan.sections) };
}

/** budget.from: the sheet's amounts in the plan. */
async function budgetSheet(loaded: LoadedPlan, from: string, out: PlanFiles): Promise<LoadedPlan> {
  const at: JsonPath = ['budget', 'from'];
  const issue = (message: string) => out.issues.push({ path: at, message });
  const full = path.resolve(planBaseDir(loaded.file), from);
  // Until the sheet is read, the plan without its amounts: only the sheet's errors are reported, not
  // their consequences (an opening capital missing because the sheet could not be read).
  const shape = withOpeningStandIns(loaded.plan);
  // (Nor a chart of blank costs: without the sheet's amounts the charts are not checked.)
  // Nor its figures in prose: `{{ costs.budget2027 }}` is blank until the sheet's amounts are in.
  const unread = { ...loaded, plan: withoutFiguresInText(withoutCharts(shape)) };
  let raw;
  try {
    raw = (await readSheetFile(full, from)).tables;
  } catch (error) {
    if (!(error instanceof VplanError)) throw error;
    if (/filen finns inte/.test(error.message)) {
      issue(`budgetbladet ${from} finns inte (${full}); sökvägen räknas från ${pathsStartFrom(loaded.file)}. Skriv bladet med vplan export-budget innan planen läser det, eller rätta namnet`);
    } else issue(`${error.message}${error.hint ? ` ${error.hint}` : ''}`);
    return unread;
  }
  // The tables the sheet is matched against: the plan as it stands, without the sheet's amounts.
  const before = computePlan(unread.plan, loaded.file, loaded.form);
  if (!before.plan) return loaded; // the plan's own errors are reported when it is computed
  const merged = mergeSheet(loaded.file, loaded.form, loaded.parsed, shape, before.plan, raw);
  for (const e of merged.errors) issue(`${from}, ${e}`);
  for (const w of merged.warnings) out.warnings.push({ path: at, message: `${from}, ${w}` });
  for (const m of merged.mismatches) {
    const sums = m.contribution ? '' : '; vplan räknar själv summorna och skriver ut sina';
    out.warnings.push({ path: at, message: `${from}, ${m.message}${sums}` });
  }
  merged.replaced.slice(0, SHOWN_REPLACED).forEach((r) => {
    out.warnings.push({
      path: r.path.slice(0, -1),
      message: `planen säger ${plain(r.planValue)} men ${from} (${r.where}) säger ${plain(r.sheetValue)}; bladets belopp gäller. Ta bort beloppen ur planen när budgeten läses ur bladet`,
    });
  });
  if (merged.replaced.length > SHOWN_REPLACED) {
    out.warnings.push({ path: at, message: `ytterligare ${merged.replaced.length - SHOWN_REPLACED} belopp i planen ersätts av andra belopp ur ${from}` });
  }
  if (!merged.value || !merged.plan) return unread;
  return { ...loaded, plan: merged.plan, parsed: { ...loaded.parsed, value: merged.value, text: canonicalJson(merged.value) } };
}

/**
 * The logo and the images a plan names: what is wrong with them or how they are written, and each as a
 * used file. Also for a plan the schema refused in part (its accepted parts, see compute/partial.ts),
 * without the logo when the document was refused.
 */
export async function checkImages(file: string, plan: PlanInput, withLogo = true): Promise<{ issues: PlanIssue[]; files: UsedFileRef[] }> {
  const issues: PlanIssue[] = [];
  const files: UsedFileRef[] = [];
  const logo = withLogo ? plan.document.logo : undefined;
  if (logo) {
    issues.push(...(await checkImageFile(file, logo.file, ['document', 'logo', 'file'])));
    files.push({ file: logo.file, jsonPath: 'document.logo.file' });
  }
  const images = imageRefs(plan);
  issues.push(...images.issues);
  for (const ref of images.refs) {
    issues.push(...(await checkImageFile(file, ref.file, ref.path, ref.snippet)));
    files.push({ file: ref.file, jsonPath: formatPath(ref.path) });
  }
  return { issues, files };
}

/** Checks and reads every file the plan uses; the plan returned is the one to compute. */
export async function usePlanFiles(original: LoadedPlan): Promise<PlanFiles> {
  const { plan, file } = original;
  const images = await checkImages(file, plan);
  const out: PlanFiles = { loaded: original, issues: images.issues, warnings: [], files: images.files, digest: '' };
  let loaded = original;
  const from = plan.budget?.from;
  if (from !== undefined) {
    out.files.push({ file: from, jsonPath: 'budget.from' });
    loaded = await budgetSheet(original, from, out);
  }
  out.loaded = { ...loaded, plan: withImagesInText(loaded.plan) };
  if (out.issues.length === 0 && out.files.length > 0) out.digest = await digest(file, out.files);
  return out;
}

/** Each used file once, by name, with the SHA-256 of its bytes. */
async function digest(planFile: string, files: UsedFileRef[]): Promise<string> {
  const base = planBaseDir(planFile);
  const names = [...new Set(files.map((f) => path.relative(base, path.resolve(base, f.file)).split(path.sep).join('/')))].sort();
  const lines = await Promise.all(
    names.map(async (name) => `${name} ${createHash('sha256').update(await readFile(path.resolve(base, name))).digest('hex')}`),
  );
  return `\n${lines.join('\n')}`;
}
