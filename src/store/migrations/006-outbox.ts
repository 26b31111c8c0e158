import { sql, type Kysely } from 'kysely';

/** Invitations and reminders by e-mail: where to send, editable templates, and what was sent or failed. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`alter table invitation add column contact_email text`,
    sql`create table mail_template (
      round_id text not null references survey_round (id) on delete cascade,
      kind text not null check (kind in ('invitation', 'reminder')),
      language text not null check (language in ('nb', 'nn')),
      subject text not null,
      body text not null,
      primary key (round_id, kind, language)
    )`,
    sql`create table outbox (
      id serial primary key,
      round_id text not null,
      municipality text not null,
      kind text not null,
      to_address text not null,
      subject text not null,
      body text not null,
      status text not null check (status in ('sent', 'failed', 'bounced')),
      error text,
      message_id text,
      sent_by text not null,
      created_at timestamptz not null default now(),
      foreign key (round_id, municipality) references invitation on delete cascade
    )`,
  ];
  for (const statement of statements) await statement.execute(db);
}
