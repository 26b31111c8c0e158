import { sql, type Kysely } from 'kysely';

/** Selections a reader saved to run again (PxWeb API v2's saved queries). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table saved_query (
    id text primary key,
    table_id text not null,
    query jsonb not null,
    created_at timestamptz not null default now()
  )`.execute(db);
}
