import { buildTable, type Dimension, type InnerRecord, type SuppressionTable } from './table.ts';

/** A two-way table of counts from rows of numbers: dimension A by rows, B by columns, with totals. */
export function twoWay(rows: readonly (readonly number[])[]): SuppressionTable {
  const dimensions: Dimension[] = [
    { name: 'A', columns: ['a'] },
    { name: 'B', columns: ['b'] },
  ];
  const records: InnerRecord[] = rows.flatMap((row, i) =>
    row.map((n, j) => ({ codes: { a: `a${i + 1}`, b: `b${j + 1}` }, value: n, frequency: n })),
  );
  return buildTable(dimensions, records);
}

/** The cell of a table with these codes (`null` for a total), by the first column of each dimension. */
export function cellAt(table: SuppressionTable, ...codes: (string | null)[]) {
  const found = table.cells.find((c) => c.codes.every((code, i) => (code?.code ?? null) === codes[i]));
  if (!found) throw new Error(`no cell ${codes.join(',')}`);
  return found;
}
