import { readCsv } from '../domain/csv.ts';
import { DomainError } from '../domain/errors.ts';
import type { ListedUnit, UnitSubmission } from '../domain/collection/response-rates.ts';

/** The columns a file must name in its first line, by their index; the rest is ignored. */
function columns(header: readonly string[] | undefined, wanted: readonly string[], file: string) {
  const names = header?.map((f) => f.trim().toLowerCase()) ?? [];
  const missing = wanted.filter((w) => !names.includes(w));
  if (missing.length > 0)
    throw new DomainError(
      `the first line must name the columns ${wanted.join(', ')}; missing ${missing.join(', ')}`,
      [file, 'line 1'],
    );
  return Object.fromEntries(wanted.map((w) => [w, names.indexOf(w)])) as Record<string, number>;
}

/** `form,unit,expected` (expected `true` or `false`): the units each form is asked of. */
export function readListedUnits(text: string, file: string): ListedUnit[] {
  const [header, ...lines] = readCsv(text, file);
  const at = columns(header?.fields, ['form', 'unit', 'expected'], file);
  return lines.map((line) => {
    const where = [file, `line ${line.number}`];
    const [form, unit, expected] = [at.form!, at.unit!, at.expected!].map((i) => line.fields[i] ?? '');
    if (!form) throw new DomainError('no form', where);
    if (!unit) throw new DomainError('no unit', where);
    if (expected !== 'true' && expected !== 'false')
      throw new DomainError(`expected is true or false, not "${expected}"`, where);
    return { form, unit, expected: expected === 'true' };
  });
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** `form,unit,submitted_at` (ISO 8601 with an offset): every submission, first and later ones. */
export function readSubmissions(text: string, file: string): UnitSubmission[] {
  const [header, ...lines] = readCsv(text, file);
  const at = columns(header?.fields, ['form', 'unit', 'submitted_at'], file);
  return lines.map((line) => {
    const where = [file, `line ${line.number}`];
    const [form, unit, submitted] = [at.form!, at.unit!, at.submitted_at!].map((i) => line.fields[i] ?? '');
    if (!form) throw new DomainError('no form', where);
    if (!unit) throw new DomainError('no unit', where);
    const instant = new Date(submitted!);
    if (!INSTANT.test(submitted!) || Number.isNaN(instant.getTime()))
      throw new DomainError(
        `submitted_at "${submitted}" is no ISO 8601 time with an offset (2021-01-15T10:00:00+01:00)`,
        where,
      );
    return { form: form, unit: unit, submittedAt: instant, where };
  });
}
