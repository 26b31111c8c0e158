import { DomainError } from '../errors.ts';
import { osloDay } from '../oslo-time.ts';
import { percent } from '../rounding.ts';
import { deadlineInstant } from './timeline.ts';

/** A unit a form is asked of, or listed as not expected (closed, not ours). */
export interface ListedUnit {
  readonly form: string;
  readonly unit: string;
  readonly expected: boolean;
}

/** One submission of a unit's form: the first, or a later one. */
export interface UnitSubmission {
  readonly form: string;
  readonly unit: string;
  readonly submittedAt: Date;
  /** Where it was read (file and line), for an error that names it. */
  readonly where?: readonly string[];
}

export interface RateCheckpoint {
  /** YYYY-MM-DD, a day in Oslo. */
  readonly date: string;
  /** Expected units with a first submission by the end of that day in Oslo. */
  readonly count: number;
  /** Of the expected units, one decimal, half away from zero; null when none is expected. */
  readonly percent: number | null;
}

export interface FormRates {
  readonly form: string;
  readonly expected: number;
  readonly checkpoints: readonly RateCheckpoint[];
  /** The Oslo day of the latest submission after an expected unit's first; null if none came again. */
  readonly lastResubmission: string | null;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Response rates per form at checkpoints, as the working group's report tabulates them (seed 001, 6.3):
 * expected units, those with a first submission by each date, the share with one decimal, and the date of
 * the last resubmission. Forms in the order the units list them; without checkpoints, every day an expected
 * unit first submitted. A submission of a unit the list does not have for that form is refused, by its place.
 */
export function responseRates(
  units: readonly ListedUnit[],
  submissions: readonly UnitSubmission[],
  checkpoints?: readonly string[],
): FormRates[] {
  const days = checkpoints?.map((date, i) => {
    if (!DAY.test(date) || osloDay(deadlineInstant(date)) !== date)
      throw new DomainError(`"${date}" is not a date (YYYY-MM-DD)`, ['checkpoints', String(i)]);
    return date;
  });
  const listed = new Map<string, ListedUnit>();
  const forms: string[] = [];
  for (const u of units) {
    const key = `${u.form}\u0000${u.unit}`;
    if (listed.has(key)) throw new DomainError(`${u.unit} is listed twice for ${u.form}`, ['units', u.unit]);
    listed.set(key, u);
    if (!forms.includes(u.form)) forms.push(u.form);
  }
  // Each expected unit's submissions in time order.
  const byUnit = new Map<string, Date[]>();
  for (const s of submissions) {
    const key = `${s.form}\u0000${s.unit}`;
    const unit = listed.get(key);
    if (!unit)
      throw new DomainError(`${s.unit} is not listed for ${s.form}`, s.where ?? ['submissions', s.unit]);
    if (!unit.expected) continue;
    const times = byUnit.get(key) ?? [];
    times.push(s.submittedAt);
    byUnit.set(key, times);
  }
  return forms.map((form) => {
    const expected = units.filter((u) => u.form === form && u.expected);
    const firsts: Date[] = [];
    let last: Date | null = null;
    for (const u of expected) {
      const times = [...(byUnit.get(`${form}\u0000${u.unit}`) ?? [])].sort(
        (a, b) => a.getTime() - b.getTime(),
      );
      if (times.length === 0) continue;
      firsts.push(times[0]!);
      const latest = times.at(-1)!;
      if (times.length > 1 && (last === null || latest > last)) last = latest;
    }
    const dates = days ?? [...new Set(firsts.map(osloDay))].sort();
    return {
      form,
      expected: expected.length,
      checkpoints: dates.map((date) => {
        const end = deadlineInstant(date);
        const count = firsts.filter((t) => t <= end).length;
        return { date, count, percent: percent(count, expected.length, 1) };
      }),
      lastResubmission: last === null ? null : osloDay(last),
    };
  });
}

/** A form's rates as the contract prints them (`kostra rates`, the staff API): snake_case, in this order. */
export const ratesJson = (r: FormRates) => ({
  form: r.form,
  expected: r.expected,
  checkpoints: r.checkpoints.map((c) => ({ date: c.date, count: c.count, percent: c.percent })),
  last_resubmission: r.lastResubmission,
});
