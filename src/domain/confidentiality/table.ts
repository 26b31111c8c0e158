import { DomainError } from '../errors.ts';

/**
 * A dimension of a table: one or more columns that describe the same thing at different levels, such as
 * `region|fylke|kostragr` (a municipality, its county, its KOSTRA group). A municipality sums both to its
 * county and to its group: several hierarchies on one dimension. `total: false` leaves out the all-total
 * (for measures, which do not add up).
 */
export interface Dimension {
  readonly name: string;
  readonly columns: readonly string[];
  readonly total?: boolean;
}

/** One row of inner data: its code in every column, its value, and the units behind it. */
export interface InnerRecord {
  readonly codes: Readonly<Record<string, string>>;
  readonly value: number;
  /** Number of contributors or users; 1 per row when not known. */
  readonly frequency: number;
  /** Who contributed the value (a municipality, an enterprise), for the dominance rule. */
  readonly contributor?: string;
  /** Marked confidential at the source (the respondent's fewer-than-five box). */
  readonly flagged?: boolean;
}

/** A published cell fixes, in each dimension, one column to one of its codes, or nothing (the total). */
export interface CellCode {
  readonly column: string;
  readonly code: string;
}

export interface Cell {
  readonly index: number;
  /** Per dimension: the column and code it fixes, or null for the dimension's total. */
  readonly codes: readonly (CellCode | null)[];
  readonly value: number;
  readonly frequency: number;
  /** The inner cells it sums, ascending. */
  readonly inner: Int32Array;
  /** Largest contributions by contributor, largest first (for the dominance rule). */
  readonly contributions: readonly number[];
  readonly flagged: boolean;
}

/** A table as a set of cells and the linear relations between them: every cell is a sum of inner cells. */
export interface SuppressionTable {
  readonly dimensions: readonly Dimension[];
  readonly cells: readonly Cell[];
  /** Number of inner cells (distinct combinations of every column). */
  readonly innerCount: number;
  /** The frequency of each inner cell. */
  readonly innerFrequency: Float64Array;
}

const TOTAL = '\u0000';

/**
 * Builds every cell that matches at least one inner row, with its value, frequency, and which inner cells it
 * sums. A row without a code for a column is refused, naming the row and column.
 */
export function buildTable(
  dimensions: readonly Dimension[],
  records: readonly InnerRecord[],
): SuppressionTable {
  if (dimensions.length === 0) throw new DomainError('a table needs at least one dimension');
  const columns = dimensions.flatMap((d) => d.columns);
  if (new Set(columns).size !== columns.length)
    throw new DomainError('a column belongs to one dimension only', ['dimensions']);
  const innerIndex = new Map<string, number>();
  const innerFrequency: number[] = [];
  const innerOfRecord: number[] = [];
  records.forEach((r, i) => {
    for (const column of columns) {
      const code = r.codes[column];
      if (code === undefined || code === '')
        throw new DomainError(`no code for column ${column}`, [`row ${i + 1}`, column]);
    }
    if (!Number.isFinite(r.value)) throw new DomainError('the value is not a number', [`row ${i + 1}`]);
    const key = columns.map((c) => r.codes[c]).join(TOTAL);
    let inner = innerIndex.get(key);
    if (inner === undefined) {
      inner = innerFrequency.length;
      innerIndex.set(key, inner);
      innerFrequency.push(0);
    }
    innerFrequency[inner]! += r.frequency;
    innerOfRecord.push(inner);
  });

  // Every choice per dimension for a record: the total (if kept) and each of its columns' codes.
  interface Building {
    codes: (CellCode | null)[];
    value: number;
    frequency: number;
    inner: Set<number>;
    byContributor: Map<string, number>;
    flagged: boolean;
  }
  const building = new Map<string, Building>();
  records.forEach((record, i) => {
    const choices = dimensions.map((d) => [
      ...(d.total === false ? [] : [null]),
      ...d.columns.map((column) => ({ column, code: record.codes[column]! })),
    ]);
    const visit = (level: number, picked: (CellCode | null)[]) => {
      if (level === choices.length) {
        const key = picked.map((p) => (p ? `${p.column}=${p.code}` : TOTAL)).join('|');
        let cell = building.get(key);
        if (!cell) {
          cell = {
            codes: [...picked],
            value: 0,
            frequency: 0,
            inner: new Set(),
            byContributor: new Map(),
            flagged: false,
          };
          building.set(key, cell);
        }
        cell.value += record.value;
        cell.frequency += record.frequency;
        cell.inner.add(innerOfRecord[i]!);
        cell.flagged ||= record.flagged === true;
        const who = record.contributor ?? `row ${i}`;
        cell.byContributor.set(who, (cell.byContributor.get(who) ?? 0) + record.value);
        return;
      }
      for (const choice of choices[level]!) visit(level + 1, [...picked, choice]);
    };
    visit(0, []);
  });
  const cells: Cell[] = [...building.values()].map((b, index) => ({
    index,
    codes: b.codes,
    value: b.value,
    frequency: b.frequency,
    inner: Int32Array.from([...b.inner].sort((x, y) => x - y)),
    contributions: [...b.byContributor.values()].sort((x, y) => y - x),
    flagged: b.flagged,
  }));
  return {
    dimensions,
    cells,
    innerCount: innerFrequency.length,
    innerFrequency: Float64Array.from(innerFrequency),
  };
}

/** A cell's codes in words, for messages: `region=0301, hovedint=Total`. */
export function describeCell(table: SuppressionTable, cell: Cell): string {
  return table.dimensions
    .map((d, i) => {
      const code = cell.codes[i];
      return code ? `${code.column}=${code.code}` : `${d.name}=Total`;
    })
    .join(', ');
}
