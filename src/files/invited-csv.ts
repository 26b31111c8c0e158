import { readCsv } from '../domain/csv.ts';
import { DomainError } from '../domain/errors.ts';
import type { Invitation } from '../domain/survey/round.ts';

/** The columns every `invited.csv` has, in order; `population_approx` and the prefilled totals follow. */
export const INVITED_COLUMNS = [
  'code',
  'name',
  'size_group',
  'asss',
  'criteria',
  'attended_meeting',
  'meeting_participants',
] as const;
const PREFILLED_COLUMN = /^kostra_(\d{4})_([a-z]+\d+)$/;

export interface InvitedContext {
  readonly file: string;
  readonly referenceYear: number;
  readonly sizeGroups: readonly string[];
  readonly criteria: readonly string[];
  readonly measures: readonly string[];
  /** The municipality codes valid in the reference year, where the product knows them. */
  readonly municipalities?: ReadonlyMap<string, string> | undefined;
}

/**
 * Reads `invited.csv`: one row per invited municipality, with the prefilled KOSTRA totals in columns
 * `kostra_<year>_<measure>` (1000 NOK) for the round's reference year. Every fault names file, line and
 * column.
 */
export function parseInvitedCsv(text: string, context: InvitedContext): Invitation[] {
  const [first, ...rows] = readCsv(text, context.file, { sameColumns: true });
  const header = first?.fields ?? [];
  const records = rows.map((l) => ({
    record: Object.fromEntries(header.map((h, i) => [h, l.fields[i] ?? ''])),
    info: { lines: l.number },
  }));
  for (const column of INVITED_COLUMNS) {
    if (!header.includes(column)) throw new DomainError(`missing column ${column}`, [context.file, 'line 1']);
  }
  const prefilledColumns = header.flatMap((column) => {
    const match = PREFILLED_COLUMN.exec(column);
    if (!match) return [];
    const [, year, measure] = match;
    const code = measure!.toUpperCase();
    if (Number(year) !== context.referenceYear)
      throw new DomainError(
        `prefilled totals are for ${year}, the round's reference year is ${context.referenceYear}`,
        [context.file, 'line 1', column],
      );
    if (!context.measures.includes(code))
      throw new DomainError(`unknown measure ${code}`, [context.file, 'line 1', column]);
    return [{ column, measure: code }];
  });

  const seen = new Map<string, number>();
  return records.map(({ record, info }) => {
    const line = `line ${info.lines}`;
    const fail = (column: string, message: string): never => {
      throw new DomainError(message, [context.file, line, column]);
    };
    const field = (column: string) => record[column] ?? '';
    const code = field('code');
    if (!/^\d{4}$/.test(code)) fail('code', `"${code}" is not a 4-digit municipality code`);
    if (context.municipalities && !context.municipalities.has(code))
      fail('code', `${code} is no municipality in ${context.referenceYear}`);
    const earlier = seen.get(code);
    if (earlier !== undefined) fail('code', `municipality ${code} is already on line ${earlier}`);
    seen.set(code, info.lines);
    if (field('name') === '') fail('name', 'name is empty');
    const sizeGroup = field('size_group');
    if (!context.sizeGroups.includes(sizeGroup))
      fail('size_group', `"${sizeGroup}" is not one of ${context.sizeGroups.join(', ')}`);
    const criteria =
      field('criteria') === ''
        ? []
        : field('criteria')
            .split(';')
            .map((c) => c.trim());
    for (const criterion of criteria) {
      if (!context.criteria.includes(criterion))
        fail('criteria', `"${criterion}" is not one of ${context.criteria.join(', ')}`);
    }
    const boolean = (column: string): boolean => {
      const value = field(column);
      if (value !== 'true' && value !== 'false') fail(column, `"${value}" is not true or false`);
      return value === 'true';
    };
    const whole = (column: string, optional: boolean): number | null => {
      const value = field(column);
      if (value === '' && optional) return null;
      if (!/^\d+$/.test(value)) fail(column, `"${value}" is not a whole number of 0 or more`);
      return Number(value);
    };
    const attendedMeeting = boolean('attended_meeting');
    const meetingParticipants = whole('meeting_participants', false)!;
    if (!attendedMeeting && meetingParticipants > 0)
      fail('meeting_participants', `${meetingParticipants} participants, but attended_meeting is false`);
    return {
      municipality: code,
      name: field('name'),
      sizeGroup,
      asss: boolean('asss'),
      criteria,
      attendedMeeting,
      meetingParticipants,
      populationApprox: header.includes('population_approx') ? whole('population_approx', true) : null,
      prefilled: Object.fromEntries(prefilledColumns.map((p) => [p.measure, whole(p.column, true)])),
    };
  });
}
