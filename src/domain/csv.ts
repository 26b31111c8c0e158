import { parse } from 'csv-parse/sync';
import { DomainError } from './errors.ts';

/**
 * The product's one CSV module. Reading goes through csv-parse (quotes, a byte-order mark, CRLF), never a
 * split on commas; writing quotes a field only where it holds the separator, a quote or a line break (RFC
 * 4180), with the line end and byte-order mark each output needs.
 */

export interface CsvLine {
  readonly fields: string[];
  /** The line the record ends on (its only line, unless a quoted field spans lines), for error messages. */
  readonly number: number;
}

export interface CsvReading {
  /** ',' unless given; 'detect': ';' if the first line has one (StatBank's downloads use either). */
  readonly separator?: ',' | ';' | 'detect';
  /** Every record must have as many fields as the first. */
  readonly sameColumns?: boolean;
}

/**
 * The records of a CSV text with their line numbers: fields trimmed, blank lines left out, a byte-order mark
 * dropped. A text that is not CSV (an unclosed quote, a record of another width where `sameColumns`) is an
 * error naming `file` and the line.
 */
export function readCsv(text: string, file: string, reading: CsvReading = {}): CsvLine[] {
  const separator = reading.separator ?? ',';
  const delimiter =
    separator === 'detect' ? ((text.split('\n')[0] ?? '').includes(';') ? ';' : ',') : separator;
  try {
    const records = parse(text, {
      bom: true,
      delimiter,
      trim: true,
      skip_empty_lines: true,
      relax_column_count: reading.sameColumns !== true,
      relax_quotes: true,
      // A file edited by hand may mix Windows and Unix line ends.
      record_delimiter: ['\r\n', '\n'],
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
    return records
      .filter(({ record }) => record.join('') !== '')
      .map(({ record, info }) => ({ fields: record, number: info.lines }));
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new DomainError(error instanceof Error ? error.message : 'not valid CSV', [
      file,
      ...(line ? [`line ${line}`] : []),
    ]);
  }
}

export interface CsvFormat {
  readonly separator?: ',' | ';' | '\t' | ' ';
  readonly lineEnd?: '\n' | '\r\n';
  /** A byte-order mark first, for spreadsheet programs that need it to read UTF-8. */
  readonly bom?: boolean;
}

/** One field: empty for null, JSON for an object, quoted where it must be. */
export function csvField(value: unknown, separator: string = ','): string {
  if (value === null || value === undefined) return '';
  const text =
    typeof value === 'string'
      ? value
      : typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint'
        ? String(value)
        : JSON.stringify(value);
  return text.includes(separator) || /["\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Rows as CSV text, every line ended (the last too). */
export function writeCsv(rows: readonly (readonly unknown[])[], format: CsvFormat = {}): string {
  const separator = format.separator ?? ',';
  const lineEnd = format.lineEnd ?? '\n';
  const text = rows.map((r) => r.map((f) => csvField(f, separator)).join(separator) + lineEnd).join('');
  return format.bom ? `\uFEFF${text}` : text;
}
