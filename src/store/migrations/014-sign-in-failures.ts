import { sql, type Kysely } from 'kysely';

/**
 * Failed sign-ins in a row, per account and per address, with the time sign-in stays shut: in the database,
 * so that every server instance throttles the same way and a restart forgets nothing.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table sign_in_failure (
    kind text not null check (kind in ('account', 'address')),
    key text not null,
    failures integer not null,
    last_failure_at timestamptz not null,
    locked_until timestamptz,
    primary key (kind, key)
  )`.execute(db);
}
