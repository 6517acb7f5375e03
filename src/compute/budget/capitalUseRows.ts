// Step: an income row that is the förbund's own saved capital being used ("Nyttjande av eget kapital",
// "Ianspråktagande av balanserat resultat", "Medel från eget kapital"), in a plan where vplan computes
// the capital (capital.opening or carryForward). Counted as income, it raises the year's result by what
// is taken from the capital, so the closing capital comes out that much too high and no deficit is
// told, without a word. A warning at the row, which the plan can acknowledge (a row may really be an
// income, e.g. a grant from another förbund's capital).
import type { PlanIssue } from '../../errors.js';
import { leafRows } from './leafRows.js';
import { report, type StartState } from './state.js';

/** The förbund's saved capital, by the names budget tables give it. */
const SAVED =
  String.raw`(?:eget\s+kapital|(?:balanserat?|ackumulerat?|ingående)\s+(?:resultat|kapital|överskott)|sparade\s+medel|(?:tidigare\s+års|föregående\s+års)\s+överskott|överskott\s+(?:från|ur)\s+(?:tidigare|föregående)\s+år)`;
/** Taking from it: a noun or verb of use before it, or "från/ur" it. */
const USE = new RegExp(
  String.raw`(?:nyttj\p{L}*|utnyttj\p{L}*|använ\p{L}*|ianspråk\p{L}*|i\s+anspråk|uttag\p{L}*|förbruk\p{L}*|tas|tagna?|upplösning|återföring)\s+(?:\p{L}+\s+){0,2}?(?:av|ur|från)?\s*${SAVED}|(?:från|ur)\s+${SAVED}|^(?:resultat|överskott)\s+(?:från|ur)\s+(?:föregående|tidigare)\s+år`,
  'iu',
);

/** The opening capital itself, as the balance convention's income row names it. */
const OPENING = /^(?:ingående|ing\.)\s+(?:eget\s+|balanserat\s+)?(?:kapital|balans|resultat)|^(?:eget\s+kapital|balanserat\s+(?:resultat|kapital)|ackumulerat\s+(?:resultat|kapital))(?:\s|$)/iu;

/** Whether a row's text says it is saved capital being used, or the opening capital itself. */
export function capitalRowKind(label: string): 'use' | 'opening' | undefined {
  const text = label.replace(/\s+/g, ' ').trim();
  return USE.test(text) ? 'use' : OPENING.test(text) ? 'opening' : undefined;
}

export function capitalUseRows(state: StartState): StartState {
  const capital = state.input.capital;
  const computed = Object.keys(capital?.opening ?? {}).length > 0 || Object.keys(capital?.carryForward ?? {}).length > 0;
  if (!computed) return state;
  const warnings: PlanIssue[] = leafRows(state.input, 'income').flatMap(({ row, path }): PlanIssue[] => {
    const label = row.label.trim();
    const kind = capitalRowKind(label);
    if (kind === 'opening') {
      return [
        {
          path,
          code: `capitalUse:${label}`,
          message:
            `raden "${label}" ser ut som förbundets ingående kapital, som planen redan har i budget.capital.opening: bland intäkterna räknas kapitalet två gånger, ` +
            'i årets resultat och i det utgående kapitalet. Ta bort raden; vplan visar det ingående kapitalet själv (var raden står väljs med capital.placement, ' +
            'och med convention: balance räknas det in i Summa tillgångar). Är raden en annan intäkt, kvittera denna varning',
        },
      ];
    }
    if (kind !== 'use') return [];
    return [
      {
        path,
        code: `capitalUse:${label}`,
        message:
          `raden "${label}" är förbundets sparade kapital som används, inte en intäkt: bland intäkterna gör den årets resultat och det utgående kapitalet ` +
          'som vplan räknar (ingående kapital + årets resultat) för höga med radens belopp. Ta bort raden: resultatet blir då negativt med det som ' +
          'tas ur kapitalet och det utgående kapitalet rätt (kvittera underskottet med en förklaring, t.ex. att sparat kapital används). ' +
          'Är raden verkligen en intäkt, kvittera denna varning',
      },
    ];
  });
  return report(state, [], warnings);
}
