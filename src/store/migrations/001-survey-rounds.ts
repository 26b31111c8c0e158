import { sql, type Kysely } from 'kysely';

/** Survey definitions, rounds, invitations with prefilled totals, and versioned responses. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`create table survey_definition (
      id text primary key,
      version integer not null check (version > 0),
      definition jsonb not null,
      loaded_at timestamptz not null default now()
    )`,
    sql`create table survey_round (
      id text primary key,
      definition_id text not null references survey_definition (id),
      reference_year integer not null check (reference_year between 1990 and 2100),
      unit text not null,
      created_at timestamptz not null default now()
    )`,
    sql`create table invitation (
      round_id text not null references survey_round (id) on delete cascade,
      municipality text not null check (municipality ~ '^[0-9]{4}$'),
      name text not null,
      size_group text not null,
      asss boolean not null,
      criteria text[] not null,
      attended_meeting boolean not null,
      meeting_participants integer not null check (meeting_participants >= 0),
      population_approx integer check (population_approx >= 0),
      primary key (round_id, municipality)
    )`,
    sql`create table prefilled_total (
      round_id text not null,
      municipality text not null,
      measure text not null,
      amount integer,
      primary key (round_id, municipality, measure),
      foreign key (round_id, municipality) references invitation on delete cascade
    )`,
    // Every save is a new version; nothing is overwritten in place.
    sql`create table response (
      round_id text not null,
      municipality text not null,
      version integer not null check (version > 0),
      status text not null check (status in ('draft', 'submitted')),
      submitted_at timestamptz,
      comments text not null default '',
      tables jsonb not null,
      created_at timestamptz not null default now(),
      primary key (round_id, municipality, version),
      foreign key (round_id, municipality) references invitation on delete cascade,
      check ((status = 'submitted') = (submitted_at is not null))
    )`,
  ];
  for (const statement of statements) await statement.execute(db);
}
