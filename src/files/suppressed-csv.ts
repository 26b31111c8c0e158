import type { SuppressionOutcome } from '../domain/confidentiality/suppress.ts';
import { writeCsv } from '../domain/csv.ts';

/**
 * Every published cell, one per line: each dimension column holds the code the cell fixes in that column, or
 * `*` (all `*` in a dimension: its total); then freq, value when it differs, primary and suppressed. Anyone
 * can rebuild from it which inner rows each cell sums, and audit the pattern.
 */
export function suppressedCsv(outcome: SuppressionOutcome, withValue: boolean): string {
  const { table } = outcome;
  const columns = table.dimensions.flatMap((d) => d.columns);
  const header = [...columns, 'freq', ...(withValue ? ['value'] : []), 'primary', 'suppressed'];
  const lines = table.cells.map((cell) => {
    const fixed = new Map(cell.codes.flatMap((c) => (c ? [[c.column, c.code] as const] : [])));
    return [
      ...columns.map((c) => fixed.get(c) ?? '*'),
      cell.frequency,
      ...(withValue ? [cell.value] : []),
      outcome.status[cell.index] === 'primary',
      outcome.status[cell.index] !== 'published',
    ];
  });
  return writeCsv([header, ...lines]);
}
