import { sql, type Kysely } from 'kysely';

/** Tables published for the public: the dataset as served, where it came from, and its audit. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table published_table (
    id text primary key,
    round_id text not null,
    dataset jsonb not null,
    audit jsonb not null,
    published_at timestamptz not null default now(),
    published_by text not null
  )`.execute(db);
}
