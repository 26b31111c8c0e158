import { sql, type Kysely } from 'kysely';

/** Key figures of ingested accounting files: per year, municipality, function and measure (1000 NOK). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table account_figure (
    year integer not null,
    municipality text not null,
    function text not null,
    measure text not null,
    value numeric not null,
    file text not null,
    ingested_at timestamptz not null default now(),
    ingested_by text not null,
    primary key (year, municipality, function, measure)
  )`.execute(db);
}
