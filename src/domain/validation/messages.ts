import type { Language } from '../language.ts';
import { formatNorwegian } from '../number-format.ts';
import type { RuleKind } from './rule-kind.ts';
import type { StructuralKind } from './finding.ts';

/**
 * Message templates per finding kind. `{where}` is the located field (table, row, measure) in the same
 * language; `{value}`, `{limit}` are amounts formatted the Norwegian way; the rest are labels.
 */
export const MESSAGES: Readonly<Record<RuleKind | StructuralKind, Readonly<Record<Language, string>>>> = {
  unknown_table: {
    nb: 'Skjemaet har ingen tabell «{table}».',
    nn: 'Skjemaet har ingen tabell «{table}».',
    en: 'The form has no table "{table}".',
  },
  unknown_row: {
    nb: '{where}: tabellen har ingen rad «{row}».',
    nn: '{where}: tabellen har inga rad «{row}».',
    en: '{where}: the table has no row "{row}".',
  },
  unknown_measure: {
    nb: '{where}: skjemaet har ingen utgiftstype «{measure}».',
    nn: '{where}: skjemaet har ingen utgiftstype «{measure}».',
    en: '{where}: the form has no expense measure "{measure}".',
  },
  unknown_method: {
    nb: '{where}: ukjent beregningsmetode «{method}».',
    nn: '{where}: ukjend utrekningsmetode «{method}».',
    en: '{where}: unknown method of calculation "{method}".',
  },
  amount_not_negative: {
    nb: '{where}: beløpet kan ikke være negativt ({value}).',
    nn: '{where}: beløpet kan ikkje vere negativt ({value}).',
    en: '{where}: the amount cannot be negative ({value}).',
  },
  amount_whole_number: {
    nb: '{where}: oppgi beløpet i hele tusen kroner ({value}).',
    nn: '{where}: oppgi beløpet i heile tusen kroner ({value}).',
    en: '{where}: give the amount in whole thousands of kroner ({value}).',
  },
  fewer_than_5_without_amounts: {
    nb: '{where}: raden er krysset av for færre enn fem brukere og skal ikke ha beløp.',
    nn: '{where}: rada er kryssa av for færre enn fem brukarar og skal ikkje ha beløp.',
    en: '{where}: the row is ticked for fewer than five users and must have no amounts.',
  },
  measure_not_above: {
    nb: '{where}: beløpet ({value}) er større enn {limitLabel} ({limit}).',
    nn: '{where}: beløpet ({value}) er større enn {limitLabel} ({limit}).',
    en: '{where}: the amount ({value}) is larger than {limitLabel} ({limit}).',
  },
  rows_not_above_part_of: {
    nb: '{where}: summen av radene ({value}) er større enn {parentLabel} i tabell {parentNumber} ({limit}).',
    nn: '{where}: summen av radene ({value}) er større enn {parentLabel} i tabell {parentNumber} ({limit}).',
    en: '{where}: the rows sum to {value}, more than {parentLabel} in table {parentNumber} ({limit}).',
  },
  table_not_above_prefilled: {
    nb: '{where}: summen av radene ({value}) er større enn KOSTRA-totalen for funksjonen ({limit}). Forklar avviket i merknadsfeltet.',
    nn: '{where}: summen av radene ({value}) er større enn KOSTRA-totalen for funksjonen ({limit}). Forklar avviket i merknadsfeltet.',
    en: '{where}: the rows sum to {value}, more than the KOSTRA total of the function ({limit}). Explain the difference in the comments.',
  },
  method_given_when_split: {
    nb: '{where}: kryss av for hvordan dere kom fram til tallene.',
    nn: '{where}: kryss av for korleis de kom fram til tala.',
    en: '{where}: tick how you arrived at the figures.',
  },
  warnings_need_comment: {
    nb: 'Skjemaet har advarsler. Forklar dem i merknadsfeltet før du sender inn.',
    nn: 'Skjemaet har åtvaringar. Forklar dei i merknadsfeltet før du sender inn.',
    en: 'The form has warnings. Explain them in the comments before you submit.',
  },
};

const WORDS: Readonly<Record<Language, { table: string; row: string }>> = {
  nb: { table: 'Tabell', row: 'rad' },
  nn: { table: 'Tabell', row: 'rad' },
  en: { table: 'Table', row: 'row' },
};

/** "Tabell 1 Virksomhetstyper, rad BPA, AGD10 Brutto driftsutgifter …": a field a person can find. */
export function describeLocation(
  language: Language,
  table?: { number: number; label: string },
  row?: string,
  measure?: { code: string; label: string },
): string {
  const words = WORDS[language];
  const parts: string[] = [];
  if (table) parts.push(`${words.table} ${table.number} ${table.label}`);
  if (row) parts.push(`${words.row} ${row}`);
  if (measure) parts.push(measure.label === '' ? measure.code : `${measure.code} ${measure.label}`);
  return parts.join(', ');
}

/** 1 234 567 with Norwegian grouping, the way the form shows amounts. */
export function formatAmount(value: number): string {
  return formatNorwegian(value);
}

export function fillTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => values[name] ?? match);
}
