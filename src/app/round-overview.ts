import { nextReminder, type ReminderSchedule } from '../domain/collection/reminders.ts';
import { percent } from '../domain/rounding.ts';
import { noSurveyRound, NotFoundError } from '../domain/errors.ts';
import type { Db } from '../store/database.ts';
import { roundControls } from './control-round.ts';
import { roundThresholds } from './control-thresholds.ts';
import { roundStatus, type MunicipalityStatus } from './round-status.ts';

/**
 * A survey round at a glance, what a statistician looks at first: the response rate now, the
 * municipalities by status, the largest control flags still pending, mail that failed or bounced, and what
 * is due next (the next scheduled reminder, the deadline and the last extension).
 */
export async function roundOverview(db: Db, roundId: string, now: Date) {
  const round = await db
    .selectFrom('survey_round')
    .select(['deadline', 'extended_deadline', 'reminder_schedule', 'closed_at'])
    .where('id', '=', roundId)
    .executeTakeFirst();
  if (!round) throw new NotFoundError(noSurveyRound(roundId));
  const status = await roundStatus(db, roundId);
  const byStatus: Record<MunicipalityStatus, number> = {
    not_started: 0,
    draft: 0,
    submitted: 0,
    resubmitted: 0,
  };
  for (const s of status) byStatus[s.status] += 1;
  const responded = byStatus.submitted + byStatus.resubmitted;
  const flags = (await roundControls(db, roundId, await roundThresholds(db, roundId))).filter(
    (f) => f.outcome === 'pending',
  );
  const names = new Map(status.map((s) => [s.municipality, s.name]));
  const mail = await db
    .selectFrom('outbox')
    .select(['municipality', 'kind', 'status', 'error', 'created_at'])
    .where('round_id', '=', roundId)
    .where('status', 'in', ['failed', 'bounced'])
    .orderBy('created_at', 'desc')
    .execute();
  const sent = new Set(
    (await db.selectFrom('reminder_run').select('key').where('round_id', '=', roundId).execute()).map(
      (r) => r.key,
    ),
  );
  const schedule = round.reminder_schedule as ReminderSchedule | null;
  const reminder = schedule && round.deadline ? nextReminder(schedule, round.deadline, sent, now) : undefined;
  const extensions = status.flatMap((s) => (s.extendedDeadline ? [s.extendedDeadline.getTime()] : []));
  return {
    invited: status.length,
    responded,
    responseRate: percent(responded, status.length, 1),
    byStatus,
    pendingFlags: flags.length,
    topFlags: flags.slice(0, 5).map((f) => ({ ...f, name: names.get(f.municipality) ?? f.municipality })),
    mailProblems: mail.map((m) => ({ ...m, name: names.get(m.municipality) ?? m.municipality })),
    deadline: round.deadline,
    extendedDeadline: round.extended_deadline,
    lastOwnExtension: extensions.length ? new Date(Math.max(...extensions)) : null,
    nextReminder: reminder ?? null,
    closedAt: round.closed_at,
  };
}
