import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { auditSuppression, suppressTable, type SuppressionOutcome } from './suppress.ts';
import { buildTable, type InnerRecord } from './table.ts';

/**
 * KOSTRA's regions are hierarchies over the same municipalities that meet: a KOSTRA group of one
 * municipality (group 13 is Oslo alone) is that municipality, and the country less the country without
 * Oslo is Oslo again. A withheld cell must stay unknown through every such path.
 */
const REGION = ['municipality', 'county', 'kostra_group', 'without_oslo'] as const;
const OSLO = 'M0';

interface Region {
  readonly municipalities: number;
  readonly county: readonly number[];
  readonly group: readonly number[];
}

/** The table: municipalities by category, each in a county, a group, and the country without Oslo or not. */
function tableOf(
  region: Region,
  values: readonly (readonly number[])[],
  flagged: readonly (readonly boolean[])[],
) {
  const records: InnerRecord[] = [];
  for (let m = 0; m < region.municipalities; m++)
    values[m]!.forEach((value, c) =>
      records.push({
        codes: {
          municipality: `M${m}`,
          county: `EKA${region.county[m]}`,
          // Oslo is a group of its own, as group 13 is.
          kostra_group: m === 0 ? 'EKG13' : `EKG0${region.group[m]}`,
          without_oslo: m === 0 ? 'OSLO' : 'EAKUO',
          category: `C${c}`,
        },
        value,
        frequency: 1,
        contributor: `M${m}`,
        flagged: flagged[m]![c]!,
      }),
    );
  return buildTable(
    [
      { name: 'Region', columns: REGION },
      { name: 'Kategori', columns: ['category'] },
    ],
    records,
  );
}

/** Rank of 0/1 vectors over the rationals, by fraction-free elimination in integers of any size. */
function rank(vectors: readonly bigint[][]): number {
  const rows = vectors.map((v) => [...v]);
  let r = 0;
  const width = rows[0]?.length ?? 0;
  for (let col = 0; col < width && r < rows.length; col++) {
    const pivot = rows.findIndex((row, i) => i >= r && row[col] !== 0n);
    if (pivot < 0) continue;
    [rows[r], rows[pivot]] = [rows[pivot]!, rows[r]!];
    const p = rows[r]!;
    for (let i = 0; i < rows.length; i++) {
      if (i === r || rows[i]![col] === 0n) continue;
      const f = rows[i]![col]!;
      rows[i] = rows[i]!.map((x, j) => x * p[col]! - f * p[j]!);
    }
    r++;
  }
  return r;
}

/**
 * Independently of the elimination and the audit (which work modulo primes): the primary cells an
 * attacker can compute from the published ones, found by exact rational rank.
 */
function disclosed(outcome: SuppressionOutcome): string[] {
  const { table } = outcome;
  const vector = (inner: Int32Array) => {
    const v = new Array<bigint>(table.innerCount).fill(0n);
    for (const i of inner) v[i] = 1n;
    return v;
  };
  const published = table.cells
    .filter((_, i) => outcome.status[i] === 'published')
    .map((c) => vector(c.inner));
  const base = rank(published);
  return table.cells
    .filter((_, i) => outcome.status[i] === 'primary')
    .filter((c) => rank([...published, vector(c.inner)]) === base)
    .map((c) => c.codes.map((x) => x?.code ?? 'total').join('/'));
}

const regions = fc.integer({ min: 3, max: 9 }).chain((municipalities) =>
  fc.record({
    municipalities: fc.constant(municipalities),
    county: fc.array(fc.integer({ min: 1, max: 3 }), {
      minLength: municipalities,
      maxLength: municipalities,
    }),
    group: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: municipalities, maxLength: municipalities }),
  }),
);

const tables = regions.chain((region) =>
  fc.integer({ min: 2, max: 4 }).chain((categories) =>
    fc.record({
      region: fc.constant(region),
      values: fc.array(
        fc.array(fc.integer({ min: 0, max: 500 }), { minLength: categories, maxLength: categories }),
        {
          minLength: region.municipalities,
          maxLength: region.municipalities,
        },
      ),
      flagged: fc.array(
        fc.array(
          fc.integer({ min: 0, max: 5 }).map((n) => n === 0),
          {
            minLength: categories,
            maxLength: categories,
          },
        ),
        {
          minLength: region.municipalities,
          maxLength: region.municipalities,
        },
      ),
    }),
  ),
);

const options = { rules: [{ kind: 'flagged' as const }], weight: 'value' as const, singletons: true };

describe('suppression over linked aggregates', () => {
  test('a withheld cell of Oslo is not published again as group 13 or as the country less the country without Oslo', () => {
    const region: Region = { municipalities: 4, county: [1, 1, 2, 2], group: [1, 1, 2, 2] };
    const outcome = suppressTable(
      tableOf(
        region,
        [
          [40, 60],
          [10, 20],
          [30, 5],
          [25, 25],
        ],
        [
          [true, false],
          [false, false],
          [false, false],
          [false, false],
        ],
      ),
      options,
    );
    const status = (column: string, code: string | null, category: string) => {
      const i = outcome.table.cells.findIndex(
        (c) =>
          (code === null ? c.codes[0] === null : c.codes[0]?.column === column && c.codes[0].code === code) &&
          c.codes[1]?.code === category,
      );
      return outcome.status[i];
    };
    expect(status('municipality', OSLO, 'C0')).toBe('primary');
    expect(status('kostra_group', 'EKG13', 'C0')).not.toBe('published');
    expect([status('without_oslo', 'EAKUO', 'C0'), status('', null, 'C0')]).toContain('secondary');
    expect(disclosed(outcome)).toEqual([]);
    expect(auditSuppression(outcome).passed).toBe(true);
    // Withholding Oslo's cell alone would give it away through group 13 (the check can tell).
    const primaryOnly = {
      ...outcome,
      status: outcome.status.map((s) => (s === 'secondary' ? ('published' as const) : s)),
    };
    expect(disclosed(primaryOnly)).toContain('M0/C0');
    expect(auditSuppression(primaryOnly).passed).toBe(false);
  });

  test('no primary cell can be computed from the published ones, however the hierarchies meet', () => {
    fc.assert(
      fc.property(tables, ({ region, values, flagged }) => {
        const outcome = suppressTable(tableOf(region, values, flagged), options);
        expect(disclosed(outcome)).toEqual([]);
        expect(auditSuppression(outcome).passed).toBe(true);
      }),
      { numRuns: 150, seed: 254 },
    );
  });
});
