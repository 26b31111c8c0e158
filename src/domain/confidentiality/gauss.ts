import {
  directionHash,
  modular,
  ones,
  parallel,
  PRIMES,
  subtractMultiple,
  valueAt,
  type Modular,
  type SparseVector,
} from './modular.ts';

/**
 * What the elimination needs: each cell as the inner cells it sums, which cells are primary, and the order
 * in which the other cells are offered for publication (the most valuable first).
 */
export interface GaussProblem {
  readonly innerCount: number;
  readonly columns: readonly Int32Array[];
  readonly primary: readonly boolean[];
  /** Non-primary cells, the one most wanted published first. Cells left out stay suppressed. */
  readonly order: readonly number[];
  /**
   * Inner cells whose single contributor knows their value (frequency 1). Publication must not let such a
   * contributor compute a primary cell from the published cells and its own value.
   */
  readonly singletons?: readonly number[];
}

export interface GaussResult {
  /** Primary and secondary suppressed cells. */
  readonly suppressed: boolean[];
  readonly secondary: number[];
  /** Rank of the published cells: how many independent relations the public gets. */
  readonly publishedRank: number;
}

/** A vector that must stay outside the span of the published cells: a primary cell or a known singleton. */
interface Guarded {
  readonly cell: number;
  readonly singleton: boolean;
  /** The inner cell a singleton is, or for a primary cell of one inner cell, that cell. */
  readonly lone: number;
  residual: SparseVector;
  hash: number;
}

/**
 * Secondary suppression by Gaussian elimination, the idea of SSB's GaussSuppression written anew: cells are
 * offered for publication in order; each one's column is reduced by the columns already published. If it
 * adds nothing new it is published. Otherwise it becomes a pivot that eliminates one inner cell from every
 * primary cell's residual; if that would make a primary cell's residual vanish (the cell would be a linear
 * combination of published cells), or parallel to a singleton's (its one contributor could compute it), the
 * cell is suppressed instead. Exact arithmetic modulo a prime; deterministic for the same input.
 */
