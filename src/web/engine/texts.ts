import type { Language } from '../../domain/language.ts';
import type { Unit } from '../../domain/forms/definition.ts';

/** The words of a form of the forms engine beyond the shared ones (texts.ts) and the definition's own. */
const WORDS = {
  nb: {
    yes: 'Ja',
    no: 'Nei',
    total: 'Sum',
    newThisYear: 'Nytt i årets skjema',
    unit: {
      municipality: 'Kommune',
      oslo_district: 'Bydel',
      establishment: 'Virksomhet',
      enterprise: 'Foretak',
    },
    comments: 'Merknader',
    commentsHelp: 'Forklar advarslene her, og skriv det du ellers vil at SSB skal vite.',
    specify: 'Spesifiser',
    year: 'Årgang',
    part: 'Del',
    contents: 'Innhold',
    invalidNumber: 'Skriv et tall, for eksempel 1 234,5',
    lastYear: 'Forhåndsutfylt med fjorårets svar: endre det hvis det ikke stemmer.',
  },
  nn: {
    yes: 'Ja',
    no: 'Nei',
    total: 'Sum',
    newThisYear: 'Nytt i årets skjema',
    unit: {
      municipality: 'Kommune',
      oslo_district: 'Bydel',
      establishment: 'Verksemd',
      enterprise: 'Føretak',
    },
    comments: 'Merknader',
    commentsHelp: 'Forklar åtvaringane her, og skriv det du elles vil at SSB skal vite.',
    specify: 'Spesifiser',
    year: 'Årgang',
    part: 'Del',
    contents: 'Innhald',
    invalidNumber: 'Skriv eit tal, til dømes 1 234,5',
    lastYear: 'Førehandsutfylt med svaret frå i fjor: endre det dersom det ikkje stemmer.',
  },
  en: {
    yes: 'Yes',
    no: 'No',
    total: 'Total',
    newThisYear: "New in this year's form",
    unit: {
      municipality: 'Municipality',
      oslo_district: 'District',
      establishment: 'Establishment',
      enterprise: 'Enterprise',
    },
    comments: 'Comments',
    commentsHelp: 'Explain the warnings here, and anything else SSB should know.',
    specify: 'Specify',
    year: 'Reporting year',
    part: 'Part',
    contents: 'Contents',
    invalidNumber: 'Enter a number, for example 1234.5',
    lastYear: "Prefilled with last year's answer: change it if it no longer holds.",
  },
} as const;

export type EngineWords = (typeof WORDS)[Language];
export const engineWords = (language: Language): EngineWords => WORDS[language];

const UNITS: Readonly<Record<Language, Readonly<Record<Unit, string>>>> = {
  nb: {
    NOK: 'kroner',
    '1000 NOK': '1000 kroner',
    hours_per_week: 'timer per uke',
    person_years: 'årsverk',
    persons: 'personer',
    places: 'plasser',
    rooms: 'rom',
    count: 'antall',
  },
  nn: {
    NOK: 'kroner',
    '1000 NOK': '1000 kroner',
    hours_per_week: 'timar per veke',
    person_years: 'årsverk',
    persons: 'personar',
    places: 'plassar',
    rooms: 'rom',
    count: 'talet',
  },
  en: {
    NOK: 'NOK',
    '1000 NOK': 'NOK 1,000',
    hours_per_week: 'hours per week',
    person_years: 'person-years',
    persons: 'persons',
    places: 'places',
    rooms: 'rooms',
    count: 'number',
  },
};

export const unitWord = (unit: Unit, language: Language) => UNITS[language][unit];
