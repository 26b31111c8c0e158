import type { RegionFollowing } from './publication/series.ts';

/** The population of a region at the end of a year: all ages, 67 and over, 80 and over. */
export interface Population {
  readonly total: number;
  readonly age67plus: number;
  readonly age80plus: number;
}

/**
 * The population of a year's municipalities from figures in a later structure (the 1 January after a year
 * of reform comes in the new codes): a renumbered municipality takes its new code's, a split one the sum of
 * its parts'. A municipality merged with others at that new year has no figure of its own there.
 */
export function populationInStructure(
  population: ReadonlyMap<string, Population>,
  codes: readonly string[],
  fromYear: number,
  following: RegionFollowing,
): Map<string, Population> {
  const result = new Map<string, Population>();
  for (const code of codes) {
    const next = following.successors(code, fromYear);
    if (next.some((n) => following.predecessors(n, fromYear).length !== 1)) continue;
    const parts = next.map((n) => population.get(n));
    if (parts.some((p) => p === undefined)) continue;
    result.set(code, {
      total: parts.reduce((s, p) => s + p!.total, 0),
      age67plus: parts.reduce((s, p) => s + p!.age67plus, 0),
      age80plus: parts.reduce((s, p) => s + p!.age80plus, 0),
    });
  }
  return result;
}
