// An amount as written in a sheet cell: a number, a Swedish number as text ("1 320", "−1320", "1320,00"),
// or a formula's saved result. What is no amount gets a message saying what to write instead.
import { groupedInteger } from '../load/messages.js';
import { formatInteger } from '../format.js';
import type { RawValue } from './read.js';

/** A figure as the messages show it: "1 320" (grouped with plain spaces), "1320,5". */
export const plain = (n: number) => (Number.isSafeInteger(n) ? formatInteger(n).replace(/\u00a0/g, ' ') : String(n).replace('.', ','));

/** A number as written in a Swedish sheet: "1 320", "−1320", "1320,00"; undefined when it is none. */
export function parseAmount(text: string): number | undefined {
  const s = text.replace(/[\s\u00a0\u202f]/g, '').replace(/^[\u2212\u2013]/, '-').replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : undefined;
}

export type Read = { ok: true; value: number | null } | { ok: false; message: string };

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
      return n === undefined ? { ok: false, message: `"${value.text}" är inte ett belopp; skriv ett heltal, t.ex. 12 000, eller lämna cellen tom` } : { ok: true, value: n };
    }
    case 'formula':
      return value.result === undefined ? formulaWithoutResult : readAmount(value.result, formulaWithoutResult);
  }
}
