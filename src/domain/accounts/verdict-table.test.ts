import fc from 'fast-check';
import { expect, test } from 'vitest';
import { VerdictTable } from './verdict-table.ts';

test('every combination keeps its verdicts as the table grows, and a new one has none', () => {
  fc.assert(
    fc.property(
      fc.uniqueArray(fc.tuple(fc.integer(), fc.integer()), {
        minLength: 1,
        maxLength: 3000,
        selector: ([a, b]) => `${a},${b}`,
      }),
      (pairs) => {
        // A small table, so that it grows several times.
        const table = new VerdictTable(4);
        pairs.forEach(([first, second], i) => {
          const slot = table.slot(first, second);
          expect(table.verdict(slot, false)).toBe(-1);
          table.set(slot, false, i);
          table.set(slot, true, i + 1_000_000);
        });
        pairs.forEach(([first, second], i) => {
          const slot = table.slot(first, second);
          expect([table.verdict(slot, false), table.verdict(slot, true)]).toEqual([i, i + 1_000_000]);
        });
      },
    ),
    { numRuns: 30 },
  );
});
