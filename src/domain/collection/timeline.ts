import { DomainError } from '../errors.ts';
import { osloOffsetMinutes } from '../oslo-time.ts';

/** The dates of a round as chapter 3 of the note tells them; each an ISO date or date-time. */
export interface Timeline {
  readonly draft_sent?: string;
  readonly information_meeting?: string;
  readonly sent_out?: string;
  readonly deadline?: string;
  readonly extended_deadline?: string;
}

export const TIMELINE_STEPS = [
  'draft_sent',
  'information_meeting',
  'sent_out',
  'deadline',
  'extended_deadline',
] as const satisfies readonly (keyof Timeline)[];

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The instant a deadline ends. A date alone means the whole of that day in Oslo, so "2024-05-20" ends at
 * midnight Oslo time before the 21st; a date-time is taken as it is.
 */
export function deadlineInstant(value: string, where: readonly string[] = []): Date {
  const day = DATE_ONLY.exec(value);
  if (day) {
    // Midnight in Oslo before the next day. Clocks change at 01:00 UTC, so the offset at UTC midnight of
    // the next day is the offset at Oslo's midnight too.
    const nextUtcMidnight = Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]) + 1);
    return new Date(nextUtcMidnight - osloOffsetMinutes(new Date(nextUtcMidnight)) * 60_000 - 1);
  }
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) throw new DomainError(`"${value}" is not a date`, where);
  return instant;
}

/**
 * Checks that the steps come in the note's order (draft, meeting, sending out, deadline, extended
 * deadline) where they are given; an extended deadline before the deadline is no extension.
 */
export function checkTimeline(timeline: Timeline): void {
  let previous: { step: string; at: number } | undefined;
  for (const step of TIMELINE_STEPS) {
    const value = timeline[step];
    if (value === undefined) continue;
    const at = deadlineInstant(value, ['timeline', step]).getTime();
    if (previous && at < previous.at)
      throw new DomainError(`${step} ${value} comes before ${previous.step}`, ['timeline', step]);
    previous = { step, at };
  }
}

/**
 * When a municipality's form closes: the latest of the round's deadline, the round-wide extended deadline
 * and its own extension; null when the round has no deadline at all.
 */
export function effectiveDeadline(
  deadline: Date | null,
  roundExtension: Date | null,
  ownExtension: Date | null,
): Date | null {
  const given = [deadline, roundExtension, ownExtension].filter((d): d is Date => d !== null);
  if (given.length === 0) return null;
  return new Date(Math.max(...given.map((d) => d.getTime())));
}
