import { dueReminders, type ReminderSchedule } from '../domain/collection/reminders.ts';
import type { Db } from '../store/database.ts';
import { sendMail, type MailSettings } from './send-mail.ts';

const SCHEDULER = { id: 0, username: 'scheduler', displayName: 'Påminnelser', role: 'statistician' as const };

/**
 * Sends the reminders that are due in every open round with a schedule and a deadline, each once: the run
 * is recorded first, so two servers (or a crash and a restart) never send the same reminder twice.
 */
export async function sendDueReminders(db: Db, mail: MailSettings, now: Date): Promise<string[]> {
  const rounds = await db
    .selectFrom('survey_round')
    .select(['id', 'deadline', 'reminder_schedule'])
    .where('reminder_schedule', 'is not', null)
    .where('deadline', 'is not', null)
    .where((eb) => eb.or([eb('closed_at', 'is', null), eb('closed_at', '>', now)]))
    .execute();
  const done: string[] = [];
  for (const round of rounds) {
    const sent = new Set(
      (await db.selectFrom('reminder_run').select('key').where('round_id', '=', round.id).execute()).map(
        (r) => r.key,
      ),
    );
    for (const key of dueReminders(round.reminder_schedule as ReminderSchedule, round.deadline!, sent, now)) {
      const claimed = await db
        .insertInto('reminder_run')
        .values({ round_id: round.id, key, sent: 0, failed: 0 })
        .onConflict((oc) => oc.columns(['round_id', 'key']).doNothing())
        .returning('key')
        .executeTakeFirst();
      if (!claimed) continue;
      const result = await sendMail(db, SCHEDULER, round.id, 'reminder', 'nb', mail, { now }).catch(() => ({
        sent: 0,
        failed: 0,
      }));
      await db
        .updateTable('reminder_run')
        .set({ sent: result.sent, failed: result.failed })
        .where('round_id', '=', round.id)
        .where('key', '=', key)
        .execute();
      done.push(`${round.id}/${key}`);
    }
  }
  return done;
}
