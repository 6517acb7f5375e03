// An amount as written in a sheet cell: a number, a Swedish number as text ("1 320", "−1320", "1320,00"),
// or a formula's saved result. What is no amount gets a message saying what to write instead, fitted
// to what was written: "50 000 kr", "(50 000)", "5 %", a formula's #REF!, 12,5 or a formula's 3443331,2.
import { groupedInteger } from '../load/messages.js';
import { MAX_AMOUNT } from '../load/schema.js';
import { formatInteger } from '../format.js';
import type { RawValue } from './read.js';

/** A figure as the messages show it: "1 320" (grouped with plain spaces), "1320,5". */
export const plain = (n: number) => (Number.isSafeInteger(n) ? formatInteger(n).replace(/\u00a0/g, ' ') : String(n).replace('.', ','));

/** A number as written in a Swedish sheet: "1 320", "−1320", "+1320", "1320,00"; undefined when it is none. */
export function parseAmount(text: string): number | undefined {
  const s = text.replace(/[\s\u00a0\u202f]/g, '').replace(/^[\u2212\u2013]/, '-').replace(/^\+/, '').replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : undefined;
}

export type Read = { ok: true; value: number | null } | { ok: false; message: string };

const GENERIC = 'skriv ett heltal, t.ex. 12 000, eller lämna cellen tom';

/** What a text that is no plain number most likely is, and what to write instead. */
function textMessage(raw: string): string {
  const text = raw.trim();
  if (/^#[A-ZÅÄÖ/0-9!?]+!?$/i.test(text) && text.length <= 8) {
    return `cellen visar felet ${text} från en formel; rätta formeln i Excel, eller skriv beloppet`;
  }
  const parenthesised = /^\((.+)\)$/.exec(text);
  if (parenthesised && parseAmount(parenthesised[1]!) !== undefined) {
    return `"${text}" är inte ett belopp som vplan läser; skriv ett negativt belopp med minustecken, t.ex. -${plain(parseAmount(parenthesised[1]!)!)}`;
  }
  if (/%$/.test(text) && parseAmount(text.slice(0, -1)) !== undefined) return `"${text}" är en procentsats, inte ett belopp; skriv beloppet som ett heltal`;
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return `${text} är ett datum, inte ett belopp (cellen har datumformat); skriv beloppet och ge cellen talformat`;
  const unit = /^(.*?)\s*(kr\.?|kronor|sek|[:,]-|tkr|mnkr|mkr|msek|miljoner|tusen)$/i.exec(text);
  if (unit && parseAmount(unit[1]!) !== undefined) {
    const n = parseAmount(unit[1]!)!;
    const whole = /^(kr\.?|kronor|sek|[:,]-)$/i.test(unit[2]!);
    return whole && Number.isInteger(n)
      ? `"${text}" är inte ett belopp som vplan läser; skriv bara talet, utan "${unit[2]}", t.ex. ${plain(n)}`
      : `"${text}" är inte ett belopp som vplan läser; skriv beloppet som ett heltal i budgetens enhet (den som kolumnrubrikerna och planen säger), utan "${unit[2]}"`;
  }
  return `"${raw}" är inte ett belopp; ${GENERIC}`;
}

export function readAmount(value: RawValue, formulaWithoutResult: Read): Read {
  switch (value.kind) {
    case 'blank':
      return { ok: true, value: null };
    case 'number':
      return { ok: true, value: value.value };
    case 'text': {
      // "60.000": sixty thousand with a point between the thousands, or sixty with three decimals.
      const grouped = groupedInteger(value.text);
      if (grouped !== undefined) {
        const alternative = parseAmount(value.text);
        const reads = alternative === undefined ? 'är skrivet med tusentalsavgränsare' : `kan läsas både som ${plain(grouped)} och som ${plain(alternative)}`;
        return { ok: false, message: `"${value.text.trim()}" ${reads}; skriv beloppet utan punkt och komma, t.ex. ${plain(grouped)}, eller som ett tal i cellen` };
      }
      const n = parseAmount(value.text);
      return n === undefined ? { ok: false, message: textMessage(value.text) } : { ok: true, value: n };
    }
    case 'formula':
      return value.result === undefined ? formulaWithoutResult : readAmount(value.result, formulaWithoutResult);
  }
}

/** An amount the plan states, read from its cell: a whole number within what vplan counts with, or empty. */
export function statedAmount(value: RawValue): Read {
  const read = readAmount(value, { ok: false, message: 'formeln har inget sparat resultat; öppna filen i Excel, spara den och försök igen' });
  if (!read.ok || read.value === null) return read;
  const n = read.value;
  if (!Number.isInteger(n)) {
    const shown = String(n).replace('.', ',');
    if (value.kind === 'formula') {
      return { ok: false, message: `formeln ger ${shown}, som inte är ett heltal; avrunda i formeln, t.ex. =AVRUNDA(${value.formula};0) (ROUND i engelsk Excel)` };
    }
    if (Math.abs(n) < 1) return { ok: false, message: `${shown} är inte ett belopp i hela kronor (är cellen en procentsats?); skriv beloppet som ett heltal` };
    return { ok: false, message: `${shown} är inte ett heltal; skriv ett helt belopp, ${plain(Math.floor(n))} eller ${plain(Math.ceil(n))}` };
  }
  if (Math.abs(n) > MAX_AMOUNT) return { ok: false, message: `${plain(n)} är större än vplan räknar med (högst ${plain(MAX_AMOUNT)}); kontrollera beloppet` };
  return read;
}
