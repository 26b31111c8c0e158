import { sql, type Kysely } from 'kysely';

/**
 * Respondents who answer for many units (a municipality for its institutions and establishments, from 2024
 * an enterprise for its own): a link per responsible and collection (or single round), kept as a hash, and
 * its sessions. A unit's own link (an invitation, a unit opened from the list, a delegation to a colleague)
 * stays a respondent_token, now saying who made it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`create table responsible_token (
      token_hash text primary key,
      collection_id text references collection on delete cascade,
      round_id text references survey_round on delete cascade,
      responsible text not null check (responsible ~ '^[0-9]{4}$' or responsible ~ '^[0-9]{6}$' or responsible ~ '^[0-9]{9}$'),
      name text not null,
      created_at timestamptz not null default now(),
      revoked_at timestamptz,
      check ((collection_id is null) <> (round_id is null))
    )`,
    sql`create index responsible_token_scope on responsible_token (collection_id, round_id, responsible)`,
    sql`create table responsible_session (
      id_hash text primary key,
      token_hash text not null references responsible_token on delete cascade,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      ended_at timestamptz
    )`,
    sql`alter table respondent_token add column issued_by text`,
  ];
  for (const statement of statements) await statement.execute(db);
}
