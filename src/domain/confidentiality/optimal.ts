import { DomainError } from '../errors.ts';
import { auditIntervals, type IntervalProblem, type ProtectionInterval } from './interval-audit.ts';
import type { LinearSolver } from './linear-solver.ts';

export interface OptimalProblem extends Omit<IntervalProblem, 'published'> {
  /** What suppressing each cell costs (its frequency or value); the total is minimised. */
  readonly weights: readonly number[];
}

/**
 * The cheapest suppression pattern that gives every primary cell the protection interval, by a mixed-integer
 * program (HiGHS) grown with cuts: solve for the cheapest pattern that meets the cuts found so far, let the
 * attacker bound every primary cell, and for each cell still too narrow add a cut "suppress at least one of
 * the published cells its bounds rest on". Optimal among all patterns when it stops; meant for small tables.
 */
export function optimalSuppression(
  problem: OptimalProblem,
  solver: LinearSolver,
  protection: ProtectionInterval,
  maxRounds = 200,
): { suppressed: boolean[]; secondary: number[]; rounds: number } {
  const primaries = problem.primary.flatMap((p, i) => (p ? [i] : []));
  const cuts: number[][] = [];
  const seen = new Set<string>();
  // A tiny cost per cell, so that of two patterns of the same value the one with fewer cells wins.
  const weights = problem.weights.map((w) => w + 1e-3);
  for (let round = 1; round <= maxRounds; round++) {
    const chosen = new Set(cuts.length === 0 ? primaries : solver.cover(weights, cuts, primaries));
    const suppressed = problem.columns.map((_, i) => chosen.has(i) || problem.primary[i] === true);
    const failing = auditIntervals(
      { ...problem, published: suppressed.map((s) => !s) },
      solver,
      protection,
    ).filter((i) => !i.protected);
    if (failing.length === 0) {
      const secondary = suppressed.flatMap((s, i) => (s && !problem.primary[i] ? [i] : []));
      return { suppressed, secondary, rounds: round };
    }
    for (const f of failing) {
      if (f.binding.length === 0)
        throw new DomainError(`cell ${f.cell} cannot be protected: its bounds rest on no published cell`);
      const key = [...f.binding].sort((a, b) => a - b).join(',');
      if (!seen.has(key)) {
        seen.add(key);
        cuts.push([...f.binding]);
      }
    }
  }
  throw new DomainError(`no optimal pattern within ${maxRounds} rounds; use the Gaussian method`);
}
