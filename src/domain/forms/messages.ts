import type { Language } from '../language.ts';

/** What the engine can find, beyond the rules a definition states (those take the rule kinds' names). */
export const CHECK_KINDS = [
  'unknown_path',
  'not_a_number',
  'not_whole',
  'precision',
  'below_min',
  'above_max',
  'not_yes_no',
  'unknown_option',
  'exclusive',
  'other_unspecified',
  'text_too_long',
  'bad_date',
  'required',
  'hidden_answered',
  'flag_with_values',
  'comment_required',
  'sum_equals',
  'not_above',
  'range',
  'required_if',
  'one_of',
] as const;
export type CheckKind = (typeof CHECK_KINDS)[number];

/**
 * Message templates by kind and language. `{where}` is the place in the form (section, item, row, column,
 * in words); the others are values. A rule's own message replaces the text after `{where}: `.
 */
export const FORM_MESSAGES: Readonly<Record<CheckKind, Readonly<Record<Language, string>>>> = {
  unknown_path: {
    nb: '«{path}» finnes ikke i skjemaet for {year}.',
    nn: '«{path}» finst ikkje i skjemaet for {year}.',
    en: '"{path}" is not in the form for {year}.',
  },
  not_a_number: {
    nb: '{where}: skriv et tall.',
    nn: '{where}: skriv eit tal.',
    en: '{where}: enter a number.',
  },
  not_whole: {
    nb: '{where}: skriv et heltall.',
    nn: '{where}: skriv eit heiltal.',
    en: '{where}: enter a whole number.',
  },
  precision: {
    nb: '{where}: høyst {limit} desimaler.',
    nn: '{where}: høgst {limit} desimalar.',
    en: '{where}: at most {limit} decimals.',
  },
  below_min: {
    nb: '{where}: {value} er mindre enn {limit}.',
    nn: '{where}: {value} er mindre enn {limit}.',
    en: '{where}: {value} is less than {limit}.',
  },
  above_max: {
    nb: '{where}: {value} er mer enn {limit}.',
    nn: '{where}: {value} er meir enn {limit}.',
    en: '{where}: {value} is more than {limit}.',
  },
  not_yes_no: {
    nb: '{where}: svar ja eller nei.',
    nn: '{where}: svar ja eller nei.',
    en: '{where}: answer yes or no.',
  },
  unknown_option: {
    nb: '{where}: «{option}» er ikke et av svaralternativene.',
    nn: '{where}: «{option}» er ikkje eitt av svaralternativa.',
    en: '{where}: "{option}" is not one of the options.',
  },
  exclusive: {
    nb: '{where}: «{option}» kan ikke kombineres med andre svar.',
    nn: '{where}: «{option}» kan ikkje kombinerast med andre svar.',
    en: '{where}: "{option}" cannot be combined with other answers.',
  },
  other_unspecified: {
    nb: '{where}: spesifiser «{option}».',
    nn: '{where}: spesifiser «{option}».',
    en: '{where}: specify "{option}".',
  },
  text_too_long: {
    nb: '{where}: teksten er lengre enn {limit} tegn.',
    nn: '{where}: teksten er lengre enn {limit} teikn.',
    en: '{where}: the text is longer than {limit} characters.',
  },
  bad_date: {
    nb: '{where}: skriv en dato (dd.mm.åååå).',
    nn: '{where}: skriv ein dato (dd.mm.åååå).',
    en: '{where}: enter a date (dd.mm.yyyy).',
  },
  required: {
    nb: '{where}: må besvares.',
    nn: '{where}: må svarast på.',
    en: '{where}: must be answered.',
  },
  hidden_answered: {
    nb: '{where}: gjelder ikke etter svarene dine; fjern svaret.',
    nn: '{where}: gjeld ikkje etter svara dine; fjern svaret.',
    en: '{where}: does not apply given your answers; remove the answer.',
  },
  flag_with_values: {
    nb: '{where}: når «{option}» er krysset av, skal raden stå tom.',
    nn: '{where}: når «{option}» er kryssa av, skal rada stå tom.',
    en: '{where}: with "{option}" ticked, the row stays empty.',
  },
  comment_required: {
    nb: 'Skjemaet har advarsler: forklar dem i merknadene.',
    nn: 'Skjemaet har åtvaringar: forklar dei i merknadene.',
    en: 'The form has warnings: explain them in the comments.',
  },
  sum_equals: {
    nb: '{where}: delene summerer til {value}, men skal være lik {limit}.',
    nn: '{where}: delane summerer til {value}, men skal vere lik {limit}.',
    en: '{where}: the parts sum to {value} but must equal {limit}.',
  },
  not_above: {
    nb: '{where}: {value} er mer enn {total} ({limit}).',
    nn: '{where}: {value} er meir enn {total} ({limit}).',
    en: '{where}: {value} is more than {total} ({limit}).',
  },
  range: {
    nb: '{where}: {value} er utenfor det vanlige ({range}). Sjekk tallet.',
    nn: '{where}: {value} er utanfor det vanlege ({range}). Sjekk talet.',
    en: '{where}: {value} is outside the usual range ({range}). Check the figure.',
  },
  required_if: {
    nb: '{where}: må besvares etter svarene dine.',
    nn: '{where}: må svarast på etter svara dine.',
    en: '{where}: must be answered given your answers.',
  },
  one_of: {
    nb: '{where}: svar på nøyaktig ett av disse.',
    nn: '{where}: svar på nøyaktig eitt av desse.',
    en: '{where}: answer exactly one of these.',
  },
};

/** The words that place a finding in the form. */
export const PLACE_WORDS: Readonly<
  Record<Language, Readonly<Record<'section' | 'item' | 'row' | 'column', string>>>
> = {
  nb: { section: 'Del', item: 'punkt', row: 'rad', column: 'kolonne' },
  nn: { section: 'Del', item: 'punkt', row: 'rad', column: 'kolonne' },
  en: { section: 'Part', item: 'item', row: 'row', column: 'column' },
};
