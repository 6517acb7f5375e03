// Compute stage: a validated plan becomes the computed plan, or a PlanError listing every refusal.
import type { PlanInput } from '../load/schema.js';
import type { PlanForm } from '../load/loadPlan.js';
import type { ComputedDocument, ComputedPlan } from '../model.js';
import type { PlanIssue } from '../errors.js';
import { computeBudget } from './budget.js';
import { inPlanForm } from './hintForm.js';
import { computeContributions } from './contributions.js';
import { contributionContext } from './contributionContext.js';
import { ReferenceResolver } from './references.js';
import { computeSections, walkSections } from './sections.js';
import { contentsEntries } from './contents.js';
import { computeStatus } from './status.js';
import { acknowledge } from './acknowledge.js';
import { budgetNoteTexts } from './budgetNotes.js';
import { rawHtmlWarnings } from './rawHtml.js';
import { chartSources } from '../charts/sources.js';
import { columnYearWarnings, decisionYearWarnings, planYearIssues } from './years.js';
import { membersWithoutContribution } from './members.js';

export interface ComputeOutcome {
  plan?: ComputedPlan;
  issues: PlanIssue[];
  warnings: PlanIssue[];
}

/** `form`: how the plan is written, for the acknowledgement a warning suggests (JSON or YAML). */
export function computePlan(input: PlanInput, file: string, form: PlanForm = 'json'): ComputeOutcome {
  const unacknowledged = computeUnacknowledged(input, file);
  const outcome = { ...unacknowledged, issues: inPlanForm(unacknowledged.issues, form), warnings: inPlanForm(unacknowledged.warnings, form) };
  const acknowledged = acknowledge(outcome.warnings, input.acknowledgedWarnings, outcome.issues.length === 0, form);
  const issues = [...outcome.issues, ...acknowledged.issues];
  const { warnings } = acknowledged;
  if (!outcome.plan || issues.length > 0) return { issues, warnings };
  const columns = outcome.plan.budget?.columns ?? [];
  return { issues, warnings, plan: { ...outcome.plan, warnings, budgetNotes: budgetNoteTexts(acknowledged.notes, columns) } };
}

function computeUnacknowledged(input: PlanInput, file: string): ComputeOutcome {
  const issues: PlanIssue[] = [];
  const warnings: PlanIssue[] = [];

  const contributionsOutcome = input.contributions ? computeContributions(input.contributions) : undefined;
  issues.push(...(contributionsOutcome?.issues ?? []));
  const contributions = contributionsOutcome?.contributions;

  warnings.push(...(contributionsOutcome?.warnings ?? []));
  const contributionInput = contributionContext(input, contributions, issues);

  const budgetOutcome = input.budget ? computeBudget(input.budget, { ...contributionInput, budgetYear: input.document.budgetYear, planYears: input.document.planYears }) : undefined;
  issues.push(...(budgetOutcome?.issues ?? []));
  warnings.push(...(budgetOutcome?.warnings ?? []));
  const budget = budgetOutcome?.budget;

  const d = input.document;
  const document: ComputedDocument = {
    associationName: d.association.name,
    members: (d.association.members ?? []).map((m) => m.name),
    title: d.title,
    subtitle: d.subtitle,
    budgetYear: d.budgetYear,
    planYears: d.planYears ?? [],
    dnr: d.dnr,
    status: computeStatus(d.status, d.dateStyle ?? 'iso', issues),
    dateStyle: d.dateStyle ?? 'iso',
    headings: { numbering: d.headings?.numbering ?? '5.1', depth: d.headings?.depth ?? 3, unnumberedInContents: d.headings?.unnumberedInContents ?? true },
    vision: d.vision && {
      statement: d.vision.statement,
      onTitlePage: d.vision.showOnTitlePage ?? d.vision.titlePageLead !== undefined,
      titlePageLead: d.vision.titlePageLead?.trim() || undefined,
      uppercaseOnTitlePage: d.vision.uppercaseOnTitlePage ?? false,
    },
    preface: undefined,
    logo: d.logo,
    theme: d.theme ?? 'kommunal',
    date: d.date ?? d.status.decisionDate,
    subject: d.subject ?? [d.title, d.subtitle].filter(Boolean).join(' '),
    keywords: [
      'verksamhetsplan',
      'budget',
      'samordningsförbund',
      'Finsam',
      ...(d.dnr ? [`dnr ${d.dnr}`] : []),
      String(d.budgetYear),
      ...(d.status.state === 'ingen' ? [] : [d.status.state]),
    ],
  };
  issues.push(...planYearIssues(input));
  warnings.push(...columnYearWarnings(input), ...decisionYearWarnings(input));
  if (input.contributions) warnings.push(...membersWithoutContribution(input.document.association.members ?? [], input.contributions.parties));
  // HTML pasted into a text prints as its characters: said here, where a warning can be acknowledged.
  warnings.push(...rawHtmlWarnings(input));
  if (![d.title, d.subtitle ?? ''].some((t) => t.includes(String(d.budgetYear)))) {
    warnings.push({ path: ['document', 'title'], code: 'titleYear', message: `varken titeln eller undertiteln nämner budgetåret ${d.budgetYear}` });
  } else {
    // "Verksamhetsplan 2052" over "med budget 2025": a year typed wrong in the title, on the title page.
    // Years near the plan's own ("plan 2028–2029" beyond the table's last column) are not.
    const years = [d.budgetYear, ...(d.planYears ?? []), ...(input.budget?.columns ?? []).map((c) => c.year)];
    const near = (year: number) => year >= Math.min(...years) - 1 && year <= Math.max(...years, d.budgetYear + 3);
    // "Agenda 2030", "Vision 2030", "sedan 2006" name another year on purpose.
    const named = [...d.title.matchAll(/(?<!(?:agenda|vision|strategi|sedan|från|målen?|mot|till)\s+)(?<!\d)(?:19|20)\d\d(?!\d)/giu)];
    const other = named.map((m) => Number(m[0])).find((year) => !near(year));
    if (other !== undefined) {
      warnings.push({ path: ['document', 'title'], code: 'titleOtherYear', message: `titeln nämner ${other}, som ligger långt från budgetåret ${d.budgetYear} och planåren; stämmer årtalet?` });
    }
  }

  // Figures in the text are checked even when the budget was refused: by name, against its columns
  // and rows. Only refused contributions leave nothing to check them against.
  const names = budget ?? budgetOutcome?.names;
  if ((input.budget && !names) || (input.contributions && !contributions)) return { issues, warnings };

  const resolver = new ReferenceResolver(document, names, contributions);
  document.preface = d.preface === undefined ? undefined : resolver.resolve(d.preface, ['document', 'preface'], issues);
  const charts = chartSources(input, budget, contributions);
  const sections = computeSections(input.sections, { resolver, document, hasBudget: input.budget !== undefined, budget, contributions, charts }, issues);

  const types = new Set(walkSections(sections).map((s) => s.type));
  if (budget && !types.has('budget') && !types.has('followUp')) warnings.push({ path: ['sections'], code: 'budgetNotShown', message: 'budgeten visas inte: inget avsnitt har "type": "budget"' });
  if (contributions && !types.has('contributions')) {
    warnings.push({ path: ['sections'], code: 'contributionsNotShown', message: 'medlemsbidragen visas inte: inget avsnitt har "type": "contributions"' });
  }

  if (issues.length > 0) return { issues, warnings };
  const contents = d.tableOfContents === false ? undefined : contentsEntries(sections, document.headings);
  return { issues, warnings, plan: { file, source: '', document, sections, contents, budget, contributions, warnings } };
}
