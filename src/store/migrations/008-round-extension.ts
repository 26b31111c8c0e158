import { sql, type Kysely } from 'kysely';

/** A deadline extended for the whole round, beside the per-municipality extensions; taken from the timeline. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table survey_round add column extended_deadline timestamptz`.execute(db);
  await sql`update survey_round set extended_deadline = (timeline->>'extended_deadline')::timestamptz
    where timeline ? 'extended_deadline'`.execute(db);
}
