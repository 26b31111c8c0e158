/** One CSV field: quoted when it holds a separator, a quote or a line break (RFC 4180). */
function field(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A table as CSV (comma, full stop for decimals, empty for a missing value), header first. */
export function toCsv(columns: readonly string[], rows: readonly object[]): string {
  const lines = [columns.map(field).join(',')];
  for (const row of rows) {
    const record = row as Record<string, unknown>;
    lines.push(columns.map((c) => field(record[c])).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
