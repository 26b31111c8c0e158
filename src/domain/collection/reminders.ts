/** When reminders go out: whole days before and after the deadline (an extension moves no reminders). */
export interface ReminderSchedule {
  readonly daysBefore: readonly number[];
  readonly daysAfter: readonly number[];
}

const DAY = 24 * 60 * 60 * 1000;

/**
 * The scheduled reminders that are due at `now` and not yet sent, by key ("before-3", "after-1"), oldest
 * first. A reminder whose time passed while nobody looked is still due: it goes out late rather than never.
 */
export function dueReminders(
  schedule: ReminderSchedule,
  deadline: Date,
  sent: ReadonlySet<string>,
  now: Date,
): string[] {
  const all = [
    ...schedule.daysBefore.map((d) => ({ key: `before-${d}`, at: deadline.getTime() - d * DAY })),
    ...schedule.daysAfter.map((d) => ({ key: `after-${d}`, at: deadline.getTime() + d * DAY })),
  ];
  return all
    .filter((r) => r.at <= now.getTime() && !sent.has(r.key))
    .sort((a, b) => a.at - b.at)
    .map((r) => r.key);
}

/** The next scheduled reminder not yet sent after `now`, with when it goes; undefined when none is left. */
export function nextReminder(
  schedule: ReminderSchedule,
  deadline: Date,
  sent: ReadonlySet<string>,
  now: Date,
): { key: string; at: Date } | undefined {
  const next = [
    ...schedule.daysBefore.map((d) => ({ key: `before-${d}`, at: deadline.getTime() - d * DAY })),
    ...schedule.daysAfter.map((d) => ({ key: `after-${d}`, at: deadline.getTime() + d * DAY })),
  ]
    .filter((r) => r.at > now.getTime() && !sent.has(r.key))
    .sort((a, b) => a.at - b.at)[0];
  return next && { key: next.key, at: new Date(next.at) };
}
