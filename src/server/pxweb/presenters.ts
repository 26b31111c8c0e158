import type { Codelist, PublishedDataset } from '../../domain/publication/dataset.ts';
import { TABLE_LANGUAGES, type TableLanguage } from '../../domain/publication/language.ts';
import type { TableQuery } from '../../domain/publication/query.ts';
import { OUTPUT_FORMATS } from './parameters.ts';
import type { RateLimit } from './rate-limit.ts';

/** The cells one call may ask for; a larger selection is refused (403, as PxWeb does). */
export const MAX_DATA_CELLS = 100_000;

export const link = (rel: string, language: TableLanguage, href: string) => ({
  rel,
  hreflang: language,
  href,
});

/** A date as PxWeb's schemas take it: the day, in UTC (their pattern for `updated` allows no time). */
export const dayOf = (isoDateTime: string) => isoDateTime.slice(0, 10);

/** The table as PxWeb API v2 lists it, with links to itself, its metadata and its data. */
export function tableEntry(base: string, dataset: PublishedDataset, language: TableLanguage) {
  const time = dataset.dimensions.find((d) => d.role === 'time');
  const href = `${base}/api/v2/tables/${dataset.id}`;
  return {
    type: 'Table',
    id: dataset.id,
    label: dataset.label,
    description: dataset.description,
    updated: dayOf(dataset.updated),
    firstPeriod: time?.categories[0]?.code ?? null,
    lastPeriod: time?.categories.at(-1)?.code ?? null,
    category: 'public',
    discontinued: false,
    source: dataset.source,
    timeUnit: 'Annual',
    variableNames: dataset.dimensions.map((d) => d.label),
    links: [
      link('self', language, `${href}?lang=${language}`),
      link('metadata', language, `${href}/metadata?lang=${language}`),
      link('data', language, `${href}/data?lang=${language}&outputFormat=json-stat2`),
    ],
  };
}

export function configResponse(version: string, rateLimit: RateLimit) {
  return {
    apiVersion: '2.0',
    appVersion: version,
    languages: TABLE_LANGUAGES.map((l) => ({ id: l.id, label: l.label })),
    defaultLanguage: 'no',
    maxDataCells: MAX_DATA_CELLS,
    maxCallsPerTimeWindow: rateLimit.calls,
    timeWindow: rateLimit.windowSeconds,
    license: 'https://creativecommons.org/licenses/by/4.0/deed.no',
    sourceReferences: [
      { language: 'no', text: 'Kilde: Statistisk sentralbyrå' },
      { language: 'en', text: 'Source: Statistics Norway' },
    ],
    defaultDataFormat: 'json-stat2',
    dataFormats: [...OUTPUT_FORMATS],
    features: [{ id: 'savedQueries', params: [] }],
  };
}

export function codelistResponse(base: string, codelist: Codelist, language: TableLanguage) {
  return {
    id: codelist.id,
    label: codelist.label,
    language,
    languages: TABLE_LANGUAGES.map((l) => l.id),
    elimination: false,
    type: 'Aggregation',
    values: codelist.values.map((v) => ({ code: v.code, label: v.label, valueMap: [...v.valueMap] })),
    links: [link('self', language, `${base}/api/v2/codelists/${codelist.id}?lang=${language}`)],
  };
}

/** A selection as PxWeb's SelectionResponse gives it: each variable's codes, and where they go. */
export function selectionResponse(query: Required<TableQuery>, language: TableLanguage, self: string) {
  return {
    language,
    selection: query.selection.map((s) => ({
      variableCode: s.variableCode,
      ...(s.codelist ? { codelist: s.codelist } : {}),
      valueCodes: [...s.valueCodes],
    })),
    placement: {
      heading: [...(query.placement.heading ?? [])],
      stub: [...(query.placement.stub ?? [])],
    },
    links: [link('self', language, self)],
  };
}
