import { readCsv } from '../domain/csv.ts';
import { DomainError } from '../domain/errors.ts';
import type { FormUnit } from '../store/form-rounds.ts';

/**
 * The units of a form round, `code,name` (UTF-8, one unit a line): a 4-digit code is a municipality, a
 * 6-digit one an Oslo district. A line that cannot be read is named with its number; nothing is read half.
 */
export function parseFormUnitsCsv(text: string, file: string): FormUnit[] {
  const [header, ...lines] = readCsv(text, file, { separator: 'detect' });
  const columns = header?.fields.map((f) => f.trim().toLowerCase()) ?? [];
  const code = columns.indexOf('code');
  const name = columns.indexOf('name');
  if (code < 0 || name < 0)
    throw new DomainError('the first line must name the columns code and name', [file, 'line 1']);
  const seen = new Set<string>();
  return lines
    .filter((line) => line.fields.some((f) => f.trim() !== ''))
    .map((line) => {
      const where = [file, `line ${line.number}`];
      const unit = (line.fields[code] ?? '').trim();
      const unitName = (line.fields[name] ?? '').trim();
      if (!/^\d{4}(\d{2})?$/.test(unit))
        throw new DomainError(`"${unit}" is no 4-digit municipality or 6-digit district code`, where);
      if (unitName === '') throw new DomainError(`unit ${unit} has no name`, where);
      if (seen.has(unit)) throw new DomainError(`unit ${unit} is listed twice`, where);
      seen.add(unit);
      return {
        code: unit,
        name: unitName,
        kind: unit.length === 6 ? 'oslo_district' : 'municipality',
      } as const;
    });
}
