// Every message is Swedish and says what to write instead: files, flags, years, dates, NFC text.
import { describe, expect, it } from 'vitest';
import { suggest } from '../src/load/messages.js';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PlanError } from '../src/errors.js';
import { loadPlan, parsePlanText } from '../src/load/loadPlan.js';
import { basePlan } from './helpers/plans.js';
import { useTempDir } from './helpers/tempDir.js';
import { runVplan } from './helpers/cli.js';

const dir = useTempDir('vplan-messages');

const vplan = (...args: string[]) => runVplan(dir(), ...args);

function problems(plan: unknown): string {
  try {
    parsePlanText('plan.json', JSON.stringify(plan, null, 2));
  } catch (error) {
    if (error instanceof PlanError) return error.describe();
    throw error;
  }
  return '';
}

describe('messages for the user', () => {
  it('says a missing file does not exist, not that it is invalid JSON', async () => {
    const error = await loadPlan(path.join(dir(), 'saknas.json')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlanError);
    const text = (error as PlanError).describe();
    expect(text).toMatch(/saknas\.json: filen finns inte; kontrollera namnet/);
    expect(text).not.toMatch(/JSON/);
  });

  it('refuses unknown flags, flags without a value and flags a command does not use, in Swedish with exit code 2', async () => {
    const unknown = await vplan('build', 'plan.json', '--outt', 'x.pdf');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('okänd flagga --outt – menade du --out?');
    expect(unknown.stderr).not.toMatch(/Unknown option|positional/);
    const missing = await vplan('build', 'plan.json', '--out');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--out behöver ett värde: skriv --out fil.pdf');
    const swallowed = await vplan('build', 'plan.json', '--out', '--pdfa');
    expect(swallowed.stderr).toContain('--out behöver ett värde');
    const unused = await vplan('validate', 'plan.json', '--pdfa');
    expect(unused.code).toBe(2);
    expect(unused.stderr).toContain('kommandot validate använder inte --pdfa');
    const valued = await vplan('build', 'plan.json', '--pdfa=ja');
    expect(valued.stderr).toContain('--pdfa tar inget värde');
    const typo = await vplan('biuld', 'plan.json');
    expect(typo.stderr).toContain('okänt kommando "biuld" – menade du build?');
  });

  it('suggests the key a Swedish word stands for, and says what an empty "values:" should hold', () => {
    const plan = basePlan() as unknown as { budget?: unknown };
    plan.budget = { unit: 'kr', convention: 'result', columns: [{ kind: 'budget', year: 2025 }], income: { rows: [{ label: 'A', values: [5] }] }, costs: { rows: [{ label: 'B', values: null }] }, kostnder: 1, intäkter: 2 };
    const text = problems(plan);
    expect(text).toMatch(/budget\.kostnder: okänd nyckel "kostnder" – menade du "costs"\?/);
    expect(text).toMatch(/budget\["intäkter"\]: okänd nyckel "intäkter" – menade du "income"\?/);
    // "values:" with nothing after it: before, "ska vara ett objekt { … }, fick null", and no word of the list form.
    expect(text).toMatch(/costs\.rows\[0\]\.values: ska vara beloppen, ett per kolumn: en lista som \[550000, 560000\] \(null för en tom cell\) eller \{ budget2025: 550000 \}; fick null/);
  });

  it('explains years, dates and record-shaped values with an example, never "record" or "NaN"', () => {
    const plan = basePlan() as unknown as { document: Record<string, unknown>; budget?: unknown };
    plan.document.budgetYear = 'tjugotjugofem';
    plan.document.planYears = [3000];
    plan.document.date = '26/11/2025';
    plan.document.status = { state: 'fastställd', decisionDate: '2025-02-30', decisionBody: 'Styrelsen' };
    plan.budget = { unit: 'kr', convention: 'result', columns: [{ kind: 'budget', year: 2025 }], income: { rows: [{ label: 'A', values: 5 }] }, costs: { rows: [{ label: 'B', values: {} }] } };
    const text = problems(plan);
    expect(text).toMatch(/document\.budgetYear: ska vara ett årtal utan citattecken, t\.ex\. 2025 – fick texten "tjugotjugofem"/);
    expect(text).toMatch(/document\.planYears\[0\]: talet 3000 är inget rimligt årtal: skriv ett årtal mellan 1990 och 2100/);
    expect(text).toMatch(/document\.date: skriv datumet som ÅÅÅÅ-MM-DD, t\.ex\. 2025-11-26 – fick texten "26\/11\/2025"/);
    // A date written right that the calendar has not: said as such, not as a format to learn.
    expect(text).toMatch(/document\.status\.decisionDate: datumet finns inte i kalendern; kontrollera dag och månad – fick texten "2025-02-30"/);
    expect(text).not.toMatch(/decisionDate: skriv datumet som/);
    expect(text).toMatch(/values: ska vara beloppen, ett per kolumn: en lista som \[550000, 560000\] \(null för en tom cell\) eller \{ budget2025: 550000 \}; fick talet 5/);
    expect(text).not.toMatch(/record|NaN|Invalid|expected/i);
    // One message per bad date, not a format complaint and a calendar complaint.
    expect(text.match(/document\.date:/g)).toHaveLength(1);
  });

  it('suggests, of two columns as near as each other, the one whose year is nearer', () => {
    // budget2024 and budget2025 are both two letters from budget2099; the nearer year is the likelier.
    expect(suggest('budget2099', ['budget2024', 'prognos2024', 'budget2025', 'plan2026'])).toBe('budget2025');
    expect(suggest('Kansl', ['Kansli', 'Konsult'])).toBe('Kansli');
  });

  it('suggests the number meant in an amount written as text', () => {
    const plan = basePlan() as unknown as { budget?: unknown };
    plan.budget = { unit: 'kr', convention: 'result', columns: [{ kind: 'budget', year: 2025 }], income: { rows: [{ label: 'A', values: { budget2025: '1 234' } }] }, costs: { rows: [{ label: 'B', values: { budget2025: 'tusen' } }] } };
    const text = problems(plan);
    expect(text).toMatch(/budget2025: ska vara ett tal utan citattecken och mellanslag, t\.ex\. 1234 – fick texten "1 234"/);
    expect(text).toMatch(/budget2025: ska vara ett tal utan citattecken och mellanslag, t\.ex\. 1234 – fick texten "tusen"/);
  });

  it('reads decomposed Unicode (as typed on a Mac) as the same words: NFC on load', async () => {
    const plan = basePlan({}) as unknown as { document: { status: unknown; title: string } };
    plan.document.status = { state: 'fastställd'.normalize('NFD'), decisionDate: '2025-11-26', decisionBody: 'Förbundsstyrelsen'.normalize('NFD') };
    plan.document.title = 'Verksamhetsplan för Södra 2025'.normalize('NFD');
    const file = path.join(dir(), 'nfd.json');
    await writeFile(file, JSON.stringify(plan));
    const loaded = await loadPlan(file);
    expect(loaded.plan.document.status.state).toBe('fastställd');
    expect(loaded.plan.document.title).toBe('Verksamhetsplan för Södra 2025'.normalize('NFC'));
    expect(loaded.plan.document.title).not.toBe(plan.document.title);
  });

  it('refuses a title of only spaces at validation, not later at the bookmarks', () => {
    const text = problems(basePlan({ document: { ...basePlan().document, title: '   ' } }));
    expect(text).toMatch(/document\.title: texten får inte vara tom eller bara mellanslag/);
    const section = problems(basePlan({ sections: [{ type: 'text', title: ' \t', text: 'x' }] }));
    expect(section).toMatch(/sections\[0\]\.title: texten får inte vara tom/);
  });
});
