import { columnsOf, timeFormatOf, type StatbankDescription } from './statbank-description.ts';
import type { LoadFile } from './statbank-load.ts';

/** Strings the client takes for empty cells turned into text (uttrekk_validations.py, `NANS`). */
// The client lower-cases a value before comparing, so its "<NA>" and "NA" never match: these four do.
const LITERAL_NANS = ['nan', 'na', 'none', '.'];

/**
 * What StatBank's client (statisticsnorway/dapla-statbank-client, `StatbankUttrekksBeskrivelse.validate`)
 * would refuse in a transfer of these load files, check by check as its `uttrekk_validations.py` has them:
 * one file per part of the table; the number of columns; codes outside a variable's code list; text that
 * stands for an empty cell ("nan", "." …); statistics that are not numbers; numbers not rounded to the
 * stored decimals; time codes off their format, or not the same in every part; suppression codes not in
 * the table's list; the same combination of codes twice. As there, a withheld cell's value is not
 * checked. Empty: the client accepts the transfer.
 */
export function statbankFaults(description: StatbankDescription, files: readonly LoadFile[]): string[] {
  const { filbeskrivelse } = description;
  const faults: string[] = [];
  const names = filbeskrivelse.deltabller.map((d) => d.deltabell);
  if (files.length !== names.length || files.some((f) => !names.includes(f.filename)))
    return [
      `the table has the parts ${names.join(', ')}; the files are ${files.map((f) => f.filename).join(', ')}`,
    ];
  const codeLists = new Map(
    filbeskrivelse.kodelister.map((k) => [k.kodeliste, new Set(k.koder.map((c) => c.kode))]),
  );
  const suppressionCodes = new Set([
    '',
    ...(filbeskrivelse.null_prikk_missing_kodeliste ?? []).map((k) => k.Kode),
  ]);
  const timesByPart: { part: string; times: Set<string> }[] = [];

  for (const deltabell of filbeskrivelse.deltabller) {
    const part = deltabell.deltabell;
    const rows = files.find((f) => f.filename === part)!.rows;
    const columns = columnsOf(deltabell);
    const fault = (column: number, text: string) => faults.push(`${part}, column ${column}: ${text}`);
    const wrongWidth = rows.findIndex((r) => r.length !== columns.length);
    if (wrongWidth >= 0) {
      faults.push(
        `${part}, line ${wrongWidth + 1}: ${rows[wrongWidth]!.length} columns, the description has ${columns.length}`,
      );
      continue;
    }
    const at = (n: number) => n - 1;
    // A withheld cell: its statistic has a suppression code; its value is not checked.
    const withheld = (row: readonly string[], statistic: number) =>
      (deltabell.null_prikk_missing ?? []).some(
        (p) =>
          Number(p.gjelder_for__kolonner_nummer) === statistic &&
          row[at(Number(p.kolonnenummer))] !== '' &&
          suppressionCodes.has(row[at(Number(p.kolonnenummer))]!),
      );

    for (const v of deltabell.variabler) {
      const n = Number(v.kolonnenummer);
      const values = rows.map((r) => r[at(n)]!);
      const codes = v.Kodeliste_id === '-' ? undefined : codeLists.get(v.Kodeliste_id);
      if (v.Kodeliste_id !== '-' && !codes) fault(n, `code list ${v.Kodeliste_id} is not in the description`);
      const outside = codes ? [...new Set(values)].filter((c) => !codes.has(c)) : [];
      if (outside.length > 0) fault(n, `codes not in code list ${v.Kodeliste_id}: ${outside.join(', ')}`);
      const format = timeFormatOf(v.Kodeliste_text);
      if (format !== undefined) {
        const bad = values.find((t) => !fitsTimeFormat(t, format));
        if (bad !== undefined) fault(n, `time "${bad}" does not match the format ${format}`);
        timesByPart.push({ part, times: new Set(values) });
      }
    }
    for (const s of deltabell.statistikkvariabler) {
      const n = Number(s.kolonnenummer);
      const decimals = Number(s.Antall_lagrede_desimaler);
      const shown = rows.filter((r) => !withheld(r, n)).map((r) => r[at(n)]!);
      // As the client, a decimal point is taken for the comma.
      const notNumber = shown.find((v) => v !== '' && !/^-?\d+([,.]\d+)?$/.test(v));
      if (notNumber !== undefined) fault(n, `"${notNumber}" is not a number`);
      const unrounded = shown.find(
        (v) =>
          v !== '' && (decimals > 0 ? (v.split(/[,.]/)[1] ?? '').length !== decimals : !/^-?\d+$/.test(v)),
      );
      if (notNumber === undefined && unrounded !== undefined)
        fault(n, `"${unrounded}" is not rounded to ${decimals} decimals`);
    }
    for (const p of deltabell.null_prikk_missing ?? []) {
      const n = Number(p.kolonnenummer);
      const bad = rows.map((r) => r[at(n)]!).find((c) => !suppressionCodes.has(c));
      if (bad !== undefined) fault(n, `"${bad}" is not a suppression code of the table`);
    }
    // A suppression column's stray values are the suppression check's: the client empties them first.
    for (const column of columns.filter((c) => c.kind !== 'suppression')) {
      const literal = rows
        .filter((r) => column.kind !== 'statistic' || !withheld(r, column.number))
        .map((r) => r[at(column.number)]!)
        .find((v) => LITERAL_NANS.includes(v.toLowerCase()));
      if (literal !== undefined) fault(column.number, `"${literal}" stands for an empty cell`);
    }
    const keys = rows.map((r) => deltabell.variabler.map((v) => r[at(Number(v.kolonnenummer))]).join(';'));
    const twice = keys.find((k, i) => keys.indexOf(k) !== i);
    if (twice !== undefined) faults.push(`${part}: the codes ${twice} come twice`);
  }
  const [first, ...rest] = timesByPart;
  for (const other of rest)
    if (first && [...first.times].sort().join() !== [...other.times].sort().join())
      faults.push(`${other.part}: the times differ from those of ${first.part}`);
  return faults;
}

/**
 * A time code against its format as the client reads it: the same length; a lower-case letter (å, k, m…)
 * a digit; an upper-case letter or any other sign itself (2021K3 for ååååKk, 2021M01 for ååååMmm).
 */
function fitsTimeFormat(time: string, format: string): boolean {
  if (time.length !== format.length) return false;
  for (let i = 0; i < format.length; i++) {
    const c = format[i]!;
    if (c !== c.toUpperCase() ? !/\d/.test(time[i]!) : time[i] !== c) return false;
  }
  return true;
}
