/**
 * The lines of a small CSV a statistician uploads (`municipality,email`, `municipality,participants`,
 * `municipality,measure,amount`): fields trimmed, blank lines and a first line starting with `header`
 * skipped, each with its line number for the error message.
 */
export function csvLines(text: string, header: string): { fields: string[]; number: number }[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((line, i) => ({ fields: line.split(',').map((f) => f.trim()), number: i + 1 }))
    .filter(({ fields, number }) => fields.join('') !== '' && !(number === 1 && fields[0] === header));
}
