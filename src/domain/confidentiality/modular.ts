/**
 * Exact arithmetic for the elimination: integers modulo a prime below 2^25, so that a product of two
 * residues (< 2^50) is exact in a double. Over the rationals a relation with coefficients whose denominators
 * are not divisible by the prime holds modulo the prime too; the chance that a relation of a table is lost
 * this way is of the order 1/P, and the audit checks the pattern again with another prime.
 */
export const PRIMES = [33_554_393, 33_554_383] as const;

export function modular(prime: number) {
  const reciprocal = 1 / prime;
  /**
   * x mod prime for |x| < 2^51, without the floating-point remainder (slow in V8): the quotient from the
   * reciprocal can be one off, which the last step corrects.
   */
  const reduce = (x: number) => {
    const r = x - Math.floor(x * reciprocal) * prime;
    return r < 0 ? r + prime : r >= prime ? r - prime : r;
  };
  const multiply = (a: number, b: number) => reduce(a * b);
  /** The inverse of a non-zero residue, by Fermat: a^(p-2). */
  const inverse = (a: number) => {
    let result = 1;
    let base = a;
    let exponent = prime - 2;
    while (exponent > 0) {
      if (exponent & 1) result = multiply(result, base);
      base = multiply(base, base);
      exponent = Math.floor(exponent / 2);
    }
    return result;
  };
  return { prime, reduce, multiply, inverse };
}

export type Modular = ReturnType<typeof modular>;

/** A sparse vector over the inner cells: rows ascending, values non-zero residues. */
export interface SparseVector {
  readonly rows: Int32Array;
  readonly values: Float64Array;
}

export const EMPTY: SparseVector = { rows: new Int32Array(0), values: new Float64Array(0) };

export function ones(rows: Int32Array): SparseVector {
  return { rows, values: new Float64Array(rows.length).fill(1) };
}

export function valueAt(v: SparseVector, row: number): number {
  let lo = 0;
  let hi = v.rows.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = v.rows[mid]!;
    if (r === row) return v.values[mid]!;
    if (r < row) lo = mid + 1;
    else hi = mid - 1;
  }
  return 0;
}

/** a − f·b, by merging the two row lists. */
export function subtractMultiple(m: Modular, a: SparseVector, f: number, b: SparseVector): SparseVector {
  const rows = new Int32Array(a.rows.length + b.rows.length);
  const values = new Float64Array(rows.length);
  let i = 0;
  let j = 0;
  let n = 0;
  const reduce = m.reduce;
  while (i < a.rows.length || j < b.rows.length) {
    const ra = i < a.rows.length ? a.rows[i]! : Infinity;
    const rb = j < b.rows.length ? b.rows[j]! : Infinity;
    let row: number;
    let value: number;
    if (ra === rb) {
      row = ra;
      value = reduce(a.values[i++]! - f * b.values[j++]!);
    } else if (ra < rb) {
      row = ra;
      value = a.values[i++]!;
    } else {
      row = rb;
      value = reduce(-f * b.values[j++]!);
    }
    if (value !== 0) {
      rows[n] = row;
      values[n++] = value;
    }
  }
  return { rows: rows.subarray(0, n), values: values.subarray(0, n) };
}

/** A hash of the vector's direction (scaled so that its first entry is 1): parallel vectors hash alike. */
export function directionHash(m: Modular, v: SparseVector): number {
  if (v.rows.length === 0) return 0;
  const scale = m.inverse(v.values[0]!);
  let h = 0x811c9dc5 ^ v.rows.length;
  for (let i = 0; i < v.rows.length; i++) {
    h = Math.imul(h ^ v.rows[i]!, 0x01000193);
    h = Math.imul(h ^ m.multiply(v.values[i]!, scale), 0x01000193);
  }
  return h >>> 0;
}

/** Whether two non-empty vectors are parallel: b is a non-zero multiple of a. */
export function parallel(m: Modular, a: SparseVector, b: SparseVector): boolean {
  if (a.rows.length !== b.rows.length || a.rows.length === 0) return false;
  const scale = m.multiply(b.values[0]!, m.inverse(a.values[0]!));
  for (let i = 0; i < a.rows.length; i++) {
    if (a.rows[i] !== b.rows[i] || m.multiply(a.values[i]!, scale) !== b.values[i]) return false;
  }
  return true;
}
