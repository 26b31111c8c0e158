/**
 * What suppression needs of a linear-programming solver, so that the domain stays free of I/O: the solver
 * itself (HiGHS) is loaded outside and passed in.
 */
export interface AttackerModel {
  /**
   * The least and greatest value the sum of these variables can take under the published equations, with
   * the published equations whose values the bound rests on (non-zero duals). Infinity when unbounded.
   */
  range(variables: Int32Array): {
    readonly lower: number;
    readonly upper: number;
    readonly binding: readonly number[];
  };
  close(): void;
}

export interface LinearSolver {
  /**
   * The attacker's model: variables (inner cells) at or above `lowerBound`, one equation per published cell
   * (its inner cells sum to its value).
   */
  attacker(
    variableCount: number,
    equations: readonly { readonly variables: Int32Array; readonly value: number }[],
    lowerBound: number,
  ): AttackerModel;
  /**
   * Minimises the weighted sum of binary variables subject to covering constraints (each set: at least one
   * of its variables is 1) and fixed ones. Returns the chosen variables.
   */
  cover(weights: readonly number[], sets: readonly (readonly number[])[], fixed: readonly number[]): number[];
}
