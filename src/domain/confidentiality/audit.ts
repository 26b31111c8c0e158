import {
  directionHash,
  modular,
  ones,
  parallel,
  PRIMES,
  subtractMultiple,
  type Modular,
  type SparseVector,
} from './modular.ts';

/** A published pattern to check: cells as inner cells, which are primary, which are published. */
export interface AuditProblem {
  readonly innerCount: number;
  readonly columns: readonly Int32Array[];
  readonly primary: readonly boolean[];
  readonly published: readonly boolean[];
  readonly singletons?: readonly number[];
}

export type Disclosure =
  | { readonly kind: 'exact'; readonly cell: number }
  | { readonly kind: 'singleton'; readonly cell: number; readonly singleton: number };

/**
 * The span of the published cells in echelon form, as a function that reduces a vector by it: what is left
 * is nothing exactly when the vector is a linear combination of published cells.
 */
export function spanOf(
  m: Modular,
  columns: readonly Int32Array[],
  published: readonly boolean[],
): (v: SparseVector) => SparseVector {
  const pivotOfRow = new Map<number, SparseVector>();
  // Each pivot leads with its lowest row, so eliminating pivot rows from left to right only ever adds rows
  // further right: the result has nothing in any pivot row, and is the same for every vector of its coset.
  const reduce = (start: SparseVector): SparseVector => {
    let v = start;
    for (let i = 0; i < v.rows.length;) {
      const pivot = pivotOfRow.get(v.rows[i]!);
      if (!pivot) {
        i++;
        continue;
      }
      v = subtractMultiple(m, v, v.values[i]!, pivot);
    }
    return v;
  };
  for (let cell = 0; cell < columns.length; cell++) {
    if (!published[cell]) continue;
    const reduced = reduce(ones(columns[cell]!));
    if (reduced.rows.length === 0) continue;
    const scale = m.inverse(reduced.values[0]!);
    pivotOfRow.set(reduced.rows[0]!, {
      rows: reduced.rows,
      values: reduced.values.map((x) => m.multiply(x, scale)),
    });
  }
  return reduce;
}

/**
 * Cells withheld to protect others that are sums of published cells anyway (a county withheld while each of
 * its municipalities is published): withholding them protects nothing, so they are published. Publishing a
 * combination of published cells leaves the span, and every attacker interval, as it was.
 */
export function publishDerivable(
  columns: readonly Int32Array[],
  primary: readonly boolean[],
  suppressed: readonly boolean[],
): boolean[] {
  const reduce = spanOf(
    modular(PRIMES[0]),
    columns,
    suppressed.map((s) => !s),
  );
  return suppressed.map((s, cell) => s && (primary[cell] || reduce(ones(columns[cell]!)).rows.length > 0));
}

/**
 * Exact disclosure, checked from scratch with another prime than the elimination used: the published cells
 * are brought to echelon form, and every primary cell is reduced by them. A primary cell that reduces to
 * nothing is a linear combination of published cells; one that reduces to a multiple of a singleton's
 * reduction can be computed by that singleton's contributor. Returns every disclosure found.
 */
export function auditExact(problem: AuditProblem): Disclosure[] {
  const m = modular(PRIMES[1]);
  const reduce = spanOf(m, problem.columns, problem.published);
  const found: Disclosure[] = [];
  const residuals = new Map<number, SparseVector>();
  problem.columns.forEach((column, cell) => {
    if (!problem.primary[cell]) return;
    const residual = reduce(ones(column));
    if (residual.rows.length === 0) found.push({ kind: 'exact', cell });
    else residuals.set(cell, residual);
  });
  if (problem.singletons?.length) {
    const byHash = new Map<number, number[]>();
    for (const [cell, residual] of residuals) {
      const h = directionHash(m, residual);
      byHash.set(h, [...(byHash.get(h) ?? []), cell]);
    }
    for (const singleton of problem.singletons) {
      const residual = reduce(ones(Int32Array.of(singleton)));
      if (residual.rows.length === 0) continue;
      for (const cell of byHash.get(directionHash(m, residual)) ?? []) {
        const column = problem.columns[cell]!;
        const own = column.length === 1 && column[0] === singleton;
        if (!own && parallel(m, residual, residuals.get(cell)!))
          found.push({ kind: 'singleton', cell, singleton });
      }
    }
  }
  return found;
}
