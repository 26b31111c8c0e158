import type { Db } from './database.ts';

/** A round's own text for invitations or reminders in one language, if it has one. */
export function findMailTemplate(
  db: Db,
  roundId: string,
  kind: 'invitation' | 'reminder',
  language: 'nb' | 'nn',
): Promise<{ subject: string; body: string } | undefined> {
  return db
    .selectFrom('mail_template')
    .select(['subject', 'body'])
    .where('round_id', '=', roundId)
    .where('kind', '=', kind)
    .where('language', '=', language)
    .executeTakeFirst();
}
