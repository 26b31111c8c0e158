import { sql, type Kysely } from 'kysely';

/**
 * Collection: deadlines (with extensions per municipality), invitation tokens, respondent sessions, and
 * who submitted a version with how long it took.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`alter table survey_round add column deadline timestamptz, add column closed_at timestamptz`,
    sql`alter table invitation add column extended_deadline timestamptz`,
    // The token is kept as it is, so that the same link can be sent again (a reminder must not invalidate
    // the invitation); it opens one municipality's form of one open round and is revoked at once.
    // Sessions, made at every sign-in, are kept only as hashes.
    sql`create table respondent_token (
      token text primary key check (length(token) >= 32),
      round_id text not null,
      municipality text not null,
      created_at timestamptz not null default now(),
      revoked_at timestamptz,
      foreign key (round_id, municipality) references invitation on delete cascade
    )`,
    sql`create index respondent_token_invitation on respondent_token (round_id, municipality)`,
    sql`create table respondent_session (
      id_hash text primary key,
      token text not null references respondent_token on delete cascade,
      round_id text not null,
      municipality text not null,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      ended_at timestamptz
    )`,
    // Settings the server keeps for itself, such as the key that signs session cookies.
    sql`create table server_setting (key text primary key, value text not null)`,
    sql`alter table response
      add column submitted_by jsonb,
      add column minutes_spent integer check (minutes_spent between 0 and 100000),
      add column saved_by text not null default 'import'`,
  ];
  for (const statement of statements) await statement.execute(db);
}
