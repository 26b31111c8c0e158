import { osloDay } from '../oslo-time.ts';
import { percent } from '../rounding.ts';

export interface DayCount {
  /** The day in Oslo, YYYY-MM-DD. */
  readonly date: string;
  /** Municipalities that had submitted by the end of the day. */
  readonly responded: number;
  readonly percent: number | null;
  readonly deadline: boolean;
  readonly extendedDeadline: boolean;
}

/**
 * Cumulative responses by day, as the working group's report tabulates response rates by date: each day
 * from the first to the last given, with the deadline and the extended deadline marked.
 */
export function responsesByDay(
  firstSubmission: ReadonlyMap<string, Date>,
  invited: number,
  from: Date,
  to: Date,
  deadline: Date | null,
  extendedDeadline: Date | null,
): DayCount[] {
  const days: DayCount[] = [];
  const submitted = [...firstSubmission.values()].map(osloDay).sort();
  const marks = {
    deadline: deadline && osloDay(deadline),
    extended: extendedDeadline && osloDay(extendedDeadline),
  };
  for (let t = from.getTime(); osloDay(new Date(t)) <= osloDay(to); t += 24 * 60 * 60 * 1000) {
    const date = osloDay(new Date(t));
    if (days.at(-1)?.date === date) continue;
    const responded = submitted.filter((d) => d <= date).length;
    days.push({
      date,
      responded,
      percent: percent(responded, invited),
      deadline: date === marks.deadline,
      extendedDeadline: date === marks.extended,
    });
  }
  return days;
}
