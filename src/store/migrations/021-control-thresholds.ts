import { sql, type Kysely } from 'kysely';

/**
 * A round's control thresholds: a response is flagged where it deviates from its reference by more than
 * `relative` (a share) and more than `absolute` (1000 NOK). Rounds without a row use the defaults.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table control_threshold (
    round_id text primary key references survey_round (id) on delete cascade,
    relative double precision not null check (relative >= 0 and relative <= 10),
    absolute double precision not null check (absolute >= 0),
    set_by text not null,
    set_at timestamptz not null default now()
  )`.execute(db);
}
