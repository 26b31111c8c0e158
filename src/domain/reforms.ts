import { parseData } from './parse-data.ts';
import * as z from 'zod';
import { DomainError } from './errors.ts';
import type { RegionFollowing } from './publication/series.ts';

const changeSchema = z.object({
  year: z.number().int(),
  kind: z.enum(['renumber', 'merge', 'split', 'name']),
  from: z.string().regex(/^\d{4}$/),
  to: z.array(z.string().regex(/^\d{4}$/)).min(1),
  name: z.string(),
  previous_name: z.string().optional(),
});
export type MunicipalityChange = z.infer<typeof changeSchema>;

/**
 * Municipal reforms as dated changes: a code renumbered, municipalities merged, one split, a name (with its
 * Sámi form) changed. Series are compared in one structure by following a code through the changes.
 */
export class MunicipalityReforms {
  constructor(readonly changes: readonly MunicipalityChange[]) {}

  static parse(input: unknown, source: string): MunicipalityReforms {
    return new MunicipalityReforms(
      parseData(z.object({ source: z.string(), changes: z.array(changeSchema) }), input, source).changes,
    );
  }

  /**
   * The codes a municipality of `fromYear` has in the structure of `toYear` (later): one code when it was
   * renumbered or merged into another, several when it was split, itself when nothing happened.
   */
  toStructure(code: string, fromYear: number, toYear: number): string[] {
    let codes = [code];
    const years = [...new Set(this.changes.map((c) => c.year))]
      .filter((y) => y > fromYear && y <= toYear)
      .sort();
    for (const year of years)
      codes = codes.flatMap((c) => this.changes.find((x) => x.year === year && x.from === c)?.to ?? [c]);
    return [...new Set(codes)];
  }

  /**
   * The one code of `toYear` for a municipality of `fromYear`, or an error naming why there is none (a
   * split cannot be followed: its figures are not comparable).
   */
  successor(code: string, fromYear: number, toYear: number): string {
    const codes = this.toStructure(code, fromYear, toYear);
    if (codes.length !== 1)
      throw new DomainError(`${code} of ${fromYear} was split into ${codes.join(', ')} by ${toYear}`, [code]);
    return codes[0]!;
  }

  /**
   * How municipalities of `fromYear` are found in the structure of `toYear`, for a series shown in that
   * structure: each one's successors, each successor's predecessors among `fromCodes` (the municipalities of
   * `fromYear`), and the names of `toYear`.
   */
  following(
    toYear: number,
    codesOf: (year: number) => readonly string[],
    names: ReadonlyMap<string, string>,
  ): RegionFollowing {
    const before = new Map<number, Map<string, string[]>>();
    const predecessorsIn = (fromYear: number) => {
      let held = before.get(fromYear);
      if (!held) {
        held = new Map();
        for (const code of codesOf(fromYear))
          for (const next of this.toStructure(code, fromYear, toYear))
            held.set(next, [...(held.get(next) ?? []), code]);
        before.set(fromYear, held);
      }
      return held;
    };
    return {
      toYear,
      successors: (code, fromYear) => this.toStructure(code, fromYear, toYear),
      predecessors: (code, fromYear) => predecessorsIn(fromYear).get(code) ?? [code],
      nameOf: (code) => names.get(code),
    };
  }
}
