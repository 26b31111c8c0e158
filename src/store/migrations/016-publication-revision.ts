import { sql, type Kysely } from 'kysely';

/** A number that grows with every publication of a table: what a server's cache of it compares. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table published_table add column revision integer not null default 1`.execute(db);
}
