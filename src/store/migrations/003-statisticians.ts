import { sql, type Kysely } from 'kysely';

/** Statisticians with roles, their sessions, and the log of every action with who and when. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`create table statistician (
      id serial primary key,
      username text not null unique check (username ~ '^[a-z0-9._-]{2,64}$'),
      display_name text not null,
      password_hash text not null,
      role text not null check (role in ('statistician', 'admin')),
      created_at timestamptz not null default now(),
      disabled_at timestamptz
    )`,
    sql`create table statistician_session (
      id_hash text primary key,
      statistician_id integer not null references statistician on delete cascade,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      ended_at timestamptz
    )`,
    sql`create table audit_log (
      id bigserial primary key,
      at timestamptz not null default now(),
      actor text not null,
      action text not null,
      subject text,
      detail jsonb
    )`,
  ];
  for (const statement of statements) await statement.execute(db);
}
