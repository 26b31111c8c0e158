import { sql, type Kysely } from 'kysely';

/** A round's reminder schedule, and which scheduled reminders have gone out. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table survey_round add column reminder_schedule jsonb`.execute(db);
  await sql`create table reminder_run (
    round_id text not null references survey_round (id) on delete cascade,
    key text not null,
    at timestamptz not null default now(),
    sent integer not null,
    failed integer not null,
    primary key (round_id, key)
  )`.execute(db);
}
