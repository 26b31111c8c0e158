import type { LinearSolver } from './linear-solver.ts';

/**
 * How wide the attacker's interval for a primary cell must at least be: an absolute width, and a share of
 * the cell's value; the larger holds.
 */
export interface ProtectionInterval {
  readonly absolute: number;
  readonly relative: number;
}

export const DEFAULT_PROTECTION: ProtectionInterval = { absolute: 1, relative: 0 };

export interface IntervalProblem {
  readonly innerCount: number;
  readonly columns: readonly Int32Array[];
  readonly values: readonly number[];
  readonly primary: readonly boolean[];
  readonly published: readonly boolean[];
  /** The least value an inner cell can have (0 for counts and costs). */
  readonly lowerBound: number;
}

export interface AttackerInterval {
  readonly cell: number;
  readonly value: number;
  readonly lower: number;
  readonly upper: number;
  readonly required: number;
  readonly protected: boolean;
  /** Published cells the bounds rest on: suppressing one of them is needed to widen the interval. */
  readonly binding: readonly number[];
}

/** The width a cell's interval needs. */
export const requiredWidth = (value: number, protection: ProtectionInterval) =>
  Math.max(protection.absolute, protection.relative * Math.abs(value));

/**
 * The interval an attacker gets for every primary cell from the published cells, all relations of the table
 * and the bound on inner cells: two linear programs per primary cell.
 */
export function auditIntervals(
  problem: IntervalProblem,
  solver: LinearSolver,
  protection: ProtectionInterval = DEFAULT_PROTECTION,
): AttackerInterval[] {
  const publishedCells = problem.columns.flatMap((_, cell) => (problem.published[cell] ? [cell] : []));
  const model = solver.attacker(
    problem.innerCount,
    publishedCells.map((cell) => ({ variables: problem.columns[cell]!, value: problem.values[cell]! })),
    problem.lowerBound,
  );
  try {
    return problem.columns.flatMap((column, cell) => {
      if (!problem.primary[cell] || problem.published[cell]) return [];
      const { lower, upper, binding } = model.range(column);
      const value = problem.values[cell]!;
      const required = requiredWidth(value, protection);
      // A tolerance for the solver's floating point: widths are compared to a millionth of the requirement.
      const width = upper - lower;
      return [
        {
          cell,
          value,
          lower,
          upper,
          required,
          protected: width >= required * (1 - 1e-6),
          binding: binding.map((row) => publishedCells[row]!),
        },
      ];
    });
  } finally {
    model.close();
  }
}