export function gaussSuppression(problem: GaussProblem, m: Modular = modular(PRIMES[0])): GaussResult {
  const { innerCount, columns } = problem;
  const suppressed = problem.primary.map(Boolean);
  const secondary: number[] = [];

  const guarded: Guarded[] = [];
  columns.forEach((column, cell) => {
    if (!problem.primary[cell]) return;
    const residual = ones(column);
    guarded.push({ cell, singleton: false, lone: column.length === 1 ? column[0]! : -1, residual, hash: 0 });
  });
  for (const row of problem.singletons ?? []) {
    const residual = ones(Int32Array.of(row));
    guarded.push({ cell: -1, singleton: true, lone: row, residual, hash: 0 });
  }
  const checkSingletons = guarded.some((g) => g.singleton);
  // Which guarded vectors have an entry in each inner cell, and which share a direction.
  const touching: Set<number>[] = Array.from({ length: innerCount }, () => new Set());
  const byHash = new Map<number, Set<number>>();
  const index = (g: number) => {
    const vector = guarded[g]!;
    for (const row of vector.residual.rows) touching[row]!.add(g);
    if (checkSingletons) {
      vector.hash = directionHash(m, vector.residual);
      let same = byHash.get(vector.hash);
      if (!same) byHash.set(vector.hash, (same = new Set()));
      same.add(g);
    }
  };
  const unindex = (g: number) => {
    const vector = guarded[g]!;
    for (const row of vector.residual.rows) touching[row]!.delete(g);
    if (checkSingletons) byHash.get(vector.hash)?.delete(g);
  };
  guarded.forEach((_, g) => index(g));

  // Published pivots: pivot k is zero at the pivot rows of pivots before it and 1 at its own row.
  const pivotOfRow = new Int32Array(innerCount).fill(-1);
  const pivots: SparseVector[] = [];
  const pivotRows: number[] = [];
  const dense = new Float64Array(innerCount);
  const present = new Uint8Array(innerCount);

  /** The column reduced by every published pivot, in pivot order. */
  const reduce = (column: Int32Array): SparseVector => {
    const touched: number[] = [];
    const heap = new MinHeap();
    for (const row of column) {
      dense[row] = 1;
      present[row] = 1;
      touched.push(row);
      if (pivotOfRow[row]! >= 0) heap.push(pivotOfRow[row]!);
    }
    let k: number | undefined;
    while ((k = heap.pop()) !== undefined) {
      const pivot = pivots[k]!;
      const row = pivotRows[k]!;
      const f = dense[row]!;
      if (f === 0) continue;
      for (let i = 0; i < pivot.rows.length; i++) {
        const r = pivot.rows[i]!;
        const value = m.reduce(dense[r]! - f * pivot.values[i]!);
        dense[r] = value;
        if (!present[r]) {
          present[r] = 1;
          touched.push(r);
          if (pivotOfRow[r]! > k) heap.push(pivotOfRow[r]!);
        }
      }
    }
    touched.sort((a, b) => a - b);
    const rows: number[] = [];
    const values: number[] = [];
    for (const r of touched) {
      if (dense[r] !== 0) {
        rows.push(r);
        values.push(dense[r]!);
      }
      dense[r] = 0;
      present[r] = 0;
    }
    return { rows: Int32Array.from(rows), values: Float64Array.from(values) };
  };

  /**
   * Whether two guarded vectors sharing a direction is a disclosure: a singleton's contributor could then
   * compute a primary cell, unless that cell is the singleton's own inner cell.
   */
  const discloses = (a: Guarded, b: Guarded) => {
    if (a.singleton === b.singleton) return false;
    const [single, cell] = a.singleton ? [a, b] : [b, a];
    return cell.lone !== single.lone;
  };

  for (const cell of problem.order) {
    if (problem.primary[cell]) continue;
    const reduced = reduce(columns[cell]!);
    if (reduced.rows.length === 0) continue; // adds nothing to what is published
    // The pivot row that touches the fewest guarded vectors: least work, least fill-in.
    let row = reduced.rows[0]!;
    for (const r of reduced.rows) if (touching[r]!.size < touching[row]!.size) row = r;
    const scale = m.inverse(valueAt(reduced, row));
    const pivot: SparseVector = {
      rows: reduced.rows,
      values: reduced.values.map((v) => m.multiply(v, scale)),
    };
    const affected = [...touching[row]!];
    const updated = affected.map((g) => {
      const vector = guarded[g]!;
      return subtractMultiple(m, vector.residual, valueAt(vector.residual, row), pivot);
    });
    let safe = affected.every((g, i) => guarded[g]!.singleton || updated[i]!.rows.length > 0);
    if (safe && checkSingletons) {
      const newHash = updated.map((v) => directionHash(m, v));
      const affectedSet = new Set(affected);
      safe = affected.every((g, i) => {
        const mine = { ...guarded[g]!, residual: updated[i]! };
        const others = [...(byHash.get(newHash[i]!) ?? [])].filter((o) => !affectedSet.has(o));
        const sameAmongUpdated = affected.flatMap((o, j) =>
          j !== i && newHash[j] === newHash[i] ? [j] : [],
        );
        return (
          others.every(
            (o) => !discloses(mine, guarded[o]!) || !parallel(m, updated[i]!, guarded[o]!.residual),
          ) &&
          sameAmongUpdated.every(
            (j) =>
              !discloses(mine, { ...guarded[affected[j]!]!, residual: updated[j]! }) ||
              !parallel(m, updated[i]!, updated[j]!),
          )
        );
      });
    }
    if (!safe) {
      suppressed[cell] = true;
      secondary.push(cell);
      continue;
    }
    pivotOfRow[row] = pivots.length;
    pivots.push(pivot);
    pivotRows.push(row);
    affected.forEach((g, i) => {
      unindex(g);
      guarded[g]!.residual = updated[i]!;
      index(g);
    });
  }
  return { suppressed, secondary, publishedRank: pivots.length };
}

/** A binary min-heap of pivot numbers; a number may be pushed more than once and is then popped once. */
class MinHeap {
  private readonly items: number[] = [];
  private readonly seen = new Set<number>();
  push(value: number) {
    if (this.seen.has(value)) return;
    this.seen.add(value);
    const items = this.items;
    items.push(value);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (items[parent]! <= items[i]!) break;
      [items[parent], items[i]] = [items[i]!, items[parent]!];
      i = parent;
    }
  }
  pop(): number | undefined {
    const items = this.items;
    if (items.length === 0) return undefined;
    const top = items[0]!;
    const last = items.pop()!;
    if (items.length > 0) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let smallest = i;
        if (l < items.length && items[l]! < items[smallest]!) smallest = l;
        if (r < items.length && items[r]! < items[smallest]!) smallest = r;
        if (smallest === i) break;
        [items[smallest], items[i]] = [items[i]!, items[smallest]!];
        i = smallest;
      }
    }
    return top;
  }
}
