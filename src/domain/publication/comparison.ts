import { DomainError, NotFoundError } from '../errors.ts';
import { flatIndex, type CellSymbol, type PublishedDataset } from './dataset.ts';

/** What a municipality is compared with, in KOSTRA's order. */
export const COMPARED = ['municipality', 'group', 'county', 'country', 'country_without_oslo'] as const;
export type Compared = (typeof COMPARED)[number];

/** The regions a municipality belongs to in a period (its KOSTRA group and county that year). */
export interface RegionsOfPeriod {
  readonly group?: string;
  readonly county?: string;
}

export interface ComparedValue {
  readonly period: string;
  /** The region's code that period (a county or group code may change with the structure). */
  readonly region: string | null;
  readonly value: number | null;
  readonly status: CellSymbol | null;
}

export interface ComparedSeries {
  readonly compared: Compared;
  readonly label: string;
  readonly values: readonly ComparedValue[];
}

export interface ComparedFigure {
  readonly code: string;
  readonly label: string;
  readonly unit: string;
  readonly series: readonly ComparedSeries[];
}

export interface Comparison {
  readonly table: { readonly id: string; readonly label: string; readonly updated: string };
  readonly municipality: { readonly code: string; readonly label: string; readonly note: readonly string[] };
  readonly periods: readonly { readonly code: string; readonly note: readonly string[] }[];
  /** The other variables' categories the figures are for (a function), by variable. */
  readonly fixed: Readonly<Record<string, string>>;
  readonly figures: readonly ComparedFigure[];
  /** Every region code the comparison reads, for a query of the same numbers through the API. */
  readonly regionCodes: readonly string[];
  readonly notes: readonly string[];
}

/**
 * A municipality against its KOSTRA group, its county, the country and the country without Oslo, for each
 * figure per inhabitant (the table's ratios), over the table's periods: each period's group and county are
 * the municipality's of that year. Other variables are taken at `fixed`, or at their total.
 */
export function compareMunicipality(
  dataset: PublishedDataset,
  municipality: string,
  regionsByPeriod: ReadonlyMap<string, RegionsOfPeriod>,
  fixed: Readonly<Record<string, string>> = {},
): Comparison {
  const geo = dataset.dimensions.findIndex((d) => d.role === 'geo');
  const time = dataset.dimensions.findIndex((d) => d.role === 'time');
  const metric = dataset.dimensions.findIndex((d) => d.role === 'metric');
  if (geo < 0 || time < 0 || metric < 0)
    throw new DomainError(`table ${dataset.id} has no region, time or contents to compare by`, [dataset.id]);
  const regions = dataset.dimensions[geo]!.categories;
  const own = regions.find((c) => c.code === municipality);
  if (!own) throw new NotFoundError(`no municipality ${municipality} in table ${dataset.id}`);
  const chosen = dataset.dimensions.map((d, i) => {
    if (i === geo || i === time || i === metric) return -1;
    const code = fixed[d.id] ?? d.elimination;
    const at = d.categories.findIndex((c) => c.code === code);
    if (at < 0) throw new DomainError(`no category "${code ?? ''}" of ${d.id} in ${dataset.id}`, [d.id]);
    return at;
  });
  const sizes = dataset.dimensions.map((d) => d.categories.length);
  const regionAt = new Map(regions.map((c, i) => [c.code, i]));
  const periods = dataset.dimensions[time]!.categories;
  const codeOf = (compared: Compared, period: string): string | undefined => {
    const of = regionsByPeriod.get(period);
    switch (compared) {
      case 'municipality':
        return municipality;
      case 'group':
        return of?.group;
      case 'county':
        return of?.county;
      case 'country':
        return 'EAK';
      case 'country_without_oslo':
        return 'EAKUO';
    }
  };
  // A region is named as the newest period names it (a county may have another code earlier).
  const labelOf = (compared: Compared): string => {
    const newest = [...periods]
      .reverse()
      .map((p) => codeOf(compared, p.code))
      .find((c) => c !== undefined && regionAt.has(c));
    return newest === undefined ? '' : regions[regionAt.get(newest)!]!.label;
  };
  const figures = dataset.dimensions[metric]!.categories.flatMap((content, m) => {
    if (!content.ratio) return [];
    return [
      {
        code: content.code,
        label: content.label,
        unit: content.unit ?? '',
        series: COMPARED.map((compared) => ({
          compared,
          label: labelOf(compared),
          values: periods.map((period, t) => {
            const code = codeOf(compared, period.code);
            const r = code === undefined ? undefined : regionAt.get(code);
            if (r === undefined)
              return { period: period.code, region: code ?? null, value: null, status: '..' as const };
            const at = flatIndex(
              sizes,
              chosen.map((c, i) => (i === geo ? r : i === time ? t : i === metric ? m : c)),
            );
            return {
              period: period.code,
              region: code!,
              value: dataset.values[at] ?? null,
              status: dataset.status[at] ?? null,
            };
          }),
        })),
      },
    ];
  });
  const regionCodes = [
    ...new Set(
      figures.flatMap((f) => f.series.flatMap((s) => s.values.flatMap((v) => (v.region ? [v.region] : [])))),
    ),
  ];
  return {
    table: { id: dataset.id, label: dataset.label, updated: dataset.updated },
    municipality: { code: municipality, label: own.label, note: own.note ?? [] },
    periods: periods.map((p) => ({ code: p.code, note: p.note ?? [] })),
    fixed: Object.fromEntries(
      dataset.dimensions.flatMap((d, i) => (chosen[i]! >= 0 ? [[d.id, d.categories[chosen[i]!]!.code]] : [])),
    ),
    figures,
    regionCodes,
    notes: dataset.notes,
  };
}
