import { sql } from 'kysely';
import { noSurveyRound, NotFoundError, notInvited } from '../domain/errors.ts';
import type { Db } from '../store/database.ts';
import { findRound, loadRoundHeader } from '../store/rounds.ts';
import { regionsInYear } from './municipal-structures.ts';

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

/**
 * A municipality's records in a round: who it is (name, county, contact address, extension), its contacts
 * with the statisticians, its latest version, its latest submission (who, when, minutes spent) and every
 * mail sent to it.
 */
export async function municipalityRecords(db: Db, roundId: string, municipality: string) {
  const [unit, contacts, versions, submission, mail] = await Promise.all([
    db
      .selectFrom('invitation')
      .innerJoin('survey_round', 'survey_round.id', 'invitation.round_id')
      .select([
        'invitation.name',
        'invitation.size_group',
        'invitation.contact_email',
        'invitation.language',
        'invitation.extended_deadline',
        'survey_round.reference_year',
      ])
      .where('invitation.round_id', '=', roundId)
      .where('invitation.municipality', '=', municipality)
      .executeTakeFirst(),
    db
      .selectFrom('contact_log')
      .selectAll()
      .where('round_id', '=', roundId)
      .where('municipality', '=', municipality)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('response')
      .select(['version', 'tables', 'comments', 'answers'])
      .where('round_id', '=', roundId)
      .where('municipality', '=', municipality)
      .orderBy('version', 'desc')
      .limit(1)
      .execute(),
    db
      .selectFrom('response')
      .select(['version', 'submitted_at', 'submitted_by', 'minutes_spent'])
      .where('round_id', '=', roundId)
      .where('municipality', '=', municipality)
      .where('status', '=', 'submitted')
      // The respondent's: a statistician's correction is a submitted version with no submitter.
      .where('submitted_by', 'is not', null)
      .orderBy('version', 'desc')
      .executeTakeFirst(),
    db
      .selectFrom('outbox')
      .select(['kind', 'to_address', 'subject', 'status', 'error', 'created_at', 'sent_by'])
      .where('round_id', '=', roundId)
      .where('municipality', '=', municipality)
      .orderBy('id', 'desc')
      .execute(),
  ]);
  if (!unit) throw new NotFoundError(notInvited(municipality, roundId));
  const county = (await regionsInYear(unit.reference_year)).countyOf.get(municipality.slice(0, 4));
  // A survey round's questionnaire and prefilled totals: what a correction is entered and checked against.
  const header = await loadRoundHeader(db, roundId, municipality);
  return {
    unit: { ...unit, county: county ?? null },
    contacts,
    versions,
    submission: submission ?? null,
    mail,
    survey: header.kind === 'survey' ? { definition: header.definition, prefilled: header.prefilled } : null,
  };
}

/** What went out of a round by e-mail, in order. */
export async function roundOutbox(db: Db, roundId: string) {
  if (!(await findRound(db, roundId))) throw new NotFoundError(noSurveyRound(roundId));
  return db.selectFrom('outbox').selectAll().where('round_id', '=', roundId).orderBy('id').execute();
}
