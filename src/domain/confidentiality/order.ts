import type { Cell } from './table.ts';

/** A cell's codes as one string, for a tie-break that does not depend on the order of the input rows. */
const codeKey = (cell: Cell) => cell.codes.map((c) => (c ? `${c.column}=${c.code}` : '\uffff')).join('|');

/**
 * The order in which cells are offered for publication: the largest weight (frequency or value) first, so
 * that what is suppressed is what loses the least; ties go to cells that sum many inner cells, then by their
 * codes, so the same table gives the same pattern whatever the order of its rows.
 */
export function publicationOrder(
  cells: readonly Cell[],
  primary: readonly boolean[],
  weight: (cell: Cell) => number,
): number[] {
  const keys = cells.map(codeKey);
  return cells
    .filter((c) => !primary[c.index])
    .sort(
      (a, b) =>
        weight(b) - weight(a) ||
        b.inner.length - a.inner.length ||
        (keys[b.index]! < keys[a.index]! ? -1 : keys[b.index]! > keys[a.index]! ? 1 : 0),
    )
    .map((c) => c.index);
}
