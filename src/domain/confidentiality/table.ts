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
  /**
   * Contributions by contributor, largest first (for the dominance rule); kept when the rows name their
   * contributors or the table is built with `contributions: true` (then each row not naming one is its own).
   */
  readonly contributions: readonly number[];
  /**
   * Every inner cell it sums is marked confidential at the source. An aggregate of a marked cell and others
   * is not itself confidential; secondary suppression keeps it from opening the marked one.
   */
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
  /** Whether cells carry their contributions (the dominance rule needs them). */
  readonly contributions: boolean;
}

const TOTAL = '\u0000';

/**
 * Builds every cell that matches at least one inner row, with its value, frequency, and which inner cells it
 * sums. A row without a code for a column is refused, naming the row and column.
 */
export function buildTable(
  dimensions: readonly Dimension[],
  records: readonly InnerRecord[],
  options: { readonly contributions?: boolean } = {},
): SuppressionTable {
  // Contributions by contributor cost a map per cell: kept only for the dominance rule.
  const keepContributions = options.contributions ?? records.some((r) => r.contributor !== undefined);
  if (dimensions.length === 0) throw new DomainError('a table needs at least one dimension');
  const columns = dimensions.flatMap((d) => d.columns);
  if (new Set(columns).size !== columns.length)
    throw new DomainError('a column belongs to one dimension only', ['dimensions']);

  // Inner cells first: rows with the same codes in every column are one inner cell.
  interface Inner {
    codes: string[];
    value: number;
    frequency: number;
    flagged: boolean;
    byContributor: Map<string, number>;
  }
  const innerIndex = new Map<string, number>();
  const inners: Inner[] = [];
  records.forEach((r, i) => {
    const codes = columns.map((column) => {
      const code = r.codes[column];
      if (code === undefined || code === '')
        throw new DomainError(`no code for column ${column}`, [`row ${i + 1}`, column]);
      return code;
    });
    if (!Number.isFinite(r.value)) throw new DomainError('the value is not a number', [`row ${i + 1}`]);
    const key = codes.join(TOTAL);
    let index = innerIndex.get(key);
    if (index === undefined) {
      index = inners.length;
      innerIndex.set(key, index);
      inners.push({ codes, value: 0, frequency: 0, flagged: false, byContributor: new Map() });
    }
    const inner = inners[index]!;
    inner.value += r.value;
    inner.frequency += r.frequency;
    inner.flagged ||= r.flagged === true;
    if (keepContributions) {
      const who = r.contributor ?? `row ${i}`;
      inner.byContributor.set(who, (inner.byContributor.get(who) ?? 0) + r.value);
    }
  });

  // Per dimension, each choice (the total, or a column fixed to a code) gets a number; a cell is one
  // choice per dimension, found by its numbers.
  const offsets = dimensions.map((d) => columns.indexOf(d.columns[0]!));
  const choiceIds = dimensions.map(() => new Map<string, number>());
  const choices: (CellCode | null)[][] = dimensions.map((d) => (d.total === false ? [] : [null]));
  const innerChoices = inners.map((inner) =>
    dimensions.map((d, di) => {
      const ids: number[] = d.total === false ? [] : [0];
      d.columns.forEach((column, ci) => {
        const code = inner.codes[offsets[di]! + ci]!;
        const key = `${column}\u0000${code}`;
        let id = choiceIds[di]!.get(key);
        if (id === undefined) {
          id = choices[di]!.length;
          choiceIds[di]!.set(key, id);
          choices[di]!.push({ column, code });
        }
        ids.push(id);
      });
      return ids;
    }),
  );
  const radix = choices.map((c) => c.length);
  const exact = radix.reduce((a, b) => a * b, 1) < 2 ** 52;
  const cellOf = new Map<number | string, number>();
  interface Building {
    picked: number[];
    value: number;
    frequency: number;
    inner: number[];
    byContributor: Map<string, number>;
    flagged: boolean;
  }
  const building: Building[] = [];
  const picked = new Array<number>(dimensions.length).fill(0);
  inners.forEach((inner, index) => {
    const ids = innerChoices[index]!;
    const visit = (level: number) => {
      if (level === dimensions.length) {
        let key: number | string = 0;
        if (exact) for (let d = 0; d < picked.length; d++) key = key * radix[d]! + picked[d]!;
        else key = picked.join(',');
        let cell = cellOf.get(key);
        if (cell === undefined) {
          cell = building.length;
          cellOf.set(key, cell);
          building.push({
            picked: [...picked],
            value: 0,
            frequency: 0,
            inner: [],
            byContributor: new Map(),
            flagged: true,
          });
        }
        const b = building[cell]!;
        b.value += inner.value;
        b.frequency += inner.frequency;
        b.inner.push(index);
        b.flagged &&= inner.flagged;
        if (keepContributions)
          for (const [who, value] of inner.byContributor)
            b.byContributor.set(who, (b.byContributor.get(who) ?? 0) + value);
        return;
      }
      for (const id of ids[level]!) {
        picked[level] = id;
        visit(level + 1);
      }
    };
    visit(0);
  });
  const cells: Cell[] = building.map((b, index) => ({
    index,
    codes: b.picked.map((id, d) => choices[d]![id]!),
    value: b.value,
    frequency: b.frequency,
    // Inner cells were visited in ascending order, each once per cell.
    inner: Int32Array.from(b.inner),
    contributions: [...b.byContributor.values()].sort((x, y) => y - x),
    flagged: b.flagged,
  }));
  return {
    dimensions,
    cells,
    innerCount: inners.length,
    innerFrequency: Float64Array.from(inners, (i) => i.frequency),
    contributions: keepContributions,
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
