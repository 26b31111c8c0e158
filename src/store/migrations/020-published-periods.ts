import { sql, type Kysely } from 'kysely';

/**
 * Published tables as series: each period of a table is published by itself, preliminary or final, and
 * re-publishing one replaces that period and stage only, keeping what it replaced as a revision.
 * `published_table` stays the series as served (all periods merged), rebuilt at each publication.
 * Tables published before are each one final period.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`create table published_period (
      table_id text not null,
      period text not null,
      stage text not null check (stage in ('preliminary', 'final')),
      round_id text not null,
      dataset jsonb not null,
      audit jsonb not null,
      revision integer not null default 1,
      revision_note text,
      published_at timestamptz not null,
      published_by text not null,
      primary key (table_id, period, stage)
    )`,
    sql`create table published_revision (
      table_id text not null,
      period text not null,
      stage text not null,
      revision integer not null,
      round_id text not null,
      dataset jsonb not null,
      audit jsonb not null,
      published_at timestamptz not null,
      published_by text not null,
      replaced_at timestamptz not null,
      replaced_by text not null,
      note text,
      primary key (table_id, period, stage, revision)
    )`,
    sql`insert into published_period (table_id, period, stage, round_id, dataset, audit, revision, published_at, published_by)
      select t.id,
        (select c ->> 'code' from jsonb_array_elements(t.dataset -> 'dimensions') d,
          jsonb_array_elements(d -> 'categories') c where d ->> 'id' = 'Tid' limit 1),
        'final', t.round_id, t.dataset, t.audit, 1, t.published_at, t.published_by
      from published_table t`,
  ];
  for (const statement of statements) await statement.execute(db);
}
