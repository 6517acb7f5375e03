// Status and decision as printed: the mark (UTKAST, FÖRSLAG or none), the decision line on the title
// page and the closing line, in the plan's own wording (decisionText, closingText) or vplan's default.
import type { StatusInput } from '../load/schema.js';
import type { ComputedStatus } from '../model.js';
import type { PlanIssue } from '../errors.js';
import { formatDateSv } from '../format.js';

const PATH = ['document', 'status'];

const MARKS = {
  utkast: { mark: 'UTKAST', titleMark: 'Utkast till' },
  förslag: { mark: 'FÖRSLAG', titleMark: 'Förslag till' },
} as const;

/** The title page's line: "Fastställd av styrelsen 2024-11-28"; what is not known is left out. */
function defaultDecisionText(status: StatusInput): string | undefined {
  if (status.state !== 'fastställd' && status.state !== 'beslutad') return undefined;
  const verb = status.state === 'fastställd' ? 'Fastställd' : 'Beslutad';
  return [verb, status.decisionBody && 'av {organ}', status.decisionDate && '{datum}'].filter(Boolean).join(' ');
}

/** The closing line: "Verksamhetsplanen fastställdes av styrelsen 2024-11-28, § 34." when there is a date. */
function defaultClosingText(status: StatusInput, longDates: boolean): string | undefined {
  if (status.decisionDate === undefined || status.state === 'ingen') return undefined;
  const verb = { utkast: 'fastställs', förslag: 'fastställs', fastställd: 'fastställdes', beslutad: 'beslutades' }[status.state];
  // A proposal has always been put to "styrelsen" unless it says otherwise.
  const body = status.decisionBody ?? (status.state === 'utkast' || status.state === 'förslag' ? 'styrelsen' : undefined);
  const by = body === undefined ? '' : ` av ${body.replace(/[{}]/g, '')}`;
  return `Verksamhetsplanen ${verb}${by} ${longDates ? 'den ' : ''}{datum}${status.paragraph ? ', {paragraf}' : ''}.`;
}

const FIELDS = { datum: 'decisionDate', organ: 'decisionBody', paragraf: 'paragraph' } as const;

/** Fills {datum}, {organ} and {paragraf}; an unknown placeholder, or one the plan has no value for, is an issue. */
export function fillDecisionText(
  template: string,
  status: StatusInput,
  dateStyle: 'iso' | 'long',
  field: 'decisionText' | 'closingText',
  issues: PlanIssue[],
): string {
  return template
    .replace(/\{([^{}]*)\}/g, (whole, name: string) => {
      const key = FIELDS[name.trim() as keyof typeof FIELDS];
      if (key === undefined) {
        issues.push({ path: [...PATH, field], message: `okänd platshållare ${whole}; skriv {datum}, {organ} eller {paragraf}` });
        return whole;
      }
      const value = status[key];
      if (value === undefined) {
        issues.push({ path: [...PATH, field], message: `${whole} fylls i med "${key}", som saknas; ange "${key}" eller ta bort ${whole}` });
        return '';
      }
      return key === 'decisionDate' ? formatDateSv(value, dateStyle) : value;
    })
    .replace(/\s+/g, ' ')
    .trim();
}

export function computeStatus(status: StatusInput, dateStyle: 'iso' | 'long', issues: PlanIssue[]): ComputedStatus {
  const marks = status.state === 'utkast' || status.state === 'förslag' ? MARKS[status.state] : undefined;
  const line = (field: 'decisionText' | 'closingText', fallback: string | undefined) => {
    const template = status[field] ?? fallback;
    return template === undefined || template.trim() === '' ? undefined : fillDecisionText(template, status, dateStyle, field, issues);
  };
  return {
    state: status.state,
    decisionDate: status.decisionDate,
    decisionBody: status.decisionBody,
    paragraph: status.paragraph,
    mark: marks?.mark,
    titleMark: marks?.titleMark,
    decisionLine: line('decisionText', defaultDecisionText(status)),
    closingLine: line('closingText', defaultClosingText(status, dateStyle === 'long')),
  };
}

/** A decided plan: fastställd or beslutad (the archive lists its decision date as the decision's). */
export function isDecided(state: string): boolean {
  return state === 'fastställd' || state === 'beslutad';
}
