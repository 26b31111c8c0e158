/**
 * A published table: dimensions with coded, labelled categories, and one value and status per combination
 * (row-major, the last dimension fastest, as JSON-stat orders them).
 *
 * Status symbols as SSB uses them: ":" confidential (suppressed), "." nothing to report (logically
 * impossible), ".." not available (the data are missing). A cell with a status has no value.
 */
export type CellSymbol = ':' | '.' | '..';

export const SYMBOL_LABELS: Readonly<Record<CellSymbol, { nb: string; en: string }>> = {
  ':': { nb: 'Vises ikke av konfidensialitetshensyn', en: 'Confidential' },
  '.': { nb: 'Ikke mulig å oppgi tall', en: 'Not applicable' },
  '..': { nb: 'Tall mangler', en: 'Not available' },
};

export interface DatasetCategory {
  readonly code: string;
  readonly label: string;
  readonly labelEn?: string;
  readonly unit?: string;
  /** For an aggregate (all respondents, a size group): the codes of the categories it sums. */
  readonly members?: readonly string[];
  /** What a reader must know about this category: a period preliminary or revised, a municipality's break. */
  readonly note?: readonly string[];
  readonly noteEn?: readonly string[];
  /** A ratio (per inhabitant): never summed over regions, only taken from the table's own aggregates. */
  readonly ratio?: boolean;
}

/**
 * A grouping of a dimension's categories that a reader may ask for instead of them (PxWeb's aggregation
 * codelists): counties, KOSTRA groups, size groups, the country. Each value maps to the codes it sums.
 */
export interface Codelist {
  readonly id: string;
  readonly label: string;
  readonly labelEn?: string;
  readonly values: readonly {
    readonly code: string;
    readonly label: string;
    readonly labelEn?: string;
    readonly valueMap: readonly string[];
  }[];
}

export interface DatasetDimension {
  readonly id: string;
  readonly label: string;
  readonly labelEn?: string;
  readonly role?: 'geo' | 'time' | 'metric';
  readonly categories: readonly DatasetCategory[];
  /** The category a reader gets when leaving the dimension out (its total); none: it must be selected. */
  readonly elimination?: string;
  readonly codelists?: readonly Codelist[];
}

export interface PublishedDataset {
  readonly id: string;
  readonly label: string;
  readonly labelEn?: string;
  readonly description: string;
  readonly descriptionEn?: string;
  readonly source: string;
  /** ISO 8601 date-time of publication. */
  readonly updated: string;
  readonly decimals: number;
  readonly dimensions: readonly DatasetDimension[];
  readonly values: readonly (number | null)[];
  readonly status: readonly (CellSymbol | null)[];
  readonly notes: readonly string[];
  readonly notesEn?: readonly string[];
  /** How the table was protected and what the audit checked before publication. */
  readonly protection: {
    readonly primary: number;
    readonly secondary: number;
    readonly checked: readonly string[];
  };
}

/** The position of a combination of category indices in the values. */
export function flatIndex(sizes: readonly number[], indices: readonly number[]): number {
  let index = 0;
  for (let d = 0; d < sizes.length; d++) index = index * sizes[d]! + indices[d]!;
  return index;
}

/** Every combination of category indices, in value order. */
export function* combinations(sizes: readonly number[]): Generator<number[]> {
  if (sizes.some((s) => s === 0)) return;
  const indices = sizes.map(() => 0);
  for (;;) {
    yield [...indices];
    let d = sizes.length - 1;
    while (d >= 0 && ++indices[d]! === sizes[d]) indices[d--] = 0;
    if (d < 0) return;
  }
}

/** The same dataset with only the chosen categories of each dimension, in the order chosen. */
export function selectCategories(
  dataset: PublishedDataset,
  chosen: readonly (readonly number[])[],
): PublishedDataset {
  const sizes = dataset.dimensions.map((d) => d.categories.length);
  const values: (number | null)[] = [];
  const status: (CellSymbol | null)[] = [];
  for (const picked of combinations(chosen.map((c) => c.length))) {
    const at = flatIndex(
      sizes,
      picked.map((p, d) => chosen[d]![p]!),
    );
    values.push(dataset.values[at]!);
    status.push(dataset.status[at]!);
  }
  return {
    ...dataset,
    dimensions: dataset.dimensions.map((d, i) => ({
      ...d,
      categories: chosen[i]!.map((c) => d.categories[c]!),
    })),
    values,
    status,
  };
}
