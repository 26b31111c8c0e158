import { SYMBOL_LABELS, type PublishedDataset } from './dataset.ts';
import type { TableLanguage } from './language.ts';
import type { Placement } from './query.ts';

export interface JsonStatOptions {
  /** False gives the metadata alone (`value` empty, no `status`), as PxWeb's metadata endpoint does. */
  readonly withValues: boolean;
  readonly language: TableLanguage;
  readonly placement: Placement;
  /** Where a codelist's metadata is, for the links in each dimension's extension. */
  readonly codelistHref: (id: string) => string;
}

/**
 * A dataset as JSON-stat 2.0, in the form both json-stat.org's schema and PxWeb API v2's `Dataset` schema
 * accept: `category.index` as an object, `updated` as a date (the PxWeb schema's pattern allows no time),
 * `value` always present. Suppressed and missing cells have value null and their symbol in `status`
 * (":" confidential, "." not applicable, ".." not available), explained in `extension.symbols`. PxWeb's
 * extensions say which dimensions a reader may leave out (elimination, with the total it leaves) and which
 * codelists each offers.
 */
export function toJsonStat(dataset: PublishedDataset, options: JsonStatOptions): Record<string, unknown> {
  const role: Record<string, string[]> = {};
  for (const d of dataset.dimensions) if (d.role) (role[d.role] ??= []).push(d.id);
  const status: Record<string, string> = {};
  dataset.status.forEach((s, i) => {
    if (s !== null) status[String(i)] = s;
  });
  return {
    version: '2.0',
    class: 'dataset',
    label: dataset.label,
    source: dataset.source,
    updated: dataset.updated.slice(0, 10),
    note: dataset.notes,
    id: dataset.dimensions.map((d) => d.id),
    size: dataset.dimensions.map((d) => d.categories.length),
    role,
    dimension: Object.fromEntries(
      dataset.dimensions.map((d) => [
        d.id,
        {
          label: d.label,
          category: {
            index: Object.fromEntries(d.categories.map((c, i) => [c.code, i])),
            label: Object.fromEntries(d.categories.map((c) => [c.code, c.label])),
            ...(d.categories.some((c) => c.note?.length)
              ? {
                  note: Object.fromEntries(
                    d.categories.flatMap((c) => (c.note?.length ? [[c.code, [...c.note]]] : [])),
                  ),
                }
              : {}),
            ...(d.role === 'metric'
              ? {
                  unit: Object.fromEntries(
                    d.categories.map((c) => [
                      c.code,
                      { base: c.unit ?? '', label: c.unit ?? '', decimals: dataset.decimals },
                    ]),
                  ),
                }
              : {}),
          },
          extension: {
            elimination: d.elimination !== undefined,
            ...(d.elimination !== undefined ? { eliminationValueCode: d.elimination } : {}),
            ...(d.codelists?.length
              ? {
                  codelists: d.codelists.map((c) => ({
                    id: c.id,
                    label: c.label,
                    type: 'Aggregation',
                    links: [
                      { rel: 'metadata', hreflang: options.language, href: options.codelistHref(c.id) },
                    ],
                  })),
                }
              : {}),
          },
        },
      ]),
    ),
    value: options.withValues ? dataset.values : [],
    ...(options.withValues ? { status } : {}),
    extension: {
      // The first note says whose figures these are (the respondents'): a reader must be shown it.
      ...(dataset.notes.length > 0 ? { noteMandatory: { '0': true } } : {}),
      px: {
        tableid: dataset.id,
        matrix: dataset.id,
        decimals: dataset.decimals,
        description: dataset.description,
        contents: dataset.label,
        language: options.language,
        'official-statistics': true,
        heading: options.placement.heading,
        stub: options.placement.stub,
      },
      symbols: Object.fromEntries(
        Object.entries(SYMBOL_LABELS).map(([s, l]) => [s, options.language === 'en' ? l.en : l.nb]),
      ),
      protection: dataset.protection,
    },
  };
}
