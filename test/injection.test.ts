// Hostile text in every field of a plan: the PDF shows it literally or drops the link, the browser
// requests nothing beyond the document's own inlined assets, and no local file ends up in the PDF.
import { afterAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { computePlan } from '../src/compute/computePlan.js';
import { printPlan, PrintSession } from '../src/build.js';
import { normalize, pdfText } from './helpers/pdfText.js';
import type { PlanInput } from '../src/load/schema.js';

const session = new PrintSession();
afterAll(() => session.close());

const ATTACKS = [
  '<script>document.title="HACKAD"</script>',
  '<img src=x onerror="document.title=\'HACKAD\'">',
  '<iframe src="file:///etc/passwd"></iframe>',
  '<link rel="stylesheet" href="http://127.0.0.1:9/x.css">',
  '<style>@import url("http://127.0.0.1:9/y.css"); body { background: url(file:///etc/hostname) }</style>',
  '![bild](http://127.0.0.1:9/bild.png) ![lokal](file:///etc/passwd)',
  '[länk](javascript:alert(1)) [fil](file:///etc/passwd) [webb](http://127.0.0.1:9/sida)',
  '{{constructor.constructor("return process")()}}'.replace('{{', '\\{{'),
];
const attack = ATTACKS.join(' ');

function hostilePlan(): PlanInput {
  return {
    document: {
      association: { name: `Förbundet ${attack}`, members: [{ name: attack, kind: 'kommun' }] },
      title: `Verksamhetsplan 2025 ${attack}`,
      subtitle: attack,
      budgetYear: 2025,
      dnr: `2024:1 ${attack}`,
      status: { state: 'förslag', decisionDate: '2024-11-28', decisionBody: `styrelsen ${attack}` },
      vision: { statement: attack, titlePageLead: attack },
      preface: attack,
    },
    sections: [
      { type: 'text', title: `Rubrik ${attack}`, text: `Text ${attack}\n\n> ${attack}\n>\n> — ${attack}`, textAfter: attack },
      { type: 'targetGroup', title: attack, priorityGroups: { intro: attack, items: [attack] } },
      { type: 'vision', title: attack, lead: attack, cornerstones: [{ title: attack, subtitle: attack, text: attack }] },
      { type: 'organisation', title: attack, bodies: [{ role: 'styrelse', title: attack, text: attack, dutiesIntro: attack, duties: [attack], textAfter: attack }] },
      { type: 'initiatives', title: attack, items: [{ name: attack, text: attack, targetGroup: attack, goalsIntro: attack, goals: [attack] }] },
      { type: 'goals', title: attack, groups: [{ title: attack, text: attack, goals: [{ id: 'A', text: attack }], textAfter: attack }] },
      { type: 'budget', title: attack },
      { type: 'contributions', title: attack },
    ],
    budget: {
      unit: 'kr',
      convention: 'result',
      labelHeader: attack,
      caption: attack,
      columns: [{ kind: 'budget', year: 2025, label: attack }],
      income: { heading: attack, sumLabel: attack, rows: [{ label: attack, values: { budget2025: 1000 } }] },
      costs: {
        heading: attack,
        sumLabel: attack,
        rows: [{ heading: attack, subtotal: attack, rows: [{ label: attack, detail: 'd', varav: [{ label: attack, values: { budget2025: 1 } }] }] }],
      },
      result: { label: attack },
      details: [{ id: 'd', title: attack, labelHeader: attack, columnLabels: { budget2025: attack }, rows: [{ label: attack, values: { budget2025: 500 } }], sumLabel: attack }],
    },
    contributions: {
      caption: attack,
      partyHeader: attack,
      shareHeader: attack,
      totalLabel: attack,
      parties: [
        { name: attack, role: 'stat' },
        { name: attack, role: 'region' },
        { name: attack, role: 'kommun' },
      ],
      columns: [{ year: 2025, label: attack, total: 1000 }],
    },
  };
}

describe('hostile text in every field', () => {
  it('is printed literally, loads nothing and reads no local file', async () => {
    const outcome = computePlan(hostilePlan(), 'hostile.json');
    expect(outcome.issues).toEqual([]);
    const { pdf, blockedRequests, html } = await printPlan({ ...outcome.plan!, source: '' }, session, { html: true });
    // The browser never even asked: every tag is text, not markup.
    expect(blockedRequests).toEqual([]);
    expect(html).not.toMatch(/<(script|iframe|link|img src=x|style>@import)/i);
    expect(html).not.toMatch(/href="(javascript|file):/i);

    const text = normalize((await pdfText(pdf)).all);
    expect(text).toContain('<script>document.title="HACKAD"</script>');
    expect(text).toContain('<iframe src="file:///etc/passwd"></iframe>');
    // No script ran: the title is the plan's, not the one the script would have set.
    const { PDFDocument } = await import('pdf-lib');
    expect((await PDFDocument.load(pdf, { updateMetadata: false })).getTitle()).toMatch(/^Verksamhetsplan 2025 <script>/);
    const passwd = await readFile('/etc/passwd', 'utf8');
    expect(text).not.toContain(passwd.split('\n')[0]!.split(':')[0]! + ':x:0:0');
    const hostname = (await readFile('/etc/hostname', 'utf8').catch(() => '')).trim();
    if (hostname.length > 6) expect(text).not.toContain(hostname);
    // Links to file: and javascript: are dropped, the text stays; images become their description.
    expect(text).toContain('[bild]');
    expect(text).toContain('länk');
    const raw = Buffer.from(pdf).toString('latin1');
    expect(raw).not.toMatch(/\/URI \((javascript|file):/i);
    // The metadata carries the text as text too.
    expect(raw).not.toContain('/JavaScript');
  });
});
