import { writeCsv } from '../csv.ts';
import { DomainError } from '../errors.ts';
import { combinations, flatIndex, type PublishedDataset } from './dataset.ts';
import { columnsOf, type StatbankDescription } from './statbank-description.ts';

/** One load file for one part (deltabell) of a StatBank table: its name and its rows of fields. */
export interface LoadFile {
  readonly filename: string;
  readonly rows: readonly (readonly string[])[];
}

/**
 * A number as StatBank stores it: rounded half away from zero to the column's stored decimals, with a
 * decimal comma. The number is rounded as it reads (its shortest decimal form: 1.15 is 1.15, not the
 * 1.1499999… a binary double holds), so 1.15 gives "1,2" and 2.5 gives "3".
 */
export function statbankNumber(value: number, decimals: number): string {
  if (!Number.isFinite(value)) throw new DomainError(`${value} is not a number StatBank can store`);
  const [mantissa = '0', exponent = '0'] = Math.abs(value).toString().split('e');
  const [whole = '0', fraction = ''] = mantissa.split('.');
  const digits = BigInt(whole + fraction); // the value is digits × 10^-scale
  const shift = decimals - (fraction.length - Number(exponent));
  const divisor = 10n ** BigInt(Math.max(0, -shift));
  const scaled = shift >= 0 ? digits * 10n ** BigInt(shift) : (2n * digits + divisor) / (2n * divisor);
  const text = scaled.toString().padStart(decimals + 1, '0');
  const number = decimals === 0 ? text : `${text.slice(0, -decimals)},${text.slice(-decimals)}`;
  return value < 0 && scaled !== 0n ? `-${number}` : number;
}

/**
 * A published table's StatBank load files, as its file description lays them out: one row per
 * combination of the classification variables' codes, each statistics variable's value in its column
 * (empty where withheld or missing) and, in the suppression-code columns, the code of the table's code
 * list whose symbol the cell has (":" confidential, ".." missing, "." not applicable). A code not in a
 * variable's code list, a measure or symbol the description does not have, are errors naming them.
 */
export function statbankLoadFiles(dataset: PublishedDataset, description: StatbankDescription): LoadFile[] {
  const { filbeskrivelse } = description;
  const where = (...path: string[]) => [`file description of ${description.table}`, ...path];
  const metric = dataset.dimensions.findIndex((d) => d.role === 'metric');
  if (metric < 0) throw new DomainError(`table ${dataset.id} has no measures`, where());
  const measures = dataset.dimensions[metric]!.categories.map((c) => c.code);
  const sizes = dataset.dimensions.map((d) => d.categories.length);
  const codeLists = new Map(
    filbeskrivelse.kodelister.map((k) => [k.kodeliste, new Set(k.koder.map((c) => c.kode))]),
  );
  const suppressionCode = (symbol: string, column: number) => {
    const code = filbeskrivelse.null_prikk_missing_kodeliste?.find((k) => k.Vises_som === symbol)?.Kode;
    if (code === undefined)
      throw new DomainError(`no suppression code shown as "${symbol}"`, where(`column ${column}`));
    return code;
  };

  return filbeskrivelse.deltabller.map((deltabell) => {
    const columns = columnsOf(deltabell);
    const variables = deltabell.variabler.map((v) => {
      const d = dataset.dimensions.findIndex((x) => x.id === v.Klassifikasjonsvariabel);
      if (d < 0 || d === metric)
        throw new DomainError(
          `variable ${v.Klassifikasjonsvariabel} is not a classification of table ${dataset.id}`,
          where(deltabell.deltabell, `column ${v.kolonnenummer}`),
        );
      return { d, codes: v.Kodeliste_id === '-' ? undefined : codeLists.get(v.Kodeliste_id), v };
    });
    for (const [d, dimension] of dataset.dimensions.entries())
      if (d !== metric && !variables.some((v) => v.d === d))
        throw new DomainError(`leaves out variable ${dimension.id}`, where(deltabell.deltabell));
    const measureOf = (column: string) => {
      const code = description.contents[column];
      const at = code === undefined ? -1 : measures.indexOf(code);
      if (at < 0)
        throw new DomainError(
          `statistics variable in column ${column} is not a measure of table ${dataset.id} (${code ?? 'none given'})`,
          where(deltabell.deltabell),
        );
      return at;
    };
    const statistics = new Map(
      deltabell.statistikkvariabler.map((s) => [s.kolonnenummer, measureOf(s.kolonnenummer)]),
    );

    const rows: string[][] = [];
    const others = variables.map((v) => sizes[v.d]!);
    for (const picked of combinations(others)) {
      const indices = sizes.map(() => 0);
      variables.forEach((v, i) => (indices[v.d] = picked[i]!));
      const cell = (m: number) => flatIndex(sizes, indices.with(metric, m));
      rows.push(
        columns.map((column) => {
          if (column.kind === 'variable') {
            const variable = variables.find((v) => v.v === column.v)!;
            const code = dataset.dimensions[variable.d]!.categories[indices[variable.d]!]!.code;
            if (variable.codes && !variable.codes.has(code))
              throw new DomainError(
                `code ${code} is not in code list ${column.v.Kodeliste_id}`,
                where(deltabell.deltabell, `column ${column.number}`),
              );
            return code;
          }
          if (column.kind === 'statistic') {
            const at = cell(statistics.get(column.s.kolonnenummer)!);
            const value = dataset.values[at];
            return dataset.status[at] || value === null || value === undefined
              ? ''
              : statbankNumber(value, Number(column.s.Antall_lagrede_desimaler));
          }
          const measure = statistics.get(column.p.gjelder_for__kolonner_nummer);
          if (measure === undefined)
            throw new DomainError(
              `suppression codes for column ${column.p.gjelder_for__kolonner_nummer}, which is no statistics variable`,
              where(deltabell.deltabell, `column ${column.number}`),
            );
          const symbol = dataset.status[cell(measure)];
          return symbol ? suppressionCode(symbol, column.number) : '';
        }),
      );
    }
    return { filename: deltabell.deltabell, rows };
  });
}

/**
 * A load file's text as the client sends it: fields separated by semicolons, no header, lines ended by
 * CRLF (pandas' `to_csv(sep=";", header=False)` with "\n" made "\r\n"); a field is quoted only where it
 * holds a semicolon, a quote or a line break.
 */
export function loadFileText(file: LoadFile): string {
  return writeCsv(file.rows, { separator: ';', lineEnd: '\r\n' });
}
