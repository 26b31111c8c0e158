import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { assertPublishable, auditSuppression, suppressTable } from '../domain/confidentiality/suppress.ts';
import { buildTable, type InnerRecord } from '../domain/confidentiality/table.ts';
import { cellAt, twoWay } from '../domain/confidentiality/testing.ts';
import { highsSolver } from './highs.ts';

const solver = await highsSolver();
const SMALL = [{ kind: 'frequency', maxN: 3, protectZeros: false }] as const;
const cost = (o: ReturnType<typeof suppressTable>) =>
  o.table.cells.reduce((sum, c) => sum + (o.status[c.index] === 'secondary' ? c.frequency : 0), 0);

describe('attacker intervals by linear programming (HiGHS)', () => {
  const table = twoWay([
    [1, 0, 30],
    [20, 20, 30],
    [20, 20, 30],
  ]);

  test('the interval of each primary cell, and the published cells it rests on', () => {
    const outcome = suppressTable(table, { rules: SMALL });
    const report = auditSuppression(outcome, { solver, protection: { absolute: 1, relative: 0 } });
    expect(report.checked).toEqual(['exact', 'intervals']);
    const primary = cellAt(table, 'a1', 'b1').index;
    const interval = report.intervals.find((i) => i.cell === primary)!;
    expect(interval.lower).toBeLessThanOrEqual(1);
    expect(interval.upper).toBeGreaterThanOrEqual(1);
    expect(interval.binding.length).toBeGreaterThan(0);
    for (const cell of interval.binding) expect(outcome.status[cell]).toBe('published');
  });

  test('a pattern too narrow for the required interval is refused, naming the cell; widening fixes it', () => {
    const protection = { absolute: 3, relative: 0 };
    const exactOnly = suppressTable(table, { rules: SMALL });
    const report = auditSuppression(exactOnly, { solver, protection });
    expect(report.passed).toBe(false);
    expect(() => assertPublishable('t', report)).toThrow(
      /^t: the suppression audit failed: a=a1, b=b1: an attacker narrows it to \[0, 1\], narrower than 3/,
    );
    const widened = suppressTable(table, { rules: SMALL, protection }, solver);
    expect(auditSuppression(widened, { solver, protection }).passed).toBe(true);
    expect(cost(widened)).toBeGreaterThan(cost(exactOnly));
  });

  test('the optimal method finds the cheapest rectangle', () => {
    const outcome = suppressTable(
      twoWay([
        [10, 2, 8],
        [7, 9, 6],
      ]),
      { rules: SMALL, method: 'optimal' },
      solver,
    );
    expect(cost(outcome)).toBe(8 + 9 + 6);
  });
});

const tables = fc
  .record({
    rows: fc.integer({ min: 2, max: 4 }),
    columns: fc.integer({ min: 2, max: 4 }),
    grouped: fc.boolean(),
    counts: fc.array(fc.integer({ min: 0, max: 15 }), { minLength: 16, maxLength: 16 }),
  })
  .map(({ rows, columns, grouped, counts }) => {
    const records: InnerRecord[] = [];
    for (let i = 0; i < rows; i++)
      for (let j = 0; j < columns; j++) {
        const n = counts[i * columns + j]!;
        records.push({
          codes: { a: `a${i}`, ga: `G${grouped ? i % 2 : 0}`, b: `b${j}` },
          value: n,
          frequency: n,
        });
      }
    return buildTable(
      [
        { name: 'A', columns: ['a', 'ga'] },
        { name: 'B', columns: ['b'] },
      ],
      records,
    );
  });

describe('properties with the attacker (HiGHS)', () => {
  const protection = { absolute: 2, relative: 0.1 };
  test('no primary cell has an attacker interval narrower than required, by either method; optimal costs no more', () => {
    fc.assert(
      fc.property(tables, (table) => {
        const gauss = suppressTable(table, { rules: SMALL, protection }, solver);
        const optimal = suppressTable(table, { rules: SMALL, protection, method: 'optimal' }, solver);
        for (const outcome of [gauss, optimal]) {
          const report = auditSuppression(outcome, { solver, protection });
          expect(report.problems).toEqual([]);
        }
        expect(cost(optimal)).toBeLessThanOrEqual(cost(gauss) + 1e-9);
      }),
      { numRuns: 40 },
    );
  });
});
