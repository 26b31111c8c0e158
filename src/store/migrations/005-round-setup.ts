import { sql, type Kysely } from 'kysely';

/** A round's timeline and how its sample was drawn, so that the draw can be repeated and audited. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table survey_round add column timeline jsonb, add column sample_design jsonb`.execute(db);
}
