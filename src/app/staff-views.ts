import { sql } from 'kysely';
import { NotFoundError } from '../domain/errors.ts';
import type { Db } from '../store/database.ts';
import { findRound } from '../store/rounds.ts';

/** What the staff pages read: rounds with live counts, the audit log, a municipality's records, the outbox. */

/** Every round with its deadlines and how many are invited and have submitted. */
export function listRounds(db: Db) {
  return db
    .selectFrom('survey_round')
    .select((eb) => [
      'id',
      'reference_year',
      'definition_id',
      'form_id',
      'deadline',
      'extended_deadline',
      eb
        .selectFrom('invitation')
        .whereRef('invitation.round_id', '=', 'survey_round.id')
        .select(eb.fn.countAll<string>().as('n'))
        .as('invited'),
      eb
        .selectFrom('response')
        .whereRef('response.round_id', '=', 'survey_round.id')
        .where('status', '=', 'submitted')
        .select(sql<string>`count(distinct response.municipality)`.as('n'))
        .as('responded'),
    ])
    .orderBy('id')
    .execute();
}

/** The latest 200 entries of the audit log, newest first. */
export function recentAuditEntries(db: Db) {
  return db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(200).execute();
}

/** A municipality's contacts and its latest version in a round. */
export async function municipalityRecords(db: Db, roundId: string, municipality: string) {
  const contacts = await db
    .selectFrom('contact_log')
    .selectAll()
    .where('round_id', '=', roundId)
    .where('municipality', '=', municipality)
    .orderBy('id')
    .execute();
  const versions = await db
    .selectFrom('response')
    .select(['version', 'tables', 'comments', 'answers'])
    .where('round_id', '=', roundId)
    .where('municipality', '=', municipality)
    .orderBy('version', 'desc')
    .limit(1)
    .execute();
  return { contacts, versions };
}

/** What went out of a round by e-mail, in order. */
export async function roundOutbox(db: Db, roundId: string) {
  if (!(await findRound(db, roundId))) throw new NotFoundError(`no survey round ${roundId}`);
  return db.selectFrom('outbox').selectAll().where('round_id', '=', roundId).orderBy('id').execute();
}
