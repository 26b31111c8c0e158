import { sql, type Kysely } from 'kysely';

/** Control of a round: reasons for corrections, the contact log, and the outcome of each control flag. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`alter table response add column reason text`,
    sql`create table contact_log (
      id serial primary key,
      round_id text not null,
      municipality text not null,
      at timestamptz not null default now(),
      statistician text not null,
      channel text not null check (channel in ('phone', 'email', 'meeting', 'other')),
      question text not null,
      answer text not null default '',
      foreign key (round_id, municipality) references invitation on delete cascade
    )`,
    sql`create table control_outcome (
      round_id text not null,
      municipality text not null,
      flag text not null,
      outcome text not null check (outcome in ('confirmed', 'corrected', 'pending')),
      note text not null default '',
      statistician text not null,
      at timestamptz not null default now(),
      primary key (round_id, municipality, flag),
      foreign key (round_id, municipality) references invitation on delete cascade
    )`,
  ];
  for (const statement of statements) await statement.execute(db);
}
