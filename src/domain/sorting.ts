/** A value to sort by: text by Norwegian collation, numbers by size, empty (null) always last. */
export type SortValue = string | number | null;

/** Compares two sort values in a direction; empty values come last whichever the direction. */
export function compareSortValues(x: SortValue, y: SortValue, direction: 'asc' | 'desc'): number {
  if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
  const sign = direction === 'asc' ? 1 : -1;
  return (
    sign * (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'nb'))
  );
}
