import { writeCsv } from '../domain/csv.ts';

/** A table as CSV (comma, full stop for decimals, empty for a missing value), header first, CRLF. */
export function toCsv(columns: readonly string[], rows: readonly object[]): string {
  const record = (row: object) => row as Record<string, unknown>;
  return writeCsv([columns, ...rows.map((r) => columns.map((c) => record(r)[c]))], { lineEnd: '\r\n' });
}
