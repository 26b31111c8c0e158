import { sql, type Kysely } from 'kysely';

/**
 * The statistician's workbench:
 * - a round's control thresholds: a response is flagged where it deviates from its reference by more than
 *   `relative` (a share) and more than `absolute` (1000 NOK); rounds without a row use the defaults;
 * - the written language (målform) state bodies are to use with each invited unit: `nb` or `nn`, from the
 *   municipality's language decision (språkvedtak); null where none is given (bokmål is used).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table control_threshold (
    round_id text primary key references survey_round (id) on delete cascade,
    relative double precision not null check (relative >= 0 and relative <= 10),
    absolute double precision not null check (absolute >= 0),
    set_by text not null,
    set_at timestamptz not null default now()
  )`.execute(db);
  await sql`alter table invitation add column language text check (language in ('nb', 'nn'))`.execute(db);
}
