import { readCsv } from '../domain/csv.ts';
import type { Dimension, InnerRecord } from '../domain/confidentiality/table.ts';
import { DomainError } from '../domain/errors.ts';

export interface InnerCsvLayout {
  /** Dimensions as `region|fylke|kostragr`: columns that describe the same thing at different levels. */
  readonly dimensions: readonly string[];
  /** Column of frequencies; absent: each row counts 1. */
  readonly frequency?: string | undefined;
  /** Column of values (magnitude tables); absent: the value is the frequency. */
  readonly value?: string | undefined;
}

/**
 * Inner cells from a CSV with a header line: the dimension columns, and frequency and value columns when
 * named. A missing column or a number that is not one is refused with the line and column.
 */
export function readInnerCsv(
  text: string,
  layout: InnerCsvLayout,
  file: string,
): { dimensions: Dimension[]; records: InnerRecord[] } {
  const [first, ...lines] = readCsv(text, file, { sameColumns: true });
  const header = first?.fields;
  if (!header) throw new DomainError('the file is empty', [file]);
  const dimensions = layout.dimensions.map((d) => {
    const columns = d.split('|').map((c) => c.trim());
    return { name: columns[0]!, columns };
  });
  const named = [
    ...dimensions.flatMap((d) => d.columns),
    ...(layout.frequency ? [layout.frequency] : []),
    ...(layout.value ? [layout.value] : []),
  ];
  for (const column of named)
    if (!header.includes(column))
      throw new DomainError(`no column "${column}" in the header`, [file, 'line 1']);
  const at = new Map(header.map((h, i) => [h, i]));
  const number = (fields: string[], column: string, line: number) => {
    const text = fields[at.get(column)!]!.trim();
    const n = Number(text);
    if (text === '' || !Number.isFinite(n))
      throw new DomainError(`"${text}" is not a number`, [file, `line ${line}`, column]);
    return n;
  };
  const records = lines.map(({ fields, number: line }): InnerRecord => {
    const codes = Object.fromEntries(
      dimensions
        .flatMap((d) => d.columns)
        .map((c) => {
          const code = fields[at.get(c)!]!;
          if (code === '') throw new DomainError('no code', [file, `line ${line}`, c]);
          return [c, code];
        }),
    );
    const frequency = layout.frequency ? number(fields, layout.frequency, line) : 1;
    if (frequency < 0) throw new DomainError('a frequency cannot be negative', [file, `line ${line}`]);
    return { codes, frequency, value: layout.value ? number(fields, layout.value, line) : frequency };
  });
  return { dimensions, records };
}
