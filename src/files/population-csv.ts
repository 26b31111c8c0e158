import { readCsv } from '../domain/csv.ts';
import { DomainError } from '../domain/errors.ts';

/**
 * Population by municipality from a CSV shaped like StatBank table 07459 as downloaded: a header line, a
 * region column ("3401 Kongsvinger", "K-3401" or "3401"), a year column ("år"/"tid"/"year") and the count
 * in the last column; comma- or semicolon-separated. Rows of other years are left out.
 */
export function readPopulationCsv(text: string, year: number, file: string): Map<string, number> {
  const rows = readCsv(text, file, { separator: 'detect' }).map((l) => l.fields);
  const [header, ...lines] = rows;
  if (!header) throw new DomainError('the file is empty', [file]);
  const lower = header.map((h) => h.toLowerCase());
  const region = lower.findIndex((h) => h.includes('region'));
  const when = lower.findIndex((h) => h === 'år' || h === 'tid' || h === 'year');
  if (region < 0) throw new DomainError('no column "region" in the header', [file, 'line 1']);
  if (when < 0) throw new DomainError('no column "år" (or "tid", "year") in the header', [file, 'line 1']);
  const population = new Map<string, number>();
  lines.forEach((fields, i) => {
    if (fields[when]?.trim() !== String(year)) return;
    const code = /(?:K-)?(\d{4})/.exec(fields[region] ?? '')?.[1];
    if (!code)
      throw new DomainError(`"${fields[region]}" names no municipality`, [file, `line ${i + 2}`, 'region']);
    const value = (fields.at(-1) ?? '').replace(/\s/g, '');
    if (!/^\d+$/.test(value))
      throw new DomainError(`"${fields.at(-1)}" is not a number of inhabitants`, [file, `line ${i + 2}`]);
    population.set(code, (population.get(code) ?? 0) + Number(value));
  });
  if (population.size === 0) throw new DomainError(`no population for ${year}`, [file]);
  return population;
}
