import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { auditExact } from './audit.ts';
import { suppressTable, type SuppressionOutcome } from './suppress.ts';
import { buildTable, type InnerRecord } from './table.ts';
import { cellAt, twoWay } from './testing.ts';

const FREQUENCY = [{ kind: 'frequency', maxN: 3, protectZeros: true }] as const;

const statusOf = (outcome: SuppressionOutcome, ...codes: (string | null)[]) =>
  outcome.status[cellAt(outcome.table, ...codes).index];

/** The exact audit of an outcome, with some cells published that were not. */
function disclosures(outcome: SuppressionOutcome, alsoPublished: readonly number[] = []) {
  return auditExact({
    innerCount: outcome.table.innerCount,
    columns: outcome.table.cells.map((c) => c.inner),
    primary: outcome.status.map((s) => s === 'primary'),
    published: outcome.status.map((s, i) => s === 'published' || alsoPublished.includes(i)),
    singletons: outcome.singletons,
  });
}

describe('secondary suppression by Gaussian elimination', () => {
  test('one small cell: the cheapest rectangle around it is suppressed', () => {
    const outcome = suppressTable(
      twoWay([
        [10, 2, 8],
        [7, 9, 6],
      ]),
      { rules: FREQUENCY },
    );
    expect(statusOf(outcome, 'a1', 'b2')).toBe('primary');
    const secondary = outcome.table.cells.filter((c) => outcome.status[c.index] === 'secondary');
    expect(secondary.map((c) => c.codes.map((x) => x?.code ?? 'T').join('/')).sort()).toEqual([
      'a1/b3',
      'a2/b2',
      'a2/b3',
    ]);
    expect(disclosures(outcome)).toEqual([]);
  });

  test('nothing small: nothing suppressed; the same input gives the same pattern', () => {
    const table = twoWay([
      [10, 12],
      [7, 9],
    ]);
    expect(suppressTable(table, { rules: FREQUENCY }).status.every((s) => s === 'published')).toBe(true);
    const small = twoWay([
      [1, 12, 5],
      [7, 2, 9],
      [8, 8, 0],
    ]);
    expect(suppressTable(small, { rules: FREQUENCY }).status).toEqual(
      suppressTable(small, { rules: FREQUENCY }).status,
    );
  });

  test('a singleton in a pair: its contributor could subtract itself, so a third cell goes too', () => {
    // Two small cells in one row: without singleton protection the pair protects each other.
    const table = twoWay([
      [1, 2, 30],
      [20, 20, 30],
      [20, 20, 30],
    ]);
    const plain = suppressTable(table, { rules: FREQUENCY });
    const guarded = suppressTable(table, { rules: FREQUENCY, singletons: true });
    expect(disclosures(plain)).toEqual([]);
    expect(disclosures({ ...plain, singletons: guarded.singletons }).map((d) => d.kind)).toContain(
      'singleton',
    );
    expect(disclosures(guarded)).toEqual([]);
  });
});

/** Random tables of counts: two or three dimensions, each with fine codes grouped into one or two groups. */
const tables = fc
  .record({
    sizes: fc.array(fc.integer({ min: 2, max: 4 }), { minLength: 2, maxLength: 3 }),
    groups: fc.array(fc.integer({ min: 1, max: 2 }), { minLength: 3, maxLength: 3 }),
    counts: fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 64, maxLength: 64 }),
  })
  .map(({ sizes, groups, counts }) => {
    const dimensions = sizes.map((_, d) => ({ name: `D${d}`, columns: [`d${d}`, `g${d}`] }));
    const records: InnerRecord[] = [];
    const visit = (d: number, codes: Record<string, string>) => {
      if (d === sizes.length) {
        const n = counts[records.length % counts.length]!;
        records.push({ codes, value: n, frequency: n });
        return;
      }
      for (let k = 0; k < sizes[d]!; k++)
        visit(d + 1, { ...codes, [`d${d}`]: `x${k}`, [`g${d}`]: `G${k % groups[d]!}` });
    };
    visit(0, {});
    return buildTable(dimensions, records);
  });

describe('properties on random hierarchical tables', () => {
  test('no primary cell is a linear combination of published cells', () => {
    fc.assert(
      fc.property(tables, fc.boolean(), (table, singletons) => {
        expect(disclosures(suppressTable(table, { rules: FREQUENCY, singletons }))).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  test('the audit catches a broken pattern: publishing any one secondary cell discloses', () => {
    fc.assert(
      fc.property(tables, (table) => {
        const outcome = suppressTable(table, { rules: FREQUENCY });
        outcome.status.forEach((s, i) => {
          if (s === 'secondary') expect(disclosures(outcome, [i]).length).toBeGreaterThan(0);
        });
      }),
      { numRuns: 100 },
    );
  });
});
