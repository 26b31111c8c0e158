import { sql, type Kysely } from 'kysely';

/** The accounts functions a round splits (254; from 2024 257 and 258); null: the survey's own. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table survey_round add column functions text[]`.execute(db);
}
