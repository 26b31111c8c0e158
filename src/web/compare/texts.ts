import type { Language } from '../../domain/language.ts';

/** The comparison page's words in bokmål, nynorsk and English. */
export const TEXTS = {
  nb: {
    title: 'Sammenlign kommuner',
    intro:
      'Velg en kommune og se nøkkeltallene for helse- og omsorgstjenester til hjemmeboende per innbygger, mot KOSTRA-gruppen, fylket, landet og landet uten Oslo, år for år.',
    language: 'Språk',
    municipality: 'Kommune',
    function: 'Funksjon',
    loading: 'Laster',
    none: 'Ingen nøkkeltall er publisert ennå.',
    year: 'År',
    compared: {
      municipality: 'Kommunen',
      group: 'KOSTRA-gruppen',
      county: 'Fylket',
      country: 'Landet',
      country_without_oslo: 'Landet uten Oslo',
    },
    chart: (figure: string, municipality: string) =>
      `Søylediagram: ${figure}, ${municipality} mot KOSTRA-gruppen, fylket, landet og landet uten Oslo. Tallene står i tabellen under.`,
    downloads: 'Last ned tallene',
    api: 'De samme tallene fra PxWeb API',
    symbols:
      'To prikker (..) betyr at tall mangler; punktum (.) at tallet ikke kan finnes; kolon (:) at tallet er skjult.',
    notes: 'Om tallene',
    region: 'Region',
    county: 'fylke',
    tablesIn: 'Tabellene publiseres på bokmål og engelsk.',
  },
  nn: {
    title: 'Samanlikn kommunar',
    intro:
      'Vel ein kommune og sjå nøkkeltala for helse- og omsorgstenester til heimebuande per innbyggjar, mot KOSTRA-gruppa, fylket, landet og landet utan Oslo, år for år.',
    language: 'Språk',
    municipality: 'Kommune',
    function: 'Funksjon',
    loading: 'Lastar',
    none: 'Ingen nøkkeltal er publiserte enno.',
    year: 'År',
    compared: {
      municipality: 'Kommunen',
      group: 'KOSTRA-gruppa',
      county: 'Fylket',
      country: 'Landet',
      country_without_oslo: 'Landet utan Oslo',
    },
    chart: (figure: string, municipality: string) =>
      `Søylediagram: ${figure}, ${municipality} mot KOSTRA-gruppa, fylket, landet og landet utan Oslo. Tala står i tabellen under.`,
    downloads: 'Last ned tala',
    api: 'Dei same tala frå PxWeb API',
    symbols:
      'To prikkar (..) tyder at tal manglar; punktum (.) at talet ikkje kan finnast; kolon (:) at talet er skjult.',
    notes: 'Om tala',
    region: 'Region',
    county: 'fylke',
    tablesIn: 'Tabellane blir publiserte på bokmål og engelsk; namn på tal og regionar står på bokmål.',
  },
  en: {
    title: 'Compare municipalities',
    intro:
      'Choose a municipality to see the key figures for health and care services for people living at home per inhabitant, against its KOSTRA group, its county, Norway and Norway excluding Oslo, year by year.',
    language: 'Language',
    municipality: 'Municipality',
    function: 'Function',
    loading: 'Loading',
    none: 'No key figures have been published yet.',
    year: 'Year',
    compared: {
      municipality: 'The municipality',
      group: 'KOSTRA group',
      county: 'County',
      country: 'Norway',
      country_without_oslo: 'Norway excluding Oslo',
    },
    chart: (figure: string, municipality: string) =>
      `Bar chart: ${figure}, ${municipality} against its KOSTRA group, county, Norway and Norway excluding Oslo. The figures are in the table below.`,
    downloads: 'Download the figures',
    api: 'The same figures from the PxWeb API',
    symbols:
      'Two dots (..) mean figures are missing; a full stop (.) that the figure cannot exist; a colon (:) that it is withheld.',
    notes: 'About the figures',
    region: 'Region',
    county: 'county',
    tablesIn: 'The tables are published in Norwegian and English.',
  },
} as const satisfies Record<Language, unknown>;
