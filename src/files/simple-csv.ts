import { readCsv, type CsvLine } from '../domain/csv.ts';

/**
 * The lines of a small CSV a statistician uploads (`municipality,email`, `municipality,participants`,
 * `municipality,measure,amount`): fields trimmed, blank lines and a first line starting with `header`
 * skipped, each with its line number for the error message.
 */
export function csvLines(text: string, header: string, file = 'upload.csv'): CsvLine[] {
  return readCsv(text, file).filter(({ fields, number }) => !(number === 1 && fields[0] === header));
}
