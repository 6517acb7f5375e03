// The förbund's members against the contributions table: a kommun or region the plan names as a member
// (in the introduction, {{ association.members }}) but that pays nothing in the table is a member left
// out, or one name written two ways. The state pays through Försäkringskassan as one party, whatever
// its members are called, so stat members are not compared.
import type { ContributionsInput, DocumentInput } from '../load/schema.js';
import type { PlanIssue } from '../errors.js';

type Member = NonNullable<DocumentInput['association']['members']>[number];
type Party = ContributionsInput['parties'][number];

/** Words a name may have or leave out ("Mora kommun", "Mora"; "Region Dalarna", "Dalarna"). */
const GENERIC = new Set(['kommun', 'kommunen', 'stad', 'staden', 'region', 'regionen', 'landsting', 'landstinget', 'län', 'läns']);

/** A name as compared: lower case, the generic words out, a genitive s off ("Salems kommun", "Salem" → "salem"). */
export function nameKey(name: string): string {
  const words = name
    .normalize('NFC')
    .toLocaleLowerCase('sv')
    .split(/[\s,]+/)
    .filter((w) => w !== '' && !GENERIC.has(w));
  return words.join(' ').replace(/s$/, '');
}

/**
 * Warnings for each kommun and region among `members` with no party of its name in the contributions.
 * A role that has one party whose name matches no member (a region written "SLL", the kommuner
 * together as "Kommunerna") is taken to pay for all its members.
 */
export function membersWithoutContribution(members: readonly Member[], parties: readonly Party[]): PlanIssue[] {
  const warnings: PlanIssue[] = [];
  for (const role of ['region', 'kommun'] as const) {
    const ofRole = parties.filter((p) => p.role === role);
    const memberKeys = new Set(members.filter((m) => m.kind === role).map((m) => nameKey(m.name)));
    const unmatched = ofRole.filter((p) => !memberKeys.has(nameKey(p.name)));
    if (ofRole.length === 1 && unmatched.length === 1) continue;
    const partyKeys = new Set(ofRole.map((p) => nameKey(p.name)));
    members.forEach((member, i) => {
      if (member.kind !== role || partyKeys.has(nameKey(member.name))) return;
      const other = unmatched.length > 0 ? ` (bland finansiärerna står ${unmatched.map((p) => `"${p.name}"`).join(', ')}, som inte är någon medlems namn; är det samma ${role === 'kommun' ? 'kommun' : 'region'}, skriv namnet lika på båda ställena)` : '';
      const share = role === 'kommun' ? ', "share": …' : '';
      warnings.push({
        path: ['document', 'association', 'members', i],
        code: `memberWithoutContribution:${member.name.trim()}`,
        message: `${member.name.trim()} är medlem (document.association.members) men finns inte bland finansiärerna i medlemsbidragen (contributions.parties), så tabellen visar inget bidrag från den${other}; lägg till den, t.ex. { "name": ${JSON.stringify(member.name.trim())}, "role": "${role}"${share} }, eller ta bort den ur members om den inte är medlem`,
      });
    });
  }
  return warnings;
}
